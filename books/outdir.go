package books

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/internal/safepath"
)

// Where a command writes: checked before the first byte is written, by the
// caller, with the name of the command and of the flag (or option) that gave
// the path. A bad path is an *OutError that says what is wrong and what is
// allowed.

// CheckOutDir checks the directory a command writes into: it must be absent
// (it is created) or an empty directory. With nonEmptyOK (a reissue, whose
// claim judges what the directory holds) a directory that holds files is
// also accepted.
func CheckOutDir(cmd, flag, dir string, nonEmptyOK bool) error {
	allowed := "an empty directory, or a path that does not exist yet"
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist) || fileAncestor(dir) != "":
		return checkCreatable(cmd, flag, dir, allowed)
	case err != nil:
		return outError(cmd, flag, dir, "cannot be read: "+safepath.Unwrap(err).Error(), allowed)
	case !fi.IsDir():
		return outError(cmd, flag, dir, "is a file, not a directory", allowed)
	}
	if nonEmptyOK {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return outError(cmd, flag, dir, "cannot be read: "+safepath.Unwrap(err).Error(), allowed)
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if err != nil && !errors.Is(err, io.EOF) {
		return outError(cmd, flag, dir, "cannot be read: "+safepath.Unwrap(err).Error(), allowed)
	}
	if len(names) > 0 {
		return outError(cmd, flag, dir, fmt.Sprintf("is not empty (it holds %q): what is written would mix with what is there", names[0]), allowed)
	}
	return nil
}

// CheckOutFile checks the file a command writes (form -o, ocf import -o):
// it may exist (it is replaced) but must not be a directory, and its
// directory must be one or creatable.
func CheckOutFile(cmd, flag, path string) error {
	allowed := "the name of a file to write or replace"
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) || fileAncestor(path) != "":
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&os.ModeSymlink != 0 {
			return outError(cmd, flag, path, "is a symbolic link to a path that does not exist", allowed)
		}
		if p := fileAncestor(path); p != "" {
			return outError(cmd, flag, path, "cannot be made: "+p+" is a file, not a directory", allowed)
		}
		return nil
	case err != nil:
		return outError(cmd, flag, path, "cannot be read: "+safepath.Unwrap(err).Error(), allowed)
	case fi.IsDir():
		return outError(cmd, flag, path, "is a directory", allowed)
	case !fi.Mode().IsRegular():
		return outError(cmd, flag, path, "is not a regular file", allowed)
	}
	return nil
}

// checkCreatable checks that dir, which does not exist, can be made: it is
// not a dangling symbolic link and the nearest existing ancestor is a
// directory.
func checkCreatable(cmd, flag, dir, allowed string) error {
	if li, err := os.Lstat(dir); err == nil && li.Mode()&os.ModeSymlink != 0 {
		target, _ := os.Readlink(dir)
		return outError(cmd, flag, dir, fmt.Sprintf("is a symbolic link to %s, which does not exist", target), allowed)
	}
	if p := fileAncestor(dir); p != "" {
		return outError(cmd, flag, dir, "cannot be made: "+p+" is a file, not a directory", allowed)
	}
	return nil
}

// fileAncestor is the nearest existing ancestor of path when it is not a
// directory (so path cannot be made), else "".
func fileAncestor(path string) string {
	for p := filepath.Dir(filepath.Clean(path)); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			return p
		case err == nil:
			return ""
		}
		if next := filepath.Dir(p); next == p {
			return ""
		}
	}
}

func outError(cmd, flag, path, problem, allowed string) error {
	return &OutError{Command: cmd, Flag: flag, Path: path, Problem: problem, Allowed: allowed}
}
