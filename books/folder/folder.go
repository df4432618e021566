// Package folder owns the formats of the directories warrantkit writes: a
// reissue's manifest.json and .reissue.json, an exercise's or assignment's
// record (exercise.json, assignment.json), the copies of the inputs under
// inputs/ and the entry that names each file with its sha256 and size.
//
// books writes them; ocf maps them to Open Cap Table Format; verify reads
// them back. folder imports neither, so that ocf can read a directory
// without the whole of books.
package folder

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
)

// Tool is the name the records and manifests of warrantkit give their
// writer; verify and ocf export read only those.
const Tool = "warrantkit"

// Names of the files of an output directory.
const (
	ManifestName = "manifest.json" // a reissue's, written last
	StateName    = ".reissue.json" // what a reissue --resume must match
	RegisterCopy = "inputs/register.csv"
)

// CaseCopy is the path of the copy of the case file casePath under inputs/:
// inputs/case.json for a JSON case, inputs/case.yaml for any other.
func CaseCopy(casePath string) string {
	if strings.EqualFold(filepath.Ext(casePath), ".json") {
		return "inputs/case.json"
	}
	return "inputs/case.yaml"
}

// File is a file of the directory, relative to it (slash-separated), with
// its sha256 and size: an entry of a manifest or a record.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Manifest is a reissue's manifest.json: the inputs, the options, and every
// file written, in register order, the tables last.
type Manifest struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	Inputs  struct {
		Case     File `json:"case"`
		Register File `json:"register"`
	} `json:"inputs"`
	Options  Options `json:"options"`
	Warrants int     `json:"warrants"`
	Files    []File  `json:"files"`
}

// Options are everything besides the inputs that decides a reissue's output.
type Options struct {
	FirstNumber string `json:"first_number"`
	Date        string `json:"date"`
	ESign       string `json:"esign,omitempty"`
	EmbedData   bool   `json:"embed_data,omitempty"`
	Created     string `json:"created,omitempty"` // SOURCE_DATE_EPOCH, as a time (RFC 3339)
	Bundle      bool   `json:"bundle,omitempty"`
	// Font is the SHA-256 of the fallback font (--font) the documents
	// were made with; verify needs the same file.
	Font string `json:"font_sha256,omitempty"`
}

// State is .reissue.json: what an interrupted reissue left for a --resume
// to match. It stays after the run.
type State struct {
	Version  string  `json:"version"`
	Case     string  `json:"case_sha256"`
	Register string  `json:"register_sha256"`
	Options  Options `json:"options"`
}

// Encode writes v as warrantkit writes its JSON: struct order, two-space
// indent, no HTML escaping, a final newline. The same value gives the same
// bytes.
func Encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
