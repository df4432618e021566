package templates

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates/internal/markup"
)

// The Warrant's own text — the instrument and its attached forms — lives in
// text/warrant.txt, in the markup of package markup (described at the top of
// that file and in the package's documentation). This file parses it once
// and lays out its sections; forms.go and the documents supply the values
// of its placeholders.

//go:embed text/warrant.txt
var warrantSource string

var warrantTemplate = sync.OnceValues(func() (*markup.Doc, error) {
	return markup.Parse("text/warrant.txt", warrantSource)
})

// WarrantSections lists the sections of the Warrant's text in order:
// "warrant" (the instrument through its signature block), "exercise-form",
// "assignment", "partial-assignment", "issuer-record".
func WarrantSections() []string {
	wt, err := warrantTemplate()
	if err != nil {
		return nil
	}
	return wt.Sections()
}

// WarrantPlaceholders lists what a section needs, each name once in order of
// first appearance: fields are fill-in blanks (optional values), texts are
// plain-text values (required). An unknown section gives nil, nil.
func WarrantPlaceholders(section string) (fields, texts []string) {
	wt, err := warrantTemplate()
	if err != nil {
		return nil, nil
	}
	s := wt.Section(section)
	if s == nil {
		return nil, nil
	}
	return s.Placeholders()
}

// WarrantText lays out one section of the Warrant's text with values filling
// its placeholders. Sections that begin a new page in the Warrant (the
// Exercise Form, whose page the Assignment and Partial Assignment share, and
// the issuer-only record) begin with a render.PageBreak; at the start of a
// document of their own it is harmless (the engine ignores a page break on
// an empty page).
func WarrantText(section string, values map[string]string) ([]render.Block, error) {
	wt, err := warrantTemplate()
	if err != nil {
		return nil, err
	}
	s := wt.Section(section)
	if s == nil {
		return nil, fmt.Errorf("templates: the Warrant has no section %q (it has %s)", section, strings.Join(WarrantSections(), ", "))
	}
	blocks, missing := s.Fill(values)
	if len(missing) > 0 {
		names := make([]string, len(missing))
		for i, n := range missing {
			names[i] = "{{=" + n + "}}"
		}
		return nil, fmt.Errorf("templates: Warrant section %q: no value for %s", section, strings.Join(names, ", "))
	}
	return blocks, nil
}

// missingTexts lists the required texts of every section of the Warrant
// that values leave empty, each once, in order of first appearance.
func missingTexts(values map[string]string) ([]string, error) {
	wt, err := warrantTemplate()
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, name := range wt.Sections() {
		_, m := wt.Section(name).Fill(values)
		for _, n := range m {
			if !slices.Contains(missing, n) {
				missing = append(missing, n)
			}
		}
	}
	return missing, nil
}
