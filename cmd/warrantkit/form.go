package main

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

//go:embed default-case.yaml
var defaultCase []byte

var formKinds = []string{"exercise", "assignment", "partial-assignment", "warrant"}

func runForm(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "form", "exercise|assignment|partial-assignment|warrant [--blank] [CASE --warrant NUM] -o FILE")
	blank := fs.Bool("blank", false, "leave every blank to fill by hand")
	warrant := fs.String("warrant", "", "fill the form for this warrant of CASE")
	output := fs.StringP("output", "o", "", "write the PDF to `FILE` (required)")
	df := newDocFlags(fs, "attach the form's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 || len(rest) > 2 {
		return usageErrorf("form: expected a form (%v) and an optional CASE (run warrantkit form --help)", formKinds)
	}
	kind := rest[0]
	known := false
	for _, k := range formKinds {
		known = known || k == kind
	}
	if !known {
		return usageErrorf("form: unknown form %q (allowed: exercise, assignment, partial-assignment, warrant)", kind)
	}
	if *output == "" {
		return usageErrorf("form: -o FILE is required")
	}
	if err := checkOutFile("form", "-o", *output); err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	var c *compute.Case
	var w compute.Warrant
	if len(rest) == 2 {
		if c, err = books.LoadCase(rest[1], ""); err != nil {
			return err
		}
		if *warrant != "" {
			if w, err = books.FindWarrant(c, *warrant); err != nil {
				return err
			}
		} else if !*blank {
			return usageErrorf("form: give --warrant NUM to fill the form, or --blank")
		}
	} else {
		if !*blank || *warrant != "" {
			return usageErrorf("form: without a CASE only --blank forms can be made")
		}
		if c, err = compute.DecodeCase("default-case.yaml", bytes.NewReader(defaultCase)); err != nil {
			return fmt.Errorf("the built-in case: %w", err)
		}
	}
	if *blank {
		w = compute.Warrant{Number: c.Terms.Series + "-"}
	}
	var doc *render.Doc
	switch kind {
	case "exercise":
		doc, err = templates.ExerciseForm(c, templates.ExerciseInput{Warrant: w}, opt.Documents)
	case "assignment", "partial-assignment":
		doc, err = templates.Assignment(c, templates.AssignInput{Warrant: w, Blank: *blank, Partial: kind == "partial-assignment"}, opt.Documents)
	case "warrant":
		doc, err = templates.Warrant(c, templates.WarrantInput{Warrant: w, Blank: *blank}, opt.Documents)
	}
	if err != nil {
		return err
	}
	return books.WriteAtomic(*output, doc.Write)
}
