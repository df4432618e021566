package templates

import (
	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// WaiverInput is a §7 Waiver Notice: the Holder's notice that it waives the
// limit on beneficial ownership. The caller computes the dates (templates
// does no date arithmetic): Effective is Date plus terms.cap_waiver_days
// calendar days, LastDaysFrom the expiration date less as many. A zero Date
// is the blank notice. Shares, when not zero, waives Section 7 for that many
// shares only ("any or all shares"); zero waives it for all of them, or, in
// the blank notice, leaves the choice to fill by hand.
type WaiverInput struct {
	Warrant      compute.Warrant
	Shares       decimal.Decimal `json:"Shares,omitzero"` // zero: all shares (omitted from the attached data)
	Date         compute.Date    // the date the notice is given (Section 12)
	Effective    compute.Date    // the date it takes effect
	LastDaysFrom compute.Date    // the first of the last cap_waiver_days days of the Term
}

// WaiverNotice is the Holder's Waiver Notice under Section 7: "upon a
// holder of this Warrant providing the Issuer with sixty-one (61) days
// notice (pursuant to Section 12 hereof) (the "Waiver Notice") that such
// Holder would like to waive this Section 7 with regard to any or all shares
// of Common Stock issuable upon exercise of this Warrant, this Section 7 will
// be of no force or effect with regard to all or a portion of the Warrant
// referenced in the Waiver Notice". Filled, it states the Warrant, the
// Holder, the date it is given and the date it takes effect.
func WaiverNotice(c *compute.Case, in WaiverInput, opt Options) (*render.Doc, error) {
	t, w := c.Terms, in.Warrant
	blank := blankWarrant(w)
	d, err := newDoc(c, opt, "Waiver Notice — Warrant No. "+w.Number, "Waiver of the limit on beneficial ownership under Section 7", w.Number, "Waiver Notice", in.Date)
	if err != nil {
		return nil, err
	}
	days := numberWordsFigures(t.CapWaiverDays)
	d.Add(paperHead(c, w, "WAIVER NOTICE", "Section 7 of the Warrant")...)
	d.Add(toIssuer(c))
	body := append([]render.Span{render.T("The undersigned, "), holderSpans(w), render.T(", the Holder of ")}, warrantSpans(c, w)...)
	body = append(body, render.T(" (the “Warrant”), hereby gives the Issuer notice, pursuant to Section 7 and Section 12 of the Warrant (the “Waiver Notice”), that the Holder would like to waive Section 7 of the Warrant with regard to "))
	portion := "all of the Warrant"
	switch {
	case in.Shares.IsPositive():
		n := figuresOnly(t, in.Shares)
		body = append(body, render.T(n+" of the shares of Common Stock issuable upon exercise of the Warrant."))
		portion = "the portion of the Warrant for those " + n + " shares"
	case blank:
		body = append(body, render.T("(strike out the alternative that does not apply) all shares / "), render.F("", 30), render.T(" shares of Common Stock issuable upon exercise of the Warrant."))
		portion = "all or the portion of the Warrant referenced in this Waiver Notice"
	default:
		body = append(body, render.T("all shares of Common Stock issuable upon exercise of the Warrant."))
	}
	d.Add(text(blank, body...))
	limit := "the limit of " + t.OwnershipCapPercent.String() + "% of the Common Stock outstanding"
	until := ". Until then " + limit + " continues to apply to each exercise."
	lastDays := !in.LastDaysFrom.IsZero() && !in.Effective.IsZero() && !in.Effective.Before(in.LastDaysFrom)
	if lastDays {
		// Section 7 lapses before the waiver takes effect.
		until = ". Section 7 is of no further force or effect in any case during the " + days + " days immediately preceding the expiration of the term of the Warrant, that is, from " +
			LongDate(in.LastDaysFrom) + ", before this Waiver Notice takes effect; until " + LongDate(in.LastDaysFrom) + " " + limit + " continues to apply to each exercise."
	}
	d.Add(text(blank, render.T("This Waiver Notice is given on "), dateSpan(in.Date, 45),
		render.T(". Section 7 requires "+days+" days notice: from "), dateSpan(in.Effective, 45),
		render.T(", "+days+" days after this notice is given, Section 7 will be of no force or effect with regard to "+portion+until)))
	d.Add(quoteAndSign("Section 7 of the Warrant provides that, notwithstanding anything to the contrary set forth in the Warrant,", quoteSection7, w, in.Date, opt))
	if err := attachData(d, opt, "waiver-notice.json", in); err != nil {
		return nil, err
	}
	return d, nil
}
