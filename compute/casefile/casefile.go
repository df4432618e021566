package casefile

// The entry points and the walk of the top-level mapping. Each part of the
// file has its own decoder: terms.go, issuer.go, warrants.go, events.go (and
// eventfields.go for the fields of each type), transactions.go (and
// txfields.go), marketvalue.go; nodes.go holds
// the schema's mappings and lists, fields.go the scalar fields.

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"go.yaml.in/yaml/v3"
)

// Load reads and decodes the case file at path; see Decode.
func Load(path string) (*compute.Case, error) {
	c, _, err := LoadData(path)
	return c, err
}

// LoadData is Load that also returns the bytes it decoded, read once: a
// caller that copies or hashes the case file uses these, never a second
// read that could see another file.
func LoadData(path string) (*compute.Case, []byte, error) {
	f, err := safepath.OpenRegular(path, "") // a FIFO or a device is refused, never read
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxCaseFileBytes {
		return nil, nil, caseTooLarge(path)
	}
	data, err := readCaseData(path, f)
	if err != nil {
		return nil, nil, err
	}
	c, err := decodeData(path, data)
	return c, data, err
}

// Decode decodes a case file, YAML or JSON, from r. name is the file name
// that errors quote. Every problem with the input is returned as a
// *compute.InputError (which wraps compute.ErrInvalid) locating the first
// problem found; an error reading r is returned as is.
//
// The terms are decoded first, wherever they stand in the file, because the
// warrants and events are validated against them (share_decimals,
// price_decimals, the series). Cross-references between events (id, ref,
// from_cse) are resolved after every event is decoded; whether a reference
// points backwards in time is for the engine to judge.
//
// No more than MaxCaseFileBytes are read from r: a larger input is refused
// before it is read whole (see limits.go for every limit).
func Decode(name string, r io.Reader) (*compute.Case, error) {
	data, err := readCaseData(name, r)
	if err != nil {
		return nil, err
	}
	return decodeData(name, data)
}

// decodeData decodes the case file data, named name.
func decodeData(name string, data []byte) (*compute.Case, error) {
	d := &caseDecoder{file: name}
	root, err := d.parse(data)
	if err != nil {
		return nil, err
	}
	return d.decodeCase(root)
}

// caseDecoder walks one case file's node tree.
type caseDecoder struct {
	file  string
	terms compute.Terms // valid once decodeTerms has returned
	text  int           // bytes of string fields decoded so far, aliases expanded
}

// fail builds the InputError for node n (which may be nil: then no line).
func (d *caseDecoder) fail(n *yaml.Node, path, problem, allowed string) *compute.InputError {
	e := &compute.InputError{File: d.file, Field: path, Problem: problem, Allowed: allowed}
	if n != nil {
		e.Line = n.Line
	}
	return e
}

// yamlLine picks the line out of a yaml syntax error such as
// "yaml: line 3: did not find expected key".
var yamlLine = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)

// parse turns the bytes into the root node of the single document.
func (d *caseDecoder) parse(data []byte) (*yaml.Node, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, d.fail(nil, "", "empty case file", "a YAML or JSON mapping with issuer, terms, warrants and events")
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		return nil, &compute.InputError{File: d.file, Line: line, Problem: "the file is not valid UTF-8"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decodeNode(dec, &doc); err != nil {
		if err == io.EOF {
			return nil, d.fail(nil, "", "empty case file: no document, only comments", "a YAML or JSON mapping with issuer, terms, warrants and events")
		}
		return nil, d.syntaxError(err)
	}
	var extra yaml.Node
	switch err := decodeNode(dec, &extra); {
	case err == io.EOF:
	case err != nil:
		return nil, d.syntaxError(err)
	default:
		return nil, d.fail(&extra, "", "more than one document in the file", "one document")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root, nil
}

// decodeNode decodes the next document. A panic inside the YAML parser on
// hostile input is turned into an error: a case file must never crash the
// program that reads it.
func decodeNode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: the parser failed: %v", p)
		}
	}()
	return dec.Decode(n)
}

// syntaxError converts an error of the YAML parser into an InputError.
func (d *caseDecoder) syntaxError(err error) *compute.InputError {
	msg := err.Error()
	e := &compute.InputError{File: d.file}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	e.Problem = "syntax error: " + strings.TrimPrefix(msg, "yaml: ")
	return e
}

// firstInvalidUTF8 is the offset of the first byte that is not valid UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// caseKeys are the keys of the file's top-level mapping. Each mapping's keys
// are listed with its decoder, in the order errors list them.
var caseKeys = []string{"issuer", "terms", "warrants", "events", "transactions"}

// decodeCase walks the top-level mapping: the terms first, which the rest
// is checked against, then the issuer, the warrants, the events and the
// transactions (whose ids must differ from the events').
func (d *caseDecoder) decodeCase(root *yaml.Node) (*compute.Case, error) {
	top, err := d.mapping(root, "", caseKeys)
	if err != nil {
		return nil, err
	}
	top.line = 0 // a missing top-level key is the whole file's problem
	if err := top.require(d, "issuer", "terms"); err != nil {
		return nil, err
	}
	c := &compute.Case{File: d.file}
	if c.Terms, err = d.decodeTerms(top); err != nil {
		return nil, err
	}
	d.terms = c.Terms
	if c.Issuer, err = d.decodeIssuer(top); err != nil {
		return nil, err
	}
	if n := top.get("warrants"); n != nil {
		if c.Warrants, err = d.decodeWarrants(n); err != nil {
			return nil, err
		}
	}
	if n := top.get("events"); n != nil {
		if c.Events, err = d.decodeEvents(n); err != nil {
			return nil, err
		}
	}
	if n := top.get("transactions"); n != nil {
		eventIDs := make(map[string]int)
		for _, e := range c.Events {
			if e.ID != "" {
				eventIDs[e.ID] = e.Index
			}
		}
		if c.Transactions, err = d.decodeTransactions(n, eventIDs); err != nil {
			return nil, err
		}
	}
	return c, nil
}
