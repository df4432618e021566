package main

import (
	"encoding/json"
	"io"
	"strings"
)

// writeJSON writes v as JSON indented by two spaces, with a final newline,
// leaving <, > and & as they are (holder names and methods are text, not
// HTML); the same value always gives the same bytes.
func writeJSON(w io.Writer, v any) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}
