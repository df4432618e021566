// Package safepath confines the paths an input names to the directory the
// input describes.
//
// A reissue's manifest.json, an exercise or assign record and an OCF
// manifest all name other files by a path. Such a path is data, not a
// command: it must stay inside its directory. Every reader of such a path
// opens it through a Root, which refuses
//
//   - an empty or absolute path, and one that leaves the directory with ".."
//     once cleaned (Clean);
//   - a path through a symbolic link that leads outside the directory, or
//     whose last component is one (os.Root, which resolves links itself and
//     opens each component with O_NOFOLLOW);
//   - anything but a regular file: a directory, a device such as /dev/zero,
//     a FIFO (opened with O_NONBLOCK, so that opening one cannot hang), a
//     socket;
//   - more bytes than the caller's limit.
//
// Writers of paths an input names (ocf export) write through a Root too.
// Every refusal is a *compute.InputError (exit 3) naming the file that
// named the path, its field and what is allowed.
package safepath

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/warrantkit/warrantkit/compute"
)

// MaxRead is the most bytes ReadFile callers in warrantkit read into memory
// from a file an input names (an OCF file, a manifest, a record, a copied
// case or register): 256 MiB, far beyond any real one.
const MaxRead = 256 << 20

// Allowed is what a path an input names may be.
const Allowed = "a relative path inside the directory, to a regular file (no .., no absolute path, no link leading outside, no device or FIFO)"

// From is where a path came from: the file that named it and the field, for
// errors. A File alone names a fixed name the caller looks for.
type From struct {
	File  string
	Field string
}

// Error is a refused path: a *compute.InputError (errors.As finds it, and
// errors.Is(err, compute.ErrInvalid) holds) that also unwraps to the cause
// when there is one, so that errors.Is(err, fs.ErrNotExist) tells a missing
// file.
type Error struct {
	compute.InputError
	Err error
}

// Unwrap returns the input error and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{&e.InputError}
	}
	return []error{&e.InputError, e.Err}
}

func refuse(from From, cause error, format string, a ...any) error {
	return &Error{InputError: compute.InputError{File: from.File, Field: from.Field, Problem: fmt.Sprintf(format, a...), Allowed: Allowed}, Err: cause}
}

// Clean checks name, a slash-separated path as an input writes it, and
// returns it cleaned, in the form of the operating system. It refuses an
// empty or absolute path, one that leaves the directory once cleaned, and
// one with a backslash or NUL (a path means the same on every system).
func Clean(name string, from From) (string, error) {
	switch {
	case name == "":
		return "", refuse(from, nil, "the path is empty")
	case strings.ContainsAny(name, "\\\x00"):
		return "", refuse(from, nil, "%q has a backslash or NUL", name)
	case path.IsAbs(name) || filepath.IsAbs(name) || filepath.VolumeName(name) != "":
		return "", refuse(from, nil, "%q is an absolute path", name)
	}
	local := filepath.FromSlash(path.Clean(name))
	if !filepath.IsLocal(local) {
		return "", refuse(from, nil, "%q leaves the directory", name)
	}
	return local, nil
}

// Root is a directory that the paths an input names must stay in.
type Root struct {
	dir  string
	root *os.Root
}

// OpenRoot opens the directory dir. dir itself is the user's choice, not
// an input's: it may be anywhere, and a link.
func OpenRoot(dir string) (*Root, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Root{dir: dir, root: r}, nil
}

// Close closes the directory.
func (r *Root) Close() error { return r.root.Close() }

// Dir is the directory as given to OpenRoot.
func (r *Root) Dir() string { return r.dir }

// Path is name (as given to Open) joined to the directory, for messages.
func (r *Root) Path(name string) string {
	return filepath.Join(r.dir, filepath.FromSlash(name))
}

// Open opens name, named by from, for reading: a regular file inside the
// directory. It never blocks on a FIFO.
func (r *Root) Open(name string, from From) (*os.File, fs.FileInfo, error) {
	local, err := Clean(name, from)
	if err != nil {
		return nil, nil, err
	}
	f, err := r.root.OpenFile(local, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, nil, openProblem(name, from, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, refuse(from, err, "cannot read %s: %v", name, Unwrap(err))
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, refuse(from, nil, "%s is %s, not a regular file", name, kind(st.Mode()))
	}
	return f, st, nil
}

func openProblem(name string, from From, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return refuse(from, err, "cannot read %s: no such file", name)
	case escapes(err):
		return refuse(from, nil, "%s leads outside the directory through a link", name)
	case errors.Is(err, syscall.ENXIO):
		return refuse(from, nil, "%s is a socket or a device, not a regular file", name)
	}
	return refuse(from, err, "cannot read %s: %v", name, Unwrap(err))
}

