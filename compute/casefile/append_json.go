package casefile

// Where the recorded transactions go in a JSON case file: before the `]` of
// the top-level "transactions" array, or a "transactions" member added
// before the final `}`. Nothing outside the array (or the added member)
// changes.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// jsonShape is what the insertion needs to know of a JSON case file: all
// offsets into the data.
type jsonShape struct {
	found      bool // there is a top-level "transactions" member
	keyEnd     int  // the end of its key (or of the last member's key)
	open       int  // after its `[`
	lastItem   int  // after its last item; -1 when the array is empty
	lastMember int  // after the value of the top-level object's last member
}

// jsonInsertion is the insertion of items (JSON objects) into the JSON case
// file data.
func jsonInsertion(name string, data []byte, items []string) (insertion, error) {
	s, err := scanJSON(data)
	var shape shapeError
	switch {
	case errors.As(err, &shape):
		e := &compute.InputError{File: name, Field: shape.field, Problem: shape.problem, Allowed: shape.allowed}
		if shape.field != "" {
			e.Line = 1 + bytes.Count(data[:s.keyEnd], []byte("\n"))
		}
		return insertion{}, e
	case err != nil:
		return insertion{}, &compute.InputError{File: name, Problem: "the case file starts with '{' but is not strict JSON (" + err.Error() + "), so the transactions cannot be appended to it as JSON",
			Allowed: "a JSON object (RFC 8259), or the case file in YAML"}
	}
	multiline := bytes.IndexByte(data, '\n') >= 0 && bytes.IndexByte(bytes.TrimSpace(data), '\n') >= 0
	keyIndent := lineIndent(data, s.keyEnd)
	unit := keyIndent
	if unit == "" {
		unit = "  "
	}
	nl := lineEnding(data)
	switch {
	case !s.found && multiline:
		return insertion{s.lastMember, "," + nl + keyIndent + `"transactions": [` + nl +
			keyIndent + unit + strings.Join(items, ","+nl+keyIndent+unit) + nl + keyIndent + "]"}, nil
	case !s.found:
		return insertion{s.lastMember, `, "transactions": [` + strings.Join(items, ", ") + "]"}, nil
	case s.lastItem < 0 && multiline:
		return insertion{s.open, nl + keyIndent + unit + strings.Join(items, ","+nl+keyIndent+unit) + nl + keyIndent}, nil
	case s.lastItem < 0:
		return insertion{s.open, strings.Join(items, ", ")}, nil
	}
	// After the last item, spaced as the items are: on their own lines
	// when the first one is on a line of its own.
	between := data[s.open:]
	ws := between[:len(between)-len(bytes.TrimLeft(between, " \t\r\n"))]
	if i := bytes.LastIndexByte(ws, '\n'); i >= 0 {
		indent := string(ws[i+1:])
		return insertion{s.lastItem, "," + nl + indent + strings.Join(items, ","+nl+indent)}, nil
	}
	return insertion{s.lastItem, ", " + strings.Join(items, ", ")}, nil
}

// lineIndent is the leading white space of the line holding offset at.
func lineIndent(data []byte, at int) string {
	start := bytes.LastIndexByte(data[:at], '\n') + 1
	line := data[start:at]
	return string(line[:len(line)-len(bytes.TrimLeft(line, " \t"))])
}

// scanJSON finds the top-level "transactions" array, its last item and the
// top-level object's last member in strict JSON.
func scanJSON(data []byte) (jsonShape, error) {
	s := jsonShape{lastItem: -1, lastMember: -1}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil {
		return s, err
	} else if t != json.Delim('{') {
		return s, shapeError{"", "is not a JSON object", "a JSON object with issuer, terms, warrants, events and transactions"}
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return s, err
		}
		keyEnd := int(dec.InputOffset())
		if key == "transactions" && !s.found {
			s.found, s.keyEnd = true, keyEnd
			if err := scanArray(dec, &s); err != nil {
				return s, err
			}
		} else if err := skipValue(dec); err != nil {
			return s, err
		}
		if !s.found {
			s.keyEnd = keyEnd
		}
		s.lastMember = int(dec.InputOffset())
	}
	if _, err := dec.Token(); err != nil { // the closing }
		return s, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return s, errors.New("something follows the top-level object")
	}
	if s.lastMember < 0 {
		return s, shapeError{"", "is an empty JSON object", "a JSON object with issuer, terms, warrants, events and transactions"}
	}
	return s, nil
}

// scanArray reads the "transactions" value, which must be an array.
func scanArray(dec *json.Decoder, s *jsonShape) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t != json.Delim('[') {
		return shapeError{"transactions", "is not an array, so the transactions cannot be appended to it", "an array (possibly empty: []), or no transactions member"}
	}
	s.open = int(dec.InputOffset())
	for dec.More() {
		if err := skipValue(dec); err != nil {
			return err
		}
		s.lastItem = int(dec.InputOffset())
	}
	_, err = dec.Token() // the closing ]
	return err
}

// shapeError is a JSON case file that is JSON but not of the shape a
// transaction can be appended to.
type shapeError struct{ field, problem, allowed string }

func (e shapeError) Error() string { return e.problem }

// skipValue reads one whole value.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
