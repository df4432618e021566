package ocf

import (
	"errors"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// TestDistinctPaths: an export never writes two files at one path, nor a
// file where another needs a directory.
func TestDistinctPaths(t *testing.T) {
	f := func(p string) OutFile { return OutFile{Path: p, From: safepath.From{File: "m.json", Field: p}} }
	for _, c := range []struct {
		paths []string
		bad   bool
	}{
		{[]string{"a.pdf", "warrants/a.pdf", "warrants-x/a.pdf", "Manifest.ocf.json"}, false},
		{[]string{"warrants/a.pdf", "b.pdf", "warrants/a.pdf"}, true},
		{[]string{"warrants", "warrants-x/a.pdf", "warrants/deep/a.pdf"}, true},
		{[]string{"warrants/deep/a.pdf", "warrants/deep"}, true},
	} {
		var files []OutFile
		for _, p := range c.paths {
			files = append(files, f(p))
		}
		err := distinctPaths(files)
		if (err != nil) != c.bad || (err != nil && (!strings.Contains(err.Error(), "m.json: ") || !errors.Is(err, compute.ErrInvalid))) {
			t.Errorf("%v: %v", c.paths, err)
		}
	}
}
