package ocf

// The OCF v1.2.0 JSON schemas, embedded: the product validates every file it
// reads, and the tests every file it writes, against the same copy. The
// schemas and their license (schema/LICENSE.md) are the Open Cap Table
// Coalition's, unchanged.

import (
	"bytes"
	"embed"
	"fmt"
	"github.com/warrantkit/warrantkit/internal/strictjson"
	"io/fs"

	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed schema
var schemaFS embed.FS

// SchemaBase is the $id prefix of every OCF v1.2.0 schema.
const SchemaBase = "https://schema.opencaptablecoalition.com/v/1.2.0/"

// Version is the OCF version read and written.
const Version = "1.2.0"

var (
	schemaOnce sync.Once
	schemaErr  error
	compiled   map[string]*jsonschema.Schema // by path under schema/, e.g. "files/TransactionsFile.schema.json"
)

// schemaFor returns the compiled schema at rel (a path under schema/).
func schemaFor(rel string) (*jsonschema.Schema, error) {
	schemaOnce.Do(compileSchemas)
	if schemaErr != nil {
		return nil, schemaErr
	}
	s, ok := compiled[rel]
	if !ok {
		return nil, fmt.Errorf("ocf: no embedded schema %s", rel)
	}
	return s, nil
}

// compileSchemas adds every embedded schema under its $id and compiles the
// file schemas and the object schemas.
func compileSchemas() {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	var rels []string
	err := fs.WalkDir(schemaFS, "schema", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".schema.json") {
			return err
		}
		data, err := schemaFS.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("ocf: embedded schema %s: %w", p, err)
		}
		rel := strings.TrimPrefix(p, "schema/")
		rels = append(rels, rel)
		return c.AddResource(SchemaBase+rel, doc)
	})
	if err != nil {
		schemaErr = err
		return
	}
	compiled = make(map[string]*jsonschema.Schema, len(rels))
	for _, rel := range rels {
		if !strings.HasPrefix(rel, "files/") && !strings.HasPrefix(rel, "objects/") {
			continue
		}
		s, err := c.Compile(SchemaBase + rel)
		if err != nil {
			schemaErr = fmt.Errorf("ocf: compile %s: %w", rel, err)
			return
		}
		compiled[rel] = s
	}
}

// fileSchemas maps an OCF file_type to its schema.
var fileSchemas = map[string]string{
	"OCF_MANIFEST_FILE":               "files/OCFManifestFile.schema.json",
	"OCF_DOCUMENTS_FILE":              "files/DocumentsFile.schema.json",
	"OCF_FINANCINGS_FILE":             "files/FinancingsFile.schema.json",
	"OCF_STAKEHOLDERS_FILE":           "files/StakeholdersFile.schema.json",
	"OCF_STOCK_CLASSES_FILE":          "files/StockClassesFile.schema.json",
	"OCF_STOCK_LEGEND_TEMPLATES_FILE": "files/StockLegendTemplatesFile.schema.json",
	"OCF_STOCK_PLANS_FILE":            "files/StockPlansFile.schema.json",
	"OCF_TRANSACTIONS_FILE":           "files/TransactionsFile.schema.json",
	"OCF_VALUATIONS_FILE":             "files/ValuationsFile.schema.json",
	"OCF_VESTING_TERMS_FILE":          "files/VestingTermsFile.schema.json",
}

// objectSchemas maps an object_type to its schema, found from the const of
// each object schema's object_type property.
var objectSchemas = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	fs.WalkDir(schemaFS, "schema/objects", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := schemaFS.ReadFile(p)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil
		}
		props, _ := doc.(map[string]any)["properties"].(map[string]any)
		ot, _ := props["object_type"].(map[string]any)
		if k, ok := ot["const"].(string); ok {
			m[k] = strings.TrimPrefix(p, "schema/")
		}
		if ks, ok := ot["enum"].([]any); ok {
			for _, k := range ks {
				if k, ok := k.(string); ok {
					m[k] = strings.TrimPrefix(p, "schema/")
				}
			}
		}
		return nil
	})
	return m
})

