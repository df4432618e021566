package books

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

// The Warrant's other papers, made by `form` like its forms: the §7 Waiver
// Notice, the §2(d) Exercise Default Notice and the §3(d) affidavit.

// PaperInput is what a paper is filled from besides the warrant, as the
// command line gives it: dates YYYY-MM-DD, shares a decimal, a reason of
// §3(d). Empty values are blanks left to fill by hand, except those a
// filled paper requires (see Paper).
type PaperInput struct {
	Date         string // --date: the notice's or the affidavit's date
	ExerciseDate string // --exercise-date: the exercise in default
	Shares       string // --shares: the shares whose certificates were due, or for which Section 7 is waived
	Reason       string // --reason: lost, stolen, destroyed or mutilated
}

// Papers are the paper kinds among FormKinds, and the flags each takes
// besides --warrant (those it requires when filled first).
var Papers = map[string][]string{
	"waiver-notice":    {"--date", "--shares"},
	"exercise-default": {"--exercise-date", "--date", "--shares"},
	"affidavit":        {"--reason", "--date"},
}

// IsPaper reports whether kind is one of the papers.
func IsPaper(kind string) bool { _, ok := Papers[kind]; return ok }

// PaperFlags reports whether in gives a flag that kind does not take, or,
// filled, lacks the one it requires: the usage error's text, or "".
func PaperFlags(kind string, in PaperInput, blank bool) string {
	given := map[string]string{"--date": in.Date, "--exercise-date": in.ExerciseDate, "--shares": in.Shares, "--reason": in.Reason}
	takes := Papers[kind]
	for _, f := range []string{"--date", "--exercise-date", "--shares", "--reason"} {
		if given[f] != "" && (blank || !slices.Contains(takes, f)) {
			if blank {
				return fmt.Sprintf("form %s: %s fills the paper for a --warrant NUM of CASE, not a --blank one", kind, f)
			}
			return fmt.Sprintf("form %s: takes no %s (it takes %s)", kind, f, strings.Join(takes, ", "))
		}
	}
	if !blank && len(takes) > 0 && given[takes[0]] == "" {
		return fmt.Sprintf("form %s: %s is required to fill it (or --blank)", kind, takes[0])
	}
	return ""
}

// Paper makes the paper kind (one of Papers) for w of c, or blank. Every
// value of in is checked before anything is made: dates in the Warrant's
// Term, shares above 0 in the Warrant's decimals, a reason of §3(d).
func Paper(kind string, c *compute.Case, w compute.Warrant, blank bool, in PaperInput, opt Options) (*render.Doc, error) {
	t := c.Terms
	if blank {
		w = compute.Warrant{Number: t.Series + "-"}
	}
	date, err := paperDate("date", in.Date, t, kind != "exercise-default")
	if err != nil {
		return nil, err
	}
	switch kind {
	case "waiver-notice":
		wi := templates.WaiverInput{Warrant: w, Date: date}
		if !date.IsZero() {
			wi.Effective = date.AddDays(t.CapWaiverDays)
			wi.LastDaysFrom = t.ExpirationDate().AddDays(-t.CapWaiverDays)
		}
		if !blank && !date.IsZero() {
			if lapse := wi.LastDaysFrom; !date.Before(lapse) {
				return nil, &compute.InputError{Field: "--date", Problem: fmt.Sprintf("%s is in the last %d days of the Term, from %s, when Section 7 is of no force or effect: there is nothing to waive", date, t.CapWaiverDays, lapse),
					Allowed: fmt.Sprintf("a date before %s", lapse)}
			}
			a, err := outstandingOn(c, w, date)
			if err != nil {
				return nil, err
			}
			if in.Shares != "" {
				if wi.Shares, err = sharesOf(t, a, in.Shares); err != nil {
					return nil, err
				}
			}
		}
		return templates.WaiverNotice(c, wi, opt.Documents)
	case "exercise-default":
		return exerciseDefault(c, w, date, in, opt)
	case "affidavit":
		if in.Reason != "" && !slices.Contains(compute.ReplacementReasons, in.Reason) {
			return nil, &compute.InputError{Field: "--reason", Problem: fmt.Sprintf("%q is not a reason of §3(d)", in.Reason), Allowed: strings.Join(compute.ReplacementReasons, ", ")}
		}
		if !blank {
			if _, err := outstandingOn(c, w, date); err != nil {
				return nil, err
			}
		}
		return templates.Affidavit(c, templates.AffidavitInput{Warrant: w, Reason: in.Reason, Date: date}, opt.Documents)
	}
	return nil, fmt.Errorf("no paper %q", kind)
}

// outstandingOn is the history of w, which must be outstanding on date
// (issued by then, not surrendered before it) or, for the zero date, at the
// end of the ledger: a Holder signs a paper, and the Issuer fills a form,
// only for a warrant the Holder holds. A surrendered warrant is refused,
// naming what surrendered it.
func outstandingOn(c *compute.Case, w compute.Warrant, date compute.Date) (*compute.Adjustment, error) {
	adjs, err := compute.AdjustCase(c, date)
	if err != nil {
		return nil, InCaseFile(err, c.File)
	}
	return outstandingIn(c.Terms, adjs, w, date)
}

