package templates

import (
	"slices"
	"strings"
	"unicode"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// A superseding adjustment (§4(f)) and a rescission (§4(g)(iv)) in words:
// the adjustment rescinded and annulled, named by its event, and each
// adjustment recomputed without it, with its numbers.

// rewriteFacts is section 1 of a §4(f) or §4(g)(iv) certificate.
func rewriteFacts(c *compute.Case, e compute.Entry, ev compute.Event) []render.Block {
	t := c.Terms
	rw := e.Rewrite
	if rw == nil {
		rw = &compute.Rewrite{}
	}
	on := "On " + LongDate(ev.Date) + " "
	ref := eventName(c, ev.Ref)
	var s string
	switch ev.Type {
	case compute.CSEExpiry:
		s = on + "the right of conversion or exchange of the Common Stock Equivalents " + ref + " expired"
		if rw.Unexercised.IsZero() {
			s += " after all the shares issuable under it were issued. Nothing is left unexercised, and Section 4(f)(i) requires no superseding adjustment."
			return []render.Block{ctext(s)}
		}
		s += ", with " + shares(t, rw.Unexercised) + " shares of Common Stock not issued under it (Section 4(f)(i))."
	case compute.CSEPriceIncrease:
		s = on + "the consideration per share for which shares of Common Stock are issuable under the Common Stock Equivalents " + ref +
			" increased by virtue of their terms: the " + shares(t, ev.RemainingMaxShares) +
			" shares still issuable are issuable for a total consideration of " + cash(ev.Consideration) + " (Section 4(f)(ii))."
	case compute.DividendAbandoned:
		s = on + "the Issuer legally abandoned its plan to pay the dividend " + ref +
			". Under Section 4(g)(iv) no adjustment is required by reason of the taking of that record"
		if rw.Rescinded == "" {
			return []render.Block{ctext(s + "; its adjustment had not yet been made, and none will be made.")}
		}
		s += ", and the adjustment previously made in respect of it is rescinded and annulled."
	}
	out := []render.Block{ctext(s)}
	if ev.Type != compute.DividendAbandoned {
		s = "The adjustment made on their issuance under Section 4(e) is rescinded and annulled, and the Additional Shares of Common Stock deemed issued by it are no longer deemed issued."
		if rw.Rescinded == "" {
			s = "Their issue made no adjustment under Section 4(e); there is no adjustment to rescind."
		}
		if len(rw.Reconverted) > 0 {
			s += " The shares issued on their conversion or exchange, " + eventNames(c, rw.Reconverted) +
				", are treated as issued on the date of each conversion for the consideration actually received."
		}
		if ev.Type == compute.CSEPriceIncrease {
			s += " The Common Stock Equivalents still outstanding are treated as issued immediately after the increase."
		}
		s += " A new adjustment is made, which supersedes the adjustment so rescinded and annulled"
		if e.PriceRaised {
			s += ", and increases the Warrant Price"
		}
		out = append(out, ctext(s+"."))
	} else if e.PriceRaised {
		out = append(out, ctext("This adjustment increases the Warrant Price."))
	}
	if len(rw.Pending) > 0 {
		out = append(out, ctext("After the recomputation, the adjustment for "+eventNames(c, rw.Pending)+" remains postponed under Section 4(g)(ii)."))
	}
	return out
}

// rewriteMethod is section 3: each adjustment recomputed without the one
// rescinded, with the Warrant's formula for each rule that applies. Each
// recomputed adjustment is one Keep block (never split across pages), the
// last also carrying the rounding note. inline writes each recomputed
// adjustment's formulas with their numbers in its line of text, a fraction
// as (numerator) / (denominator), for a certificate that would not fit on
// one page with them displayed.
func rewriteMethod(c *compute.Case, e compute.Entry, inline bool) []render.Block {
	t := c.Terms
	rec := e.Rewrite.Recomputed
	ev, _ := findEvent(c, e.Event)
	section := "Section 4(f)"
	if e.Type == compute.DividendAbandoned {
		section = "Section 4(g)(iv)"
	}
	if len(rec) == 0 {
		return []render.Block{ctext("No adjustment made since the rescinded one is to be recomputed. The Warrant Price and the Warrant Share Number are those that the adjustments before it produced, as if it had never been made.")}
	}
	lead := "Under " + section + " the adjustments made since the rescinded one are recomputed without it, in the order of their dates, each with the Warrant's formula for it."
	var rules []string
	var limited, follow bool
	last := -1 // the last recomputed adjustment with a formula: it carries the rounding note
	for i, r := range rec {
		limited = limited || r.Status == compute.StatusLimitedByFloor
		follow = follow || r.Figures.SharesFollow
		if r.Figures.Rule != "" {
			last = i
			if !slices.Contains(rules, r.Figures.Rule) {
				rules = append(rules, r.Figures.Rule)
			}
		}
	}
	var out []render.Block
	for i, rule := range rules {
		text := ruleLead(rule)
		if i == 0 {
			text = lead + " " + text // the first formula's lead runs on
		}
		out = append(out, ctext(text))
		out = append(out, formula(rule, limited && rule == "4(d)", follow && rule == "4(d)")...)
	}
	if len(rules) == 0 {
		out = append(out, ctext(lead))
	}
	items := map[string]string{} // the recomputed events named so far, by their item
	for i, r := range rec {
		f := r.Figures
		if f.Rule == "" {
			continue
		}
		what := r.Description
		switch {
		case e.Type == compute.CSEPriceIncrease && r.Type == compute.CSEIssuance && ev.Ref == r.Event:
			what = "The Common Stock Equivalents still outstanding, treated as issued immediately after the increase of their consideration"
		case what == "":
			what = capitalize(eventTypeText(r.Type))
		}
		head := what + " — Section " + r.Section + " — " + LongDate(r.Date) + ":"
		label := romanItem(len(items)) // numbered among those shown: one without a formula is not
		var item []render.Block
		if nums := numbers(t, &f, r.Status == compute.StatusLimitedByFloor); inline {
			p := cpara(render.B(label+" "), render.T(head+" "+inlineFormulas(nums)+"."))
			p.Align = render.Left // unbreakable terms would stretch a justified line's spaces
			item = []render.Block{p}
		} else {
			item = append([]render.Block{cpara(render.B(label+" "), render.T(head))}, nums...)
		}
		var notes []string
		if d := deemedWords(c, &f, items); d != "" {
			notes = append(notes, d)
		}
		if r.Status == compute.StatusDeferred {
			notes = append(notes, "This adjustment of the Warrant Share Number is postponed under Section 4(g)(ii).")
		}
		if i == last {
			notes = append(notes, "Rounding: "+roundingNote(t)+".")
		}
		if len(notes) > 0 {
			item = append(item, ctext(strings.Join(notes, " ")))
		}
		out = append(out, render.Keep{Blocks: item})
		items[r.Event] = label
	}
	return out
}

// romanItem labels the i-th (0-based) item of a list: "(i)", "(ii)", ….
func romanItem(i int) string {
	romans := []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
	if i < len(romans) {
		return "(" + romans[i] + ")"
	}
	return "(" + numberWordsFigures(i+1) + ")"
}

// inlineFormulas writes displayed formulas in a line of text, separated by
// semicolons: a formula line as it is, a fraction as "Left (Numerator) /
// (Denominator) Right". A line may break beside an "=" or a word of prose,
// never inside a term: "Q = $1,000,000.00 / $1.1361 = 880,204.21" breaks
// before or after its equals signs.
func inlineFormulas(blocks []render.Block) string {
	var out []string
	for _, b := range blocks {
		var f string
		switch b := b.(type) {
		case render.Paragraph:
			var s strings.Builder
			for _, sp := range b.Spans {
				s.WriteString(sp.Text)
			}
			f = s.String()
		case render.Fraction:
			f = strings.TrimSpace(b.Left + " (" + b.Numerator + ") / (" + b.Denominator + ") " + b.Right)
		default:
			continue
		}
		words := strings.Fields(f)
		var s strings.Builder
		for i, w := range words {
			if i > 0 {
				if w == "=" || words[i-1] == "=" || prose(w) || prose(words[i-1]) {
					s.WriteByte(' ')
				} else {
					s.WriteString("\u00a0") // no break: the term goes on
				}
			}
			s.WriteString(w)
		}
		out = append(out, s.String())
	}
	return strings.Join(out, "; ")
}

// prose reports whether a word of a formula line is a word of prose
// ("since", "adjusted"), two letters or more in a row, not a symbol, number
// or operator.
func prose(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if letters++; letters >= 2 {
				return true
			}
		} else {
			letters = 0
		}
	}
	return false
}
