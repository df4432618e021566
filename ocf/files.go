package ocf

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/warrantkit/warrantkit/books/folder"
	"hash"
	"io"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// The files a reissue's manifest.json or an exercise or assign record
// lists are read through safepath (inside the directory, regular files)
// and checked against the sha256 and size the listing gives before they
// are used: ocf export never exports a tampered output.

// listed is a file a manifest or record lists: from names the listing file
// and the field of the path ("files[3].path", "/files/3/path"), field the
// prefix of the entry's other fields ("files[3].", "/files/3/").
type listed struct {
	folder.File
	from  safepath.From
	field string
}

// mismatch is the problem of a listed file whose size or digest differs.
func (l listed) mismatch(what, got, want string) error {
	return &compute.InputError{File: l.from.File, Field: l.field + what,
		Problem: fmt.Sprintf("%s has %s %s, the listing says %s: it changed after it was written", l.Path, what, got, want),
		Allowed: "the files as warrantkit wrote them (warrantkit verify tells what changed)"}
}

// readListed reads a listed file of at most safepath.MaxRead bytes and
// checks its size and sha256.
func readListed(root *safepath.Root, l listed) ([]byte, error) {
	data, err := root.ReadFile(l.Path, l.from, safepath.MaxRead)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != l.Size {
		return nil, l.mismatch("size", fmt.Sprint(len(data)), fmt.Sprint(l.Size))
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != l.SHA256 {
		return nil, l.mismatch("sha256", got, l.SHA256)
	}
	return data, nil
}

// copyListed copies a listed file to w as a stream, checking its size and
// sha256, and returns the digests of extra (such as md5) of what it copied.
// On a mismatch what was copied must be thrown away.
func copyListed(root *safepath.Root, l listed, w io.Writer, extra ...hash.Hash) ([]string, error) {
	f, st, err := root.Open(l.Path, l.from)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() != l.Size {
		return nil, l.mismatch("size", fmt.Sprint(st.Size()), fmt.Sprint(l.Size))
	}
	sha := sha256.New()
	ws := []io.Writer{w, sha}
	for _, h := range extra {
		ws = append(ws, h)
	}
	n, err := io.Copy(io.MultiWriter(ws...), io.LimitReader(f, l.Size+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", root.Path(l.Path), err)
	}
	if n != l.Size {
		return nil, l.mismatch("size", fmt.Sprint(n), fmt.Sprint(l.Size))
	}
	if got := hex.EncodeToString(sha.Sum(nil)); got != l.SHA256 {
		return nil, l.mismatch("sha256", got, l.SHA256)
	}
	sums := make([]string, len(extra))
	for i, h := range extra {
		sums[i] = hex.EncodeToString(h.Sum(nil))
	}
	return sums, nil
}

// checkListed checks a listed file's size and sha256 and returns its md5.
func checkListed(root *safepath.Root, l listed) (string, error) {
	sums, err := copyListed(root, l, io.Discard, md5.New())
	if err != nil {
		return "", err
	}
	return sums[0], nil
}