// outstandingIn is outstandingOn with the ledger's histories to date, adjs,
// already computed.
func outstandingIn(t compute.Terms, adjs []*compute.Adjustment, w compute.Warrant, date compute.Date) (*compute.Adjustment, error) {
	key := compute.WarrantNumberKey(t.Series, w.Number)
	when, allowed := "on "+date.String(), "a warrant outstanding on the paper's date"
	if date.IsZero() {
		when, allowed = "any more", "a warrant the ledger has outstanding"
	}
	for _, a := range adjs {
		if compute.WarrantNumberKey(t.Series, a.Warrant) != key {
			continue
		}
		if outstandingAt(a, date) {
			return a, nil
		}
		if s := a.Surrendered; s != nil && (date.IsZero() || !a.Issued.After(date)) {
			issued := ""
			if len(s.Successors) > 0 {
				issued = ", issuing " + strings.Join(s.Successors, ", ")
			}
			return nil, &compute.InputError{Field: "--warrant", Problem: fmt.Sprintf("%s is not outstanding %s: the %s of %s surrendered it%s", w.Number, when, s.Type, s.Date, issued), Allowed: allowed}
		}
		break // issued after date
	}
	return nil, &compute.InputError{Field: "--warrant", Problem: fmt.Sprintf("%s is not issued yet on %s", w.Number, date), Allowed: allowed}
}

// sharesOf reads a number of shares of the warrant whose history is a
// (a Waiver Notice's, a Partial Assignment's): more than 0, in the Warrant's
// decimals, and at most its Warrant Share Number at the end of a.
func sharesOf(t compute.Terms, a *compute.Adjustment, s string) (decimal.Decimal, error) {
	n, err := formShares(t, s)
	if err != nil {
		return n, err
	}
	if n.GreaterThan(a.Final.Shares) {
		max := a.Final.Shares.StringFixed(t.ShareDecimals)
		return n, &compute.InputError{Field: "--shares", Problem: fmt.Sprintf("%s is more than the %s shares Warrant No. %s is exercisable for", s, max, a.Warrant),
			Allowed: "more than 0, at most " + max}
	}
	return n, nil
}

// exerciseDefault checks an Exercise Default Notice's exercise and makes
// it: the exercise in the Warrant's exercise period, the deadline
// terms.delivery_trading_days Trading Days after it, the notice (when
// dated) after the deadline, since there is no Exercise Default before.
func exerciseDefault(c *compute.Case, w compute.Warrant, date compute.Date, in PaperInput, opt Options) (*render.Doc, error) {
	t := c.Terms
	di := templates.DefaultInput{Warrant: w, Date: date}
	ex, err := paperDate("exercise-date", in.ExerciseDate, t, true)
	if err != nil {
		return nil, err
	}
	if !ex.IsZero() {
		if ex.Before(t.ExerciseStart) {
			return nil, &compute.InputError{Field: "--exercise-date", Problem: fmt.Sprintf("%s is before the Warrant may be exercised", ex),
				Allowed: fmt.Sprintf("from %s (§2(a)) to %s", t.ExerciseStart, t.ExpirationDate())}
		}
		if di.Deadline, err = compute.AddTradingDays(ex, t.DeliveryTradingDays); err != nil {
			return nil, err
		}
		if !date.IsZero() && !date.After(di.Deadline) {
			return nil, &compute.InputError{Field: "--date", Problem: fmt.Sprintf("%s is not after the delivery deadline %s, so there is no Exercise Default yet (§2(d))", date, di.Deadline),
				Allowed: fmt.Sprintf("a date after %s", di.Deadline)}
		}
	}
	di.ExerciseDate = ex
	if in.Shares != "" {
		if di.Shares, err = formShares(t, in.Shares); err != nil {
			return nil, err
		}
	}
	return templates.ExerciseDefaultNotice(c, di, opt.Documents)
}

// paperDate reads a paper's date: "" is none; else YYYY-MM-DD from the
// Original Issue Date, and in the Term (to the expiration date) when
// inTerm. (An Exercise Default Notice may follow an exercise on the last
// day of the Term.)
func paperDate(field, s string, t compute.Terms, inTerm bool) (compute.Date, error) {
	if s == "" {
		return compute.Date{}, nil
	}
	allowed := fmt.Sprintf("a date YYYY-MM-DD from %s to %s", t.OriginalIssueDate, t.ExpirationDate())
	if !inTerm {
		allowed = fmt.Sprintf("a date YYYY-MM-DD from %s", t.OriginalIssueDate)
	}
	d, err := compute.ParseDate(s)
	if err != nil {
		return d, &compute.InputError{Field: "--" + field, Problem: err.Error(), Allowed: allowed}
	}
	if d.Before(t.OriginalIssueDate) || (inTerm && d.After(t.ExpirationDate())) {
		return d, &compute.InputError{Field: "--" + field, Problem: fmt.Sprintf("%s is outside the Term of the Warrant", d), Allowed: allowed}
	}
	return d, nil
}

// replacementAffidavit adds to a §3(d) replacement's files the affidavit
// the Holder signs for it, affidavit-<number>.pdf for the warrant replaced:
// filled for the warrant and the reason, its date left blank (the Holder
// dates it when sworn).
func replacementAffidavit(c *compute.Case, rec *pendingRecord, tx compute.Transaction, old compute.Warrant, docs templates.Options) error {
	doc, err := templates.Affidavit(c, templates.AffidavitInput{Warrant: old, Reason: tx.Reason}, docs)
	if err != nil {
		return err
	}
	return recordDoc(rec, "affidavit-"+fileName(old.Number)+".pdf", doc)
}