// escapes tells os.Root's refusal of a path that leaves it (through a link,
// since Clean refused the rest): the os package does not export that error,
// only its text.
func escapes(err error) bool {
	return strings.Contains(err.Error(), "path escapes from parent")
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a file (" + m.String() + ")"
}

// Unwrap drops the path from an *fs.PathError (an *os.PathError), anywhere
// in err's chain: a message that names the path already says the rest.
func Unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads name, named by from: a regular file inside the directory
// of at most limit bytes.
func (r *Root) ReadFile(name string, from From, limit int64) ([]byte, error) {
	f, st, err := r.Open(name, from)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, tooLarge(name, from, limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, refuse(from, err, "cannot read %s: %v", name, Unwrap(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, from, limit)
	}
	return data, nil
}

func tooLarge(name string, from From, limit int64) error {
	size := strconv.FormatInt(limit, 10) + " bytes"
	if limit >= 1<<20 {
		size = strconv.FormatInt(limit>>20, 10) + " MiB"
	}
	e := refuse(from, nil, "%s is larger than %s", name, size)
	e.(*Error).Allowed = "a file of at most " + size
	return e
}

var tmpSeq atomic.Int64

// WriteFile writes name, a path an input named (from), inside the
// directory: so that it exists under its name only when complete (a
// temporary file beside it, synced, then renamed), creating the
// directories it needs. It refuses a path Clean refuses, and one that
// resolves outside the directory through a link.
func (r *Root) WriteFile(name string, from From, write func(io.Writer) error) (err error) {
	local, err := Clean(name, from)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(local); dir != "." {
		if err := r.root.MkdirAll(dir, 0o755); err != nil {
			return writeProblem(r, name, from, err)
		}
	}
	tmp, f, err := r.createTemp(local)
	if err != nil {
		return writeProblem(r, name, from, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			r.root.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", r.Path(name), err)
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = r.root.Rename(tmp, local); err != nil {
		return writeProblem(r, name, from, err)
	}
	return nil
}

func (r *Root) createTemp(local string) (string, *os.File, error) {
	for {
		tmp := filepath.Join(filepath.Dir(local), "."+filepath.Base(local)+".tmp-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(tmpSeq.Add(1), 10))
		f, err := r.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return tmp, f, err
		}
	}
}

func writeProblem(r *Root, name string, from From, err error) error {
	if escapes(err) {
		return refuse(from, nil, "%s leads outside %s through a link", name, r.dir)
	}
	return fmt.Errorf("write %s: %w", r.Path(name), Unwrap(err))
}

// ReadRegular reads the file at p, a path the user chose (a command-line
// argument, or a fixed name in a directory given on it): it may be
// anywhere, through links, but must be a regular file of at most limit
// bytes, so that a FIFO or a device given by mistake is refused rather than
// hanging or filling memory. Problems are input errors naming p and field
// (the flag or field that named p; may be empty).
func ReadRegular(p, field string, limit int64) ([]byte, error) {
	from := From{File: p, Field: field}
	f, err := OpenRegular(p, field)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, regular(refuse(from, err, "cannot read: %v", Unwrap(err)))
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, regular(refuse(from, err, "cannot read: %v", Unwrap(err)))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(filepath.Base(p), from, limit)
	}
	return data, nil
}

// OpenRegular opens the file at p, a path the user chose (a command-line
// argument), for reading. It must be a regular file: a FIFO, a device or a
// directory is refused (an *Error, exit 3) without blocking, since it is
// opened non-blocking, so a FIFO with no writer cannot hang the command.
// An error opening p is returned as it is, an *fs.PathError.
func OpenRegular(p, field string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, regular(refuse(From{File: p, Field: field}, nil, "is %s, not a regular file", kind(st.Mode())))
	}
	return f, nil
}

// regular says what ReadRegular allows.
func regular(err error) error {
	err.(*Error).Allowed = "a regular file"
	return err
}
