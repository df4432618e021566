package templates

import (
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The method by which an adjustment was calculated (§5): the Warrant's
// formula typeset with each symbol defined in words, then the same formula
// with the numbers and the result. compute.Figures holds the numbers; this
// file only writes them.

// formula is the Warrant's formula for a rule ("4(b)", "4(c)", "4(d)") with
// its legend. limited: the §4 floor applies, so the formula's result is P*.
func formula(rule string, limited, sharesFollow bool) []render.Block {
	switch rule {
	case "4(b)":
		return []render.Block{
			formulaLine("N′ = N × A / B"),
			render.Fraction{Left: "P′ =", Numerator: "P × N", Denominator: "N′", Indent: 10},
			legend(sym{"N", "the Warrant Share Number immediately before the event"},
				sym{"P", "the Warrant Price then in effect"},
				sym{"A, B", "the numbers of shares of Common Stock a record holder owns after and before the event: A shares for every B shares"},
				sym{"N′", "the Warrant Share Number after the adjustment"},
				sym{"P′", "the Warrant Price after the adjustment"}),
		}
	case "4(c)":
		return []render.Block{
			render.Fraction{Left: "N′ = N ×", Numerator: "M", Denominator: "M − D", Indent: 10},
			formulaLine("P′ = P × N / N′"),
			legend(sym{"N", "the Warrant Share Number immediately before the adjustment"},
				sym{"M", "the Per Share Market Value at the date of taking the record (Section 8)"},
				sym{"D", "the cash, or the fair value of the distribution, allocable to one share of Common Stock"},
				sym{"P", "the Warrant Price then in effect"},
				sym{"N′", "the Warrant Share Number after the adjustment"},
				sym{"P′", "the Warrant Price after the adjustment"}),
		}
	}
	res, resText := "P′", "the adjusted Warrant Price"
	if limited {
		res, resText = "P*", "the price the formula gives"
	}
	syms := []sym{
		{"P", "the Warrant Price then in effect"},
		{"O", "the shares of Common Stock outstanding immediately before the issuance"},
		{"S", "the Additional Shares of Common Stock issued (or deemed issued, Section 4(e))"},
		{"C", "their aggregate consideration (Section 4(g)(i))"},
		{"Q", "C / P, the shares C would purchase at the Warrant Price P"},
		{res, resText},
	}
	if limited {
		syms = append(syms, sym{"F", "the Per Share Market Value on the Original Issue Date"},
			sym{"P′", "the adjusted Warrant Price, P* but not less than F"})
	}
	if sharesFollow {
		syms = append(syms, sym{"N, N′", "the Warrant Share Number before and after, N′ = N × P / P′ (the terms of this series keep the aggregate Warrant Price unchanged)"})
	}
	return []render.Block{render.Fraction{Left: res + " = P ×", Numerator: "O + Q", Denominator: "O + S", Indent: 10}, legend(syms...)}
}

// numbers is the formula of f's rule with f's numbers and its result.
func numbers(t compute.Terms, f *compute.Figures, limited bool) []render.Block {
	switch f.Rule {
	case "4(b)":
		return []render.Block{
			formulaLine("N′ = " + shares(t, f.N) + " × " + asGiven(f.FactorNew) + " / " + asGiven(f.FactorOld) + " = " + shares(t, f.N2)),
			render.Fraction{Left: "P′ =", Numerator: usd(t, f.P) + " × " + shares(t, f.N), Denominator: shares(t, f.N2), Right: "= " + usd(t, f.P2), Indent: 10},
		}
	case "4(c)":
		return []render.Block{
			render.Fraction{Left: "N′ = " + shares(t, f.N) + " ×", Numerator: usd(t, f.M.Value), Denominator: usd(t, f.M.Value) + " − " + usdGiven(f.D),
				Right: "= " + shares(t, f.N2), Indent: 10},
			formulaLine("P′ = " + usd(t, f.P) + " × " + shares(t, f.N) + " / " + shares(t, f.N2) + " = " + usd(t, f.P2)),
		}
	}
	return dilutionNumbers(t, f, limited)
}

// dilutionNumbers is §4(d)(i)'s formula with the numbers: O (with the
// shares deemed outstanding), Q, the price, the floor, the shares.
func dilutionNumbers(t compute.Terms, f *compute.Figures, limited bool) []render.Block {
	o := asGiven(f.O0)
	var out []render.Block
	if len(f.Deemed) > 0 {
		line := "O = " + asGiven(f.O0)
		for _, d := range f.Deemed {
			line += " + " + shares(t, d.Shares)
		}
		out = append(out, formulaLine(line+" = "+shares(t, f.O)))
		o = shares(t, f.O)
	}
	res := "P′"
	if limited {
		res = "P*"
	}
	out = append(out,
		formulaLine("Q = "+cash(f.C)+" / "+usd(t, f.P)+" = "+shares(t, f.Q)),
		render.Fraction{Left: res + " = " + usd(t, f.P) + " ×", Numerator: o + " + " + shares(t, f.Q), Denominator: o + " + " + shares(t, f.S),
			Right: "= " + usd(t, f.PStar), Indent: 10},
	)
	if limited {
		out = append(out, formulaLine("P′ = F = "+usd(t, f.P2)+", since P* = "+usd(t, f.PStar)+" is less than F"+floorAdjusted(t, f)))
	}
	if f.SharesFollow {
		out = append(out, formulaLine("N′ = "+shares(t, f.N)+" × "+usd(t, f.P)+" / "+usd(t, f.P2)+" = "+shares(t, f.N2)))
	}
	return out
}

// floorAdjusted says how the floor F was adjusted for splits (§8: "all
// determinations of the Per Share Market Value shall be appropriately
// adjusted for any stock dividends, stock splits"), or nothing.
func floorAdjusted(t compute.Terms, f *compute.Figures) string {
	if f.FloorNum.IsZero() {
		return ""
	}
	return " (" + usd(t, f.FloorAtIssue) + " × " + asGiven(f.FloorDen) + " / " + asGiven(f.FloorNum) + ", adjusted for splits and stock dividends, Section 8)"
}

// deemedWords names the Common Stock Equivalents whose shares are deemed
// outstanding in O: by their item when items (of a certificate's list of
// recomputed adjustments) has already named them, else in full.
func deemedWords(c *compute.Case, f *compute.Figures, items map[string]string) string {
	if len(f.Deemed) == 0 {
		return ""
	}
	names := make([]string, len(f.Deemed))
	for i, d := range f.Deemed {
		under := eventName(c, d.Event)
		if item, ok := items[d.Event]; ok {
			under = "the Common Stock Equivalents of " + item
		}
		names[i] = shares(c.Terms, d.Shares) + " shares issuable under " + under
	}
	return "O includes the " + andList(names) + ", deemed outstanding under Section 4(e)."
}
