package compute

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// The figures an Exercise Form shows add up as printed: Y(cashless) =
// canceled + X, Y = Y(cash) + canceled + X = canceled + Due, and the whole
// shares issued are Due less a fraction under one share (give or take the
// rounding of the canceled shares to the share decimals).
func TestProperty_ExerciseFiguresAddUp(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		terms := testTerms()
		terms.InitialWarrantPrice = genPrice(rt, "price")
		n := decimal.NewFromInt(rapid.Int64Range(2, 10_000_000).Draw(rt, "n"))
		y := decimal.New(rapid.Int64Range(2, n.IntPart()*100).Draw(rt, "y"), -2)
		b := terms.InitialWarrantPrice.Add(decimal.New(rapid.Int64Range(1, 100_000).Draw(rt, "b"), -4))
		in := ExerciseInput{Date: day("2007-06-01"), Shares: y, Method: MethodCashless, MarketValue: &MarketValue{Value: b}, WaiverNotice: day("2005-01-01")}
		if rapid.Bool().Draw(rt, "combined") {
			in.Method = MethodCombined
			in.CashlessShares = decimal.New(rapid.Int64Range(1, y.Shift(2).IntPart()-1).Draw(rt, "y2"), -2)
		}
		r, err := Exercise(terms, Warrant{Number: "W-F-05-001", Shares: n}, nil, in)
		if err != nil {
			rt.Fatal(err)
		}
		v := r.Values
		y2 := y.Sub(v.CashPart)
		if !v.Cashless.Add(v.Canceled).Equal(y2) {
			rt.Fatalf("X %s + canceled %s ≠ Y(cashless) %s", v.Cashless, v.Canceled, y2)
		}
		if !v.Due.Equal(v.CashPart.Add(v.Cashless)) || !v.Due.Add(v.Canceled).Equal(y) {
			rt.Fatalf("due %s ≠ Y(cash) %s + X %s, or + canceled %s ≠ Y %s", v.Due, v.CashPart, v.Cashless, v.Canceled, y)
		}
		slack := decimal.New(1, -terms.ShareDecimals)
		if v.Issued.GreaterThan(v.Due.Add(slack)) || !v.Due.Sub(v.Issued).LessThan(one.Add(slack)) {
			rt.Fatalf("issued %s for %s due", v.Issued, v.Due)
		}
	})
}
