package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// Where a command writes: checked before the first byte is written. A bad
// --out, --certificates or -o is a usage error (exit 2) that names the flag,
// what is wrong and what is allowed.

// checkOutDir checks the directory a command writes into: it must be absent
// (it is created) or an empty directory. With nonEmptyOK (reissue --resume)
// a directory that holds files is also accepted.
func checkOutDir(cmd, flag, dir string, nonEmptyOK bool) error {
	allowed := "an empty directory, or a path that does not exist yet"
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist) || fileAncestor(dir) != "":
		return checkCreatable(cmd, flag, dir, allowed)
	case err != nil:
		return outError(cmd, flag, dir, "cannot be read: "+unwrapPath(err).Error(), allowed)
	case !fi.IsDir():
		return outError(cmd, flag, dir, "is a file, not a directory", allowed)
	}
	if nonEmptyOK {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return outError(cmd, flag, dir, "cannot be read: "+unwrapPath(err).Error(), allowed)
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if err != nil && !errors.Is(err, io.EOF) {
		return outError(cmd, flag, dir, "cannot be read: "+unwrapPath(err).Error(), allowed)
	}
	if len(names) > 0 {
		if cmd == "reissue" {
			allowed += "; or --resume to finish an interrupted reissue into it"
		}
		return outError(cmd, flag, dir, fmt.Sprintf("is not empty (it holds %q): what is written would mix with what is there", names[0]), allowed)
	}
	return nil
}

// checkOutFile checks the file a command writes (form -o, ocf import -o):
// it may exist (it is replaced) but must not be a directory, and its
// directory must be one or creatable.
func checkOutFile(cmd, flag, path string) error {
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
		return outError(cmd, flag, path, "cannot be read: "+unwrapPath(err).Error(), allowed)
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
	return usageErrorf("%s: %s %s %s (allowed: %s)", cmd, flag, path, problem, allowed)
}

// checkFileNames refuses, before anything is written, a case whose event ids
// give one file name, which can only be because they differ in letter case
// alone ("X" and "x"): on a case-insensitive file system (macOS, Windows)
// one certificate would replace the other. The ids must then differ in more
// than case, on every system, so that an output directory can be copied
// anywhere whole.
func checkFileNames(c *compute.Case, casePath string) error {
	seen := make(map[string]compute.Event, len(c.Events))
	for _, e := range c.Events {
		key := strings.ToLower(fileName(e.Name()))
		if first, dup := seen[key]; dup {
			return &compute.InputError{File: casePath, Line: e.Line, Field: fmt.Sprintf("events[%d].id", e.Index),
				Problem: fmt.Sprintf("events %q (line %d) and %q give one certificate file name on a case-insensitive file system (macOS, Windows)", first.Name(), first.Line, e.Name()),
				Allowed: "event ids that differ in more than letter case"}
		}
		seen[key] = e
	}
	return nil
}

// outputPaths notes the files a command will write, relative to its
// directory, and refuses a second one with the same name (compared without
// letter case): the belt to fileName's braces.
type outputPaths struct {
	file string // the input the names come from, for the error
	seen map[string]string
}

func newOutputPaths(file string) *outputPaths {
	return &outputPaths{file: file, seen: map[string]string{}}
}

// add notes rel, written for what; it fails if rel was noted before.
func (p *outputPaths) add(rel, what string) error {
	key := strings.ToLower(rel)
	if first, dup := p.seen[key]; dup {
		return &compute.InputError{File: p.file, Problem: fmt.Sprintf("%s and %s would both be written to %s", first, what, rel),
			Allowed: "event ids and warrant numbers that differ in more than letter case"}
	}
	p.seen[key] = what
	return nil
}
