package templates

import (
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// What each status of an entry says in sections 1 and 3 of a Certificate
// of Adjustment: the facts and why they require (or do not require) an
// adjustment, and the method.

// eventSection is section 1: the facts, then what they require.
func eventSection(c *compute.Case, e compute.Entry) []render.Block {
	ev, _ := findEvent(c, e.Event)
	switch e.Type {
	case compute.CSEExpiry, compute.CSEPriceIncrease, compute.DividendAbandoned:
		return rewriteFacts(c, e, ev)
	}
	facts := eventFacts(c, e, ev)
	if s := requirement(c, e, ev); s != "" {
		facts += " " + s
	}
	out := []render.Block{ctext(facts)}
	if len(e.Carries) > 0 {
		s := "This adjustment also makes the adjustment postponed under Section 4(g)(ii) for " + eventNames(c, e.Carries) + "."
		if f := e.Figures; f != nil && f.Rule != "" {
			s += " The computation below therefore starts from the Warrant Price and Warrant Share Number as they stand with that adjustment made: " +
				usd(c.Terms, f.P) + " and " + shares(c.Terms, f.N) + " shares."
		}
		out = append(out, ctext(s))
	}
	return out
}

// requirement says why the facts require the adjustment, or why not.
func requirement(c *compute.Case, e compute.Entry, ev compute.Event) string {
	t, f := c.Terms, e.Figures
	if f == nil {
		f = &compute.Figures{}
	}
	switch e.Status {
	case compute.StatusTriggeringEvent:
		if ev.Assumed {
			return "Before the consummation, " + ev.Successor + " assumed by written instrument the obligations of the Issuer under this Warrant and the obligation to deliver to the Holder the consideration below. Under Section 4(a)(ii) a Triggering Event is therefore not deemed to have occurred; the Warrant continues in full force and effect, and its terms apply to that consideration."
		}
		return "This is a Triggering Event under Section 4(a)(i). The Warrant Price and the Warrant Share Number are unchanged; on exercise the Holder is entitled, at the Warrant Price in effect immediately prior to the consummation, to the consideration a holder of the Warrant Share Number would have received."
	case compute.StatusNoAdjustment:
		return noAdjustment(t, f)
	}
	s := "Section " + e.Section + " of the Warrant therefore requires the adjustment below."
	if f.Rule == "4(d)" {
		s = "The price per share is less than the Warrant Price then in effect, " + usd(t, f.P) + ", and Section 4(d)(i) therefore requires an adjustment of the Warrant Price"
		if f.CS.IsZero() {
			s = "Section 4(d)(i) therefore requires an adjustment of the Warrant Price"
		}
		if e.Type == compute.CSEIssuance {
			s = "That price is less than the Warrant Price in effect immediately before the issue, " + usd(t, f.P) +
				": under Section 4(e) the maximum number of shares issuable on conversion or exchange is deemed issued and outstanding, and the Warrant Price is adjusted as provided in Section 4(d)"
		}
		s += "."
	}
	switch e.Status {
	case compute.StatusLimitedByFloor:
		s += " The adjustment is limited by the floor of Section 4 (the third sentence of its first paragraph)."
	case compute.StatusDeferred:
		s += " Under Section 4(g)(ii) the adjustment is postponed: together with the other adjustments not previously made it changes the Warrant Share Number by " +
			shares(t, f.DeferChange) + " shares, less than " + asGiven(t.DeferralThresholdPercent) + "% of the " + shares(t, f.DeferBase) +
			" shares for which this Warrant is exercisable. It is carried forward and made as soon as, together with other adjustments, it reaches that minimum, or on the date of exercise."
	}
	return s
}

// noAdjustment says why an event made no adjustment.
func noAdjustment(t compute.Terms, f *compute.Figures) string {
	switch f.Reason {
	case compute.ReasonNotBelow:
		return "The price per share, " + usd(t, f.CS) + ", is not less than the Warrant Price then in effect, " + usd(t, f.P) + ": Section 4(d)(i) requires no adjustment."
	case compute.ReasonAtFloor:
		return "The price per share is less than the Warrant Price then in effect, " + usd(t, f.P) + ", but the Warrant Price is already at or below the Per Share Market Value on the Original Issue Date, " +
			usd(t, f.F) + ", below which the third sentence of the first paragraph of Section 4 does not allow it to be adjusted: no adjustment is made."
	case compute.ReasonFromEarnings:
		return "A cash dividend payable out of earnings or earned surplus requires no adjustment (Section 4(c)(i))."
	case compute.ReasonLiveCSE:
		return "The adjustment for these shares was made when the Common Stock Equivalents were issued, under Section 4(e); Section 4(d)(ii) requires no further adjustment."
	case compute.ReasonZeroPrice:
		return "The adjustment would leave a Warrant Price of zero, which is no price: no adjustment is made."
	}
	return "The event leaves the Warrant Price and the Warrant Share Number unchanged: no adjustment is made."
}

// methodSection is section 3: the Warrant's formula, its symbols, and the
// formula with the numbers (inline: see rewriteMethod).
func methodSection(c *compute.Case, e compute.Entry, inline bool) []render.Block {
	t, f := c.Terms, e.Figures
	switch {
	case e.Rewrite != nil:
		return rewriteMethod(c, e, inline)
	case e.Type == compute.TriggeringEvent:
		return triggeringMethod(t, e)
	case f == nil || f.Rule == "":
		return []render.Block{ctext("No formula of Section 4 is applied; the Warrant Price and the Warrant Share Number stay as they were.")}
	}
	limited := e.Status == compute.StatusLimitedByFloor
	out := []render.Block{ctext(ruleLead(f.Rule))}
	out = append(out, formula(f.Rule, limited, f.SharesFollow)...)
	out = append(out, ctext("With the numbers ("+roundingNote(t)+"):"))
	out = append(out, numbers(t, f, limited)...)
	var notes string
	if f.Rule == "4(d)" {
		notes = deemedWords(c, f, nil)
	}
	if notes != "" {
		out = append(out, ctext(notes))
	}
	if e.Status == compute.StatusDeferred {
		out = append(out, ctext("That adjustment is postponed (section 1): the Warrant Price and the Warrant Share Number in effect stay "+
			usd(t, e.After.Price)+" and "+shares(t, e.After.Shares)+" shares."))
	}
	return out
}

// ruleLead introduces a rule's formula in a line.
func ruleLead(rule string) string {
	switch rule {
	case "4(b)":
		return "Section 4(b) gives the Holder the shares a record holder of the Warrant Share Number would own after the event, for the same aggregate Warrant Price:"
	case "4(c)":
		return "Section 4(c) multiplies the Warrant Share Number by a fraction of the Per Share Market Value, for the same aggregate Warrant Price:"
	}
	return "Section 4(d)(i) multiplies the Warrant Price then in effect by a fraction:"
}

// triggeringMethod is §4(a)'s computation: each kind of consideration per
// share of Common Stock times the Warrant Share Number.
func triggeringMethod(t compute.Terms, e compute.Entry) []render.Block {
	out := []render.Block{
		ctext("Under Section 4(a) the Holder receives on exercise what a holder of the Warrant Share Number would have received in the Triggering Event. In symbols, for each kind of consideration:"),
		formulaLine("A = N × c"),
		legend(sym{"N", "the Warrant Share Number"}, sym{"c", "the consideration per share of Common Stock in the Triggering Event"},
			sym{"A", "the consideration for the Warrant Share Number, cash and property to the cent and securities to the nearest one one-hundredth"}),
		ctext("With the numbers:"),
	}
	for _, a := range e.Alternate {
		out = append(out, formulaLine(capitalize(a.Description)+": A = "+shares(t, e.After.Shares)+" × "+perShareText(a)+" = "+altAmount(t, a)))
	}
	return out
}

// perShareText is a consideration per share: "$0.25", "0.1 share".
func perShareText(a compute.AlternateItem) string {
	if a.Kind == "security" {
		return asGiven(a.PerShare)
	}
	return usdGiven(a.PerShare)
}

// altAmount is a consideration for the whole Warrant Share Number.
func altAmount(t compute.Terms, a compute.AlternateItem) string {
	if a.Kind == "security" {
		return shares(t, a.Amount)
	}
	return cash(a.Amount)
}
