package books

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"

	"github.com/warrantkit/warrantkit/compute/casefile"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

//go:embed default-case.yaml
var defaultCase []byte

// DefaultCase is the built-in case: the Glowpoint, Inc. W-F-05 warrant's
// issuer and terms, without holders or events.
func DefaultCase() (*compute.Case, error) {
	c, err := casefile.Decode("default-case.yaml", bytes.NewReader(defaultCase))
	if err != nil {
		return nil, fmt.Errorf("the built-in case: %w", err)
	}
	return c, nil
}

// FormKinds are the forms of the Warrant that Form makes.
var FormKinds = []string{"exercise", "assignment", "partial-assignment", "warrant"}

// IsForm reports whether kind is one of FormKinds.
func IsForm(kind string) bool { return slices.Contains(FormKinds, kind) }

// Form makes the form kind (one of FormKinds) of c's Warrant, filled for w,
// or with every blank left to fill by hand.
func Form(kind string, c *compute.Case, w compute.Warrant, blank bool, opt Options) (*render.Doc, error) {
	if blank {
		w = compute.Warrant{Number: c.Terms.Series + "-"}
	}
	switch kind {
	case "exercise":
		return templates.ExerciseForm(c, templates.ExerciseInput{Warrant: w}, opt.Documents)
	case "assignment", "partial-assignment":
		return templates.Assignment(c, templates.AssignInput{Warrant: w, Blank: blank, Partial: kind == "partial-assignment"}, opt.Documents)
	case "warrant":
		return templates.Warrant(c, templates.WarrantInput{Warrant: w, Blank: blank}, opt.Documents)
	}
	return nil, fmt.Errorf("no form %q", kind)
}
