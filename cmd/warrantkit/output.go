package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

// writeAtomic writes a file so that it exists under its final name only when
// complete: into a temporary file in the same directory, synced, then renamed.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
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
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
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

// writeDoc renders doc into path atomically.
func writeDoc(path string, doc *render.Doc) error {
	return writeAtomic(path, doc.Write)
}

// fileName turns an event or warrant name into a file name part, one to one:
// two names never give one file name, so no document overwrites another.
//
// A name of letters, digits, '.', '_' and '-' is kept as it is ("split-2006",
// "W-F-05-001"); an event without an id, "#3", becomes "event-3". Any other
// byte is written as '~' and two upper-case hex digits ("x:1" → "x~3A1",
// "~" → "~7E"), as is the first byte of a name that would read as another's:
// a leading '.' (a hidden file, "." or "..") and a literal id "event-3"
// ("~65vent-3"). A name longer than maxNamePart bytes once escaped keeps its
// first bytes and ends in "~~" and the first 128 bits of its sha256: no
// escaped name contains "~~".
//
// Names that differ only in letter case ("X" and "x") give file names that
// differ only in case: one file on a case-insensitive file system (macOS,
// Windows). checkFileNames refuses such a case before anything is written.
func fileName(s string) string {
	if n, ok := strings.CutPrefix(s, "#"); ok && allDigits(n) {
		return "event-" + n
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if safeNameByte(c) && !(i == 0 && (c == '.' || readsAsUnnamed(s))) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "~%02X", c)
		}
	}
	name := b.String()
	if len(name) <= maxNamePart {
		return name
	}
	cut := maxNamePart - 2 - 32
	for cut > 0 && strings.LastIndexByte(name[:cut], '~') >= cut-2 { // do not split a ~XX
		cut--
	}
	sum := sha256.Sum256([]byte(s))
	return name[:cut] + "~~" + hex.EncodeToString(sum[:16])
}

// maxNamePart keeps a certificate's name, a warrant's and an event's part,
// under the 255 bytes file systems allow.
const maxNamePart = 100

func safeNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// readsAsUnnamed is a name that fileName would otherwise give an event
// without an id: "event-3".
func readsAsUnnamed(s string) bool {
	n, ok := strings.CutPrefix(s, "event-")
	return ok && allDigits(n)
}

// docFlags are the flags every command that writes documents shares.
type docFlags struct {
	esign     *string
	embedData *bool
}

// newDocFlags defines --esign and --embed-data on fs; embed says what
// --embed-data attaches.
func newDocFlags(fs *pflag.FlagSet, embed string) docFlags {
	return docFlags{
		esign:     fs.String("esign", "", "add invisible signature tags for adobe, dropbox or docusign"),
		embedData: fs.Bool("embed-data", false, embed),
	}
}

func (f docFlags) options(env *Env) (templates.Options, error) {
	opt := templates.Options{Creator: "warrantkit " + version, EmbedData: *f.embedData}
	if *f.esign != "" {
		ok := false
		for _, s := range templates.ESignServices {
			ok = ok || s == *f.esign
		}
		if !ok {
			return opt, &compute.InputError{Field: "--esign", Problem: fmt.Sprintf("%q is not a service", *f.esign), Allowed: strings.Join(templates.ESignServices, ", ")}
		}
		opt.ESign = *f.esign
	}
	// SOURCE_DATE_EPOCH fixes every document's creation date (reproducible builds).
	if s := env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		secs, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return opt, &compute.InputError{Field: "SOURCE_DATE_EPOCH", Problem: fmt.Sprintf("%q is not a number of seconds", s), Allowed: "an integer, seconds since 1970-01-01 UTC"}
		}
		opt.Created = time.Unix(secs, 0).UTC()
	}
	return opt, nil
}
