package books

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

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
// The last three are the Warrant's other papers (Papers), made by Paper.
var FormKinds = []string{"exercise", "assignment", "partial-assignment", "warrant", "waiver-notice", "exercise-default", "affidavit"}

// IsForm reports whether kind is one of FormKinds.
func IsForm(kind string) bool { return slices.Contains(FormKinds, kind) }

// Form makes the form kind (one of FormKinds) of c's Warrant, filled for w,
// or with every blank left to fill by hand. shares fills a Partial
// Assignment's number of shares ("" leaves its blank); it is checked here,
// before anything is written: more than 0, in the Warrant's decimals, at
// most the Warrant Share Number in effect. A filled form is of a warrant
// the ledger has outstanding.
func Form(kind string, c *compute.Case, w compute.Warrant, blank bool, shares string, opt Options) (*render.Doc, error) {
	var adjs []*compute.Adjustment // every history of the ledger, to its end
	var now *compute.Adjustment    // w's
	if blank {
		w = compute.Warrant{Number: c.Terms.Series + "-"}
	} else {
		var err error
		if adjs, err = compute.AdjustCase(c, compute.Date{}); err != nil {
			return nil, InCaseFile(err, c.File)
		}
		if now, err = outstandingIn(c.Terms, adjs, w, compute.Date{}); err != nil {
			return nil, err
		}
	}
	switch kind {
	case "exercise":
		return templates.ExerciseForm(c, templates.ExerciseInput{Warrant: w}, opt.Documents)
	case "assignment", "partial-assignment":
		in := templates.AssignInput{Warrant: w, Blank: blank, Partial: kind == "partial-assignment"}
		if shares != "" {
			if now == nil {
				return nil, errors.New("form: --shares fills a partial-assignment for a --warrant NUM, not a blank one")
			}
			s, err := sharesOf(c.Terms, now, shares)
			if err != nil {
				return nil, err
			}
			in.Shares = s
		}
		return templates.Assignment(c, in, opt.Documents)
	case "warrant":
		in := templates.WarrantInput{Warrant: w, Blank: blank}
		if !blank && now.CreatedBy != nil {
			in = issuedWarrant(c, adjs, now)
		}
		return templates.Warrant(c, in, opt.Documents)
	}
	return nil, fmt.Errorf("no form %q", kind)
}

// issuedWarrant is the Warrant a transaction of c's ledger created, a, as
// it was issued (the document the transaction wrote): "Replacing Warrant
// No." its parent, and the Schedule of Adjustments along its lineage to its
// issue. adjs are every history of the ledger.
func issuedWarrant(c *compute.Case, adjs []*compute.Adjustment, a *compute.Adjustment) templates.WarrantInput {
	in := templates.CreatedWarrant(templates.Lineage(c.Terms.Series, replaceAdj(adjs, atIssue(a)), a.Warrant), c.Transactions)
	in.Issued = a.Issued
	return in
}

// formShares reads a Partial Assignment's shares: a decimal above 0 with at
// most the Warrant's share decimals.
func formShares(t compute.Terms, s string) (decimal.Decimal, error) {
	n, err := ParseDecimal("shares", s)
	if err != nil {
		return n, err
	}
	if n.Sign() <= 0 || !n.Equal(n.Round(t.ShareDecimals)) {
		return n, &compute.InputError{Field: "shares", Problem: fmt.Sprintf("%s is not a number of shares of Warrant Stock", s),
			Allowed: fmt.Sprintf("more than 0, with at most %d decimals", t.ShareDecimals)}
	}
	return n, nil
}