// Problem is one thing wrong with an OCF package: the file, the JSON path
// (RFC 6901 pointer, "" for the whole file), the object concerned if any,
// what is wrong and what is allowed.
type Problem struct {
	File    string
	Path    string
	Problem string
	Allowed string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Problem)
	if p.Allowed != "" {
		b.WriteString(" (allowed: " + p.Allowed + ")")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var printer = message.NewPrinter(language.English)

// numericPattern is OCF's Numeric primitive.
const numericPattern = strictjson.NumericPattern

// validateDoc validates doc (decoded with jsonschema.UnmarshalJSON) against
// the schema at rel and returns the problem, if any, located in file. A
// transactions file's items are validated against the schema of their own
// object_type, so that an error names the field instead of "oneOf failed".
func validateDoc(file, rel string, doc any) ([]Problem, error) {
	s, err := schemaFor(rel)
	if err != nil {
		return nil, err
	}
	verr := s.Validate(doc)
	if verr == nil {
		return nil, nil
	}
	ve, ok := verr.(*jsonschema.ValidationError)
	if !ok {
		return nil, verr
	}
	// Items of files whose items are of many types: validate each against its own type.
	if m, ok := doc.(map[string]any); ok {
		if items, ok := m["items"].([]any); ok {
			var out []Problem
			for i, it := range items {
				obj, _ := it.(map[string]any)
				ot, _ := obj["object_type"].(string)
				orel, ok := objectSchemas()[ot]
				if !ok {
					continue
				}
				if allowed := itemTypes(rel); allowed != nil && !allowed[orel] {
					out = append(out, Problem{File: file, Path: fmt.Sprintf("/items/%d/object_type", i),
						Problem: fmt.Sprintf("object %v of type %s may not stand in this file: %s does not list it", obj["id"], ot, rel),
						Allowed: "the object types the file's schema lists"})
					continue
				}
				ps, err := validateDoc(file, orel, it)
				if err != nil {
					return nil, err
				}
				for _, p := range ps {
					p.Path = fmt.Sprintf("/items/%d", i) + p.Path
					out = append(out, p)
				}
			}
			if len(out) > 0 {
				return out, nil
			}
		}
	}
	return []Problem{leafProblem(file, ve)}, nil
}

// itemTypes is the set of object schemas a file schema's items may be
// (nil when its items are not a oneOf of references).
func itemTypes(rel string) map[string]bool {
	data, err := schemaFS.ReadFile("schema/" + rel)
	if err != nil {
		return nil
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	props, _ := doc.(map[string]any)["properties"].(map[string]any)
	items, _ := props["items"].(map[string]any)
	inner, _ := items["items"].(map[string]any)
	refs, _ := inner["oneOf"].([]any)
	if refs == nil {
		return nil
	}
	out := map[string]bool{}
	for _, r := range refs {
		if m, ok := r.(map[string]any); ok {
			if ref, ok := m["$ref"].(string); ok {
				out[strings.TrimPrefix(ref, SchemaBase)] = true
			}
		}
	}
	return out
}

// leafProblem turns a validation error into the problem of its most precise
// cause: the deepest instance location, the first such.
func leafProblem(file string, ve *jsonschema.ValidationError) Problem {
	best := ve
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			if len(e.InstanceLocation) > len(best.InstanceLocation) || len(best.Causes) > 0 {
				best = e
			}
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	p := Problem{File: file, Path: pointer(best.InstanceLocation), Problem: best.ErrorKind.LocalizedString(printer)}
	if pk, ok := best.ErrorKind.(*kind.Pattern); ok && pk.Want == numericPattern {
		p.Problem = fmt.Sprintf("%q is not an OCF decimal string", pk.Got)
		if _, frac, ok := strings.Cut(pk.Got, "."); ok && len(frac) > 10 && strings.Trim(frac, "0123456789") == "" {
			p.Problem = fmt.Sprintf("%q has %d decimals", pk.Got, len(frac))
		}
		p.Allowed = "a decimal string with at most 10 decimals, " + numericPattern
	}
	return p
}

// pointer is the JSON pointer of a location.
func pointer(loc []string) string {
	var b strings.Builder
	for _, t := range loc {
		b.WriteString("/")
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// ValidateFile validates an OCF file (any file_type) against its schema and
// returns its problems; name is the file name problems quote.
func ValidateFile(name string, data []byte) ([]Problem, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return []Problem{{File: name, Problem: "is not JSON: " + err.Error()}}, nil
	}
	if err := strictjson.CheckKeys(name, data); err != nil {
		return []Problem{keyProblem(err)}, nil
	}
	m, _ := doc.(map[string]any)
	ft, _ := m["file_type"].(string)
	rel, ok := fileSchemas[ft]
	if !ok {
		return []Problem{{File: name, Path: "/file_type", Problem: fmt.Sprintf("unknown file_type %q", ft)}}, nil
	}
	return validateDoc(name, rel, doc)
}
