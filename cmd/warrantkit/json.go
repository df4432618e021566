package main

import (
	"encoding/json"
	"io"
)

// newJSONEncoder indents by two spaces and leaves <, > and & as they are
// (holder names and methods are text, not HTML).
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc
}
