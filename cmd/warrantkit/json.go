package main

import (
	"io"

	"github.com/warrantkit/warrantkit/books/folder"
)

// writeJSON writes v as warrantkit writes all its JSON (folder.Encode):
// indented by two spaces, with a final newline, <, > and & left as they are
// (holder names and methods are text, not HTML); the same value always
// gives the same bytes.
func writeJSON(w io.Writer, v any) error {
	b, err := folder.Encode(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
