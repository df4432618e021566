package templates

import (
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// The facts upon which an adjustment is based (§5: "the event requiring
// the adjustment"), in sentences: what the Issuer did, when, and the numbers
// it gave, quoting the event's description.

// eventFacts says what happened, for every kind of event.
func eventFacts(c *compute.Case, e compute.Entry, ev compute.Event) string {
	t := c.Terms
	on := "On " + LongDate(ev.Date) + " the Issuer "
	q := "" // the event line (Re:) quotes the description
	switch ev.Type {
	case compute.StockSplit:
		return on + "effected a stock split of its outstanding shares of Common Stock into a larger number of shares, " +
			ratioWords(ev.Ratio) + q + " (Section 4(b)(ii))."
	case compute.Combination:
		return on + "combined its outstanding shares of Common Stock into a smaller number of shares, " +
			ratioWords(ev.Ratio) + q + " (Section 4(b)(iii))."
	case compute.StockDividend:
		s := on + "set a record date for a dividend payable in shares of Common Stock of " + asGiven(ev.SharesPerShare) +
			" share for each share held" + q + " (Section 4(b)(i))."
		if !ev.PaidDate.IsZero() {
			s += " The dividend was not fully paid on the record date; it was paid on " + LongDate(ev.PaidDate) +
				", and under the last paragraph of Section 4(b) the adjustment is made as of that date."
		}
		return s
	case compute.Distribution:
		return distributionFacts(t, ev, on, q)
	case compute.Issuance:
		return issuanceFacts(c, e, ev, on, q)
	case compute.CSEIssuance:
		s := on + "issued Common Stock Equivalents" + q + ", convertible into or exchangeable for at most " + shares(t, ev.MaxShares) +
			" shares of Common Stock, for a total consideration (Section 4(g)(i)) of " + cash(ev.Consideration)
		if f := e.Figures; f != nil && !f.CS.IsZero() {
			s += ", a price of " + usd(t, f.CS) + " per share"
		}
		return s + ". Immediately before the issue " + asGiven(ev.OutstandingBefore) + " shares of Common Stock were outstanding."
	case compute.TriggeringEvent:
		return sentence(on + triggeringWords(ev) + q)
	}
	return on + "took the action described" + q + "."
}

// ratioWords says a split's or combination's ratio: "2 shares for each 1
// share held".
func ratioWords(r compute.Ratio) string {
	unit := "shares"
	if r.Old.Equal(r.Old.Truncate(0)) && r.Old.IntPart() == 1 {
		unit = "share"
	}
	return asGiven(r.New) + " shares for each " + asGiven(r.Old) + " " + unit + " held"
}

// distributionFacts says what a §4(c) distribution was and how the Per
// Share Market Value on its record date was determined (§8).
func distributionFacts(t compute.Terms, ev compute.Event, on, q string) string {
	if ev.FromEarnings {
		return on + "took a record of the holders of its Common Stock for a cash dividend payable out of earnings or earned surplus" + q +
			", which Section 4(c)(i) excepts."
	}
	what, clause := "cash", "4(c)(i)"
	switch ev.Kind {
	case "indebtedness":
		what, clause = "evidences of its indebtedness", "4(c)(ii)"
	case "securities":
		what, clause = "shares of stock or other securities", "4(c)(ii)"
	case "property":
		what, clause = "property", "4(c)(ii)"
	case "rights":
		what, clause = "warrants or other rights to subscribe for or purchase securities or property", "4(c)(iii)"
	}
	s := on + "took a record of the holders of its Common Stock for a distribution of " + what + q + " (Section " + clause + "). "
	if ev.Kind == "cash" || ev.Kind == "" {
		s += "The amount allocable to one share of Common Stock is " + usdGiven(ev.PerShareValue) + ". "
	} else {
		s += "The fair value allocable to one share of Common Stock, as determined in good faith by the Board of Directors of the Issuer, is " + usdGiven(ev.PerShareValue) + ". "
	}
	return s + "The Per Share Market Value of the Common Stock on the record date was " + marketValueWords(t, ev.MarketValue) + "."
}

// marketValueWords says how a Per Share Market Value was determined, under
// which clause of its definition in Section 8.
func marketValueWords(t compute.Terms, mv compute.MarketValue) string {
	v := usd(t, mv.Value)
	switch mv.Method {
	case compute.MVExchange:
		if len(mv.Inputs) == 2 {
			return v + ", the average of the closing bid price of " + usdGiven(mv.Inputs[0]) + " and the closing asked price of " +
				usdGiven(mv.Inputs[1]) + " on the exchange on which the Common Stock is listed (Section 8, “Per Share Market Value”, clause (a))"
		}
	case compute.MVOTC:
		return v + ", the closing bid price in the over-the-counter market as reported by the OTC Bulletin Board (Section 8, “Per Share Market Value”, clause (b))"
	case compute.MVPinkSheets:
		return v + ", the average of " + numberWordsFigures(len(mv.Inputs)) + " “Pink Sheet” quotes (Section 8, “Per Share Market Value”, clause (c))"
	case compute.MVAppraisal:
		if len(mv.Inputs) == 2 {
			return v + ", the average of the determinations of fair market value of two Independent Appraisers, " + usdGiven(mv.Inputs[0]) +
				" and " + usdGiven(mv.Inputs[1]) + " (Section 8, “Per Share Market Value”, clause (d))"
		}
		return v + ", the fair market value determined by an Independent Appraiser (Section 8, “Per Share Market Value”, clause (d))"
	}
	return v + ", as stated by the Issuer (Section 8, “Per Share Market Value”)"
}

// issuanceFacts says what a §4(d) issuance was, and whether it was made on
// the conversion of Common Stock Equivalents.
func issuanceFacts(c *compute.Case, e compute.Entry, ev compute.Event, on, q string) string {
	t := c.Terms
	s := on + "issued " + shares(t, ev.Shares) + " Additional Shares of Common Stock" + q
	if ev.Consideration.IsZero() {
		s += " without consideration"
	} else {
		s += " for an aggregate consideration of " + cash(ev.Consideration)
		if f := e.Figures; f != nil && !f.CS.IsZero() {
			s += ", " + usd(t, f.CS) + " per share"
		}
	}
	s += ". Immediately before the issuance " + asGiven(ev.OutstandingBefore) + " shares of Common Stock were outstanding."
	if ev.FromCSE != "" {
		s += " The shares were issued on the conversion or exchange of " + eventName(c, ev.FromCSE) + "."
	}
	return s
}

// triggeringWords says what the Issuer did in a Triggering Event (§4(a)(i)).
func triggeringWords(ev compute.Event) string {
	with := ev.Successor
	switch ev.Kind {
	case "merger", "consolidation":
		return "consolidated or merged with or into " + with
	case "sale":
		return "sold all or substantially all of its properties or assets to " + with
	case "reclassification":
		return "changed the Common Stock into other securities, cash or property of " + with
	case "reorganization":
		return "effected a capital reorganization with " + with
	}
	return "effected a " + ev.Kind + " with " + with
}

// sentence ends s with a period, unless it ends with one ("Inc.").
func sentence(s string) string {
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
