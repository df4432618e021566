package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
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

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName turns an event or warrant name into a safe file name part: "#3" → "event-3".
func fileName(s string) string {
	if strings.HasPrefix(s, "#") {
		s = "event-" + s[1:]
	}
	return strings.Trim(unsafeName.ReplaceAllString(s, "_"), "_")
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
