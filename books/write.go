package books

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/books/folder"
)

// writeAtomic writes a file so that it exists under its final name only when
// complete: into a temporary file in the same directory, synced, then renamed.
func writeAtomic(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicWrite(path, 0o644, "", false, write)
}

// atomicWrite writes path so that it holds its old content or all of the
// new, whenever the process stops: a temporary file beside it, written by
// write, given perm, synced and renamed over path. syncDirectory also syncs
// the directory, so that the rename survives a crash of the machine. A
// binary built with -tags testhooks stalls, for a kill test, at
// stall+"-write" (the temporary file half written) and stall+"-rename"
// (written, not renamed); "" stalls nowhere.
func atomicWrite(path string, perm fs.FileMode, stall string, syncDirectory bool, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	var w io.Writer = f
	if stall != "" {
		w = stallWriter(f, stall+"-write")
	}
	if err = write(w); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if stall != "" {
		stallAt(stall + "-rename")
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	if syncDirectory {
		return syncDir(dir)
	}
	return nil
}

// writeUnsynced writes data to path so that it exists under its final name
// only when complete, like writeAtomic, but leaves syncing it to the caller.
func writeUnsynced(path string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-w")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if errors.Is(err, os.ErrNotExist) {
		if err = os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		}
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// WriteFile writes data to path atomically (writeAtomic).
func WriteFile(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// WriteAtomic writes a file so that it exists under its final name only
// when complete, and reaches the disk before it does (writeAtomic).
func WriteAtomic(path string, write func(io.Writer) error) error { return writeAtomic(path, write) }

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// entry is the manifest's or record's entry of data written to rel.
func entry(rel string, data []byte) folder.File {
	return folder.File{Path: rel, SHA256: sha(data), Size: int64(len(data))}
}

// hashWriter counts and hashes (sha256) what is written to it.
type hashWriter struct {
	h    hash.Hash
	size int64
}

func newHashWriter() *hashWriter { return &hashWriter{h: sha256.New()} }

func (w *hashWriter) Write(p []byte) (int, error) { w.size += int64(len(p)); return w.h.Write(p) }

func (w *hashWriter) sum() string { return hex.EncodeToString(w.h.Sum(nil)) }
