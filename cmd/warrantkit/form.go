package main

import (
	"context"
	_ "embed"
	"strings"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

func runForm(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "form", "exercise|assignment|partial-assignment|warrant|waiver-notice|exercise-default|affidavit [--blank] [CASE --warrant NUM [--shares N] [--date D] [--exercise-date D] [--reason R]] -o FILE")
	blank := fs.Bool("blank", false, "leave every blank to fill by hand")
	warrant := fs.String("warrant", "", "fill the form for this warrant of CASE (an original, or one a transaction of its ledger created)")
	shares := fs.String("shares", "", "partial-assignment, exercise-default, waiver-notice with --warrant: the shares of Warrant Stock assigned, whose certificates were due, or for which Section 7 is waived (default: left blank to fill by hand; waiver-notice: all shares)")
	date := fs.String("date", "", "waiver-notice (required), exercise-default, affidavit with --warrant: the `DATE` the paper is given or signed (YYYY-MM-DD; default: left blank)")
	exerciseDate := fs.String("exercise-date", "", "exercise-default with --warrant (required): the `DATE` of the exercise in default (YYYY-MM-DD)")
	reason := fs.String("reason", "", "affidavit with --warrant (required): lost, stolen, destroyed or mutilated (§3(d))")
	register := fs.String("register", "", "take the original warrants from this register `CSV` instead of the case file")
	output := fs.StringP("output", "o", "", "write the PDF to `FILE` (required)")
	df := newDocFlags(fs, "attach the form's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 || len(rest) > 2 {
		return usageErrorf("form: expected a form (%v) and an optional CASE (run warrantkit form --help)", books.FormKinds)
	}
	kind := rest[0]
	if !books.IsForm(kind) {
		return usageErrorf("form: unknown form %q (allowed: %s)", kind, strings.Join(books.FormKinds, ", "))
	}
	paper := books.PaperInput{Date: *date, ExerciseDate: *exerciseDate, Shares: *shares, Reason: *reason}
	if books.IsPaper(kind) {
		if msg := books.PaperFlags(kind, paper, *blank || *warrant == ""); msg != "" && (*warrant != "" || *blank) {
			return usageErrorf("%s", msg)
		}
	} else if *shares != "" && (kind != "partial-assignment" || *warrant == "" || *blank) {
		return usageErrorf("form: --shares fills a partial-assignment for a --warrant NUM of CASE")
	} else if *date != "" || *exerciseDate != "" || *reason != "" {
		return usageErrorf("form %s: --date, --exercise-date and --reason fill the papers (waiver-notice, exercise-default, affidavit)", kind)
	}
	if *output == "" {
		return usageErrorf("form: -o FILE is required")
	}
	if err := books.CheckOutFile("form", "-o", *output); err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	var c *compute.Case
	var w compute.Warrant
	if len(rest) == 2 {
		if c, err = books.LoadCase(rest[1], *register); err != nil {
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
		switch {
		case *warrant != "":
			return usageErrorf("form: --warrant %s needs the CASE it is a warrant of: warrantkit form %s CASE --warrant %s -o FILE", *warrant, kind, *warrant)
		case *register != "":
			return usageErrorf("form: --register needs a CASE: warrantkit form %s CASE --register FILE.csv --warrant NUM -o FILE", kind)
		case !*blank:
			return usageErrorf("form: without a CASE only --blank forms can be made")
		}
		if c, err = books.DefaultCase(); err != nil {
			return err
		}
	}
	if err := books.CheckPrintable(c, *register, opt.Documents.Font); err != nil {
		return err
	}
	var doc *render.Doc
	if books.IsPaper(kind) {
		doc, err = books.Paper(kind, c, w, *blank, paper, opt)
	} else {
		doc, err = books.Form(kind, c, w, *blank, *shares, opt)
	}
	if err != nil {
		return err
	}
	return books.WriteAtomic(*output, doc.Write)
}
