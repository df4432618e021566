package templates

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Certificate of Adjustment's way of writing numbers and laying out its
// prose: money "$1,234.5678" with the price's decimals, cash "$1,234.56",
// shares "1,234,567.89", a count as given "43,034,176", dates in words.

// certSize is the certificate's body text size (pt): small enough that a
// one-event certificate and its signature fit on one page.
const certSize = 10

// fitSizes are the body sizes (pt) a certificate that does not fit on one
// page at certSize is tried at, in order, with its spacing and signature
// tightened alike: a §4(f) certificate recomputing several adjustments.
var fitSizes = []float64{10, 9.5, 9}

// fitPage returns the certificate's blocks, and their layout, as they are
// when they fit on one page, else tightened to the first of fitSizes at
// which they do; ok is false when none fits.
func fitPage(fallback *render.Font, blocks []render.Block) (fitted []render.Block, laid *render.Laid, ok bool) {
	if laid = render.Lay(fallback, blocks...); laid.Pages() <= 1 {
		return blocks, laid, true
	}
	for _, size := range fitSizes {
		t := tighten(blocks, size/certSize)
		if laid = render.Lay(fallback, t...); laid.Pages() <= 1 {
			return t, laid, true
		}
	}
	return nil, nil, false
}

// tighten scales the certificate's type sizes by scale, halves the space
// after its paragraphs, and tightens its signature block.
func tighten(blocks []render.Block, scale float64) []render.Block {
	out := make([]render.Block, len(blocks))
	for i, b := range blocks {
		switch b := b.(type) {
		case render.Paragraph:
			b.Size = nonZero(b.Size, render.DefaultSize) * scale
			b.SpaceAfter = nonZero(b.SpaceAfter, render.DefaultSpaceAfter) / 2
			out[i] = b
		case render.Fraction:
			b.Size = nonZero(b.Size, render.DefaultSize) * scale
			out[i] = b
		case render.Signature:
			b.Tight = true
			out[i] = b
		case render.Keep:
			out[i] = render.Keep{Blocks: tighten(b.Blocks, scale)}
		default:
			out[i] = b
		}
	}
	return out
}

// nonZero is v, or def when v is zero (a render size or space left to its
// default).
func nonZero(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// cpara is a certificate body paragraph.
func cpara(spans ...render.Span) render.Paragraph {
	return render.Paragraph{Spans: spans, Size: certSize, SpaceAfter: 1.4}
}

// ctext is a certificate body paragraph of plain text.
func ctext(s string) render.Paragraph { return cpara(render.T(s)) }

// chead is a certificate section heading, run in: it starts the paragraph
// that follows, as in "1. The event requiring the adjustment. On …".
func chead(s string) render.Heading { return render.Heading{Text: s + ".", Level: 3} }

// sym is one symbol of a formula's legend and its meaning in words.
type sym struct{ symbol, meaning string }

// legend defines each symbol of a formula in words, in one paragraph:
// "where P is the Warrant Price then in effect; …; and P′ is …".
func legend(syms ...sym) render.Paragraph {
	spans := []render.Span{render.T("where ")}
	for i, s := range syms {
		sep := "; "
		switch {
		case i == len(syms)-1:
			sep = "."
		case i == len(syms)-2:
			sep = "; and "
		}
		verb := " is "
		if strings.Contains(s.symbol, ", ") {
			verb = " are "
		}
		spans = append(spans, render.B(s.symbol), render.T(verb+s.meaning+sep))
	}
	return cpara(spans...)
}

// formulaLine is a formula set on a line of its own, indented.
func formulaLine(s string) render.Paragraph {
	return render.Paragraph{Spans: []render.Span{render.T(s)}, Indent: 10, Align: render.Left, Size: 11, SpaceAfter: 1.2}
}

// usd is an amount of money with the price's decimals and a dollar sign:
// "$2.4000", "$1,250.5000".
func usd(t compute.Terms, d decimal.Decimal) string {
	return "$" + group(d.StringFixed(t.PriceDecimals))
}

// cash is an amount of cash to the cent: "$3,000,000.00".
func cash(d decimal.Decimal) string { return "$" + Money(d) }

// asGiven is a quantity as the case file gives it, with separators:
// "43,034,176", "0.005".
func asGiven(d decimal.Decimal) string { return group(d.String()) }

// usdGiven is an amount of money as given: "$0.25", "$0.05".
func usdGiven(d decimal.Decimal) string {
	if d.Exponent() > -2 {
		return cash(d)
	}
	return "$" + asGiven(d)
}

// findEvent is the event of the case named name (its id or "#k"), and
// whether there is one.
func findEvent(c *compute.Case, name string) (compute.Event, bool) {
	for _, ev := range c.Events {
		if ev.Name() == name {
			return ev, true
		}
	}
	return compute.Event{}, false
}

// eventName names an event for a holder: its description in quotation
// marks, or its kind, with its date in words — never its id.
func eventName(c *compute.Case, name string) string {
	ev, ok := findEvent(c, name)
	if !ok {
		return "an earlier event"
	}
	what := eventTypeText(ev.Type)
	if ev.Description != "" {
		what = "“" + strings.TrimSuffix(ev.Description, ".") + "”"
	}
	return what + " of " + LongDate(ev.Date)
}

// eventNames names each event of names, joined as a list.
func eventNames(c *compute.Case, names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = eventName(c, n)
	}
	return andList(out)
}

// roundingNote says how the results are rounded: shares as §4(g)(iii)
// says, prices to the terms' decimals.
func roundingNote(t compute.Terms) string {
	unit := "$1"
	if t.PriceDecimals > 0 {
		unit = "$0." + strings.Repeat("0", int(t.PriceDecimals)-1) + "1"
	}
	shares := "1/100th of a share, Section 4(g)(iii)"
	if t.ShareDecimals != 2 {
		shares = strconv.Itoa(int(t.ShareDecimals)) + " decimal places"
	}
	return "shares to the nearest " + shares + "; prices to the nearest " + unit
}
