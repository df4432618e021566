package compute_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// glowpoint are the Warrant's terms: $2.40, exercisable from 2005-09-15 to
// 5:00 p.m. eastern time on 2010-03-14, a floor of $1.95.
func glowpoint() compute.Terms {
	t := compute.DefaultTerms()
	t.Series = "W-F-05"
	t.OriginalIssueDate = compute.Date{Year: 2005, Month: time.March, Day: 14}
	t.ExerciseStart = compute.Date{Year: 2005, Month: time.September, Day: 15}
	t.Location, _ = time.LoadLocation(t.TimeZone)
	t.Expiration = time.Date(2010, time.March, 14, 17, 0, 0, 0, t.Location)
	t.InitialWarrantPrice = decimal.RequireFromString("2.40")
	t.MarketValueAtIssue = decimal.RequireFromString("1.95")
	return t
}

// A 3-for-1 stock split triples the Warrant Share Number and divides the
// Warrant Price by three (§4(b)).
func ExampleAdjust() {
	t := glowpoint()
	w := compute.Warrant{Number: "W-F-05-001", Shares: decimal.NewFromInt(250000)}
	split := compute.Event{Index: 1, Type: compute.StockSplit, Date: compute.Date{Year: 2006, Month: time.January, Day: 10},
		Ratio: compute.Ratio{New: decimal.NewFromInt(3), Old: decimal.NewFromInt(1)}}

	a, err := compute.Adjust(t, w, []compute.Event{split}, compute.Date{})
	if err != nil {
		fmt.Println(err)
		return
	}
	e := a.Entries[0]
	fmt.Println(e.Section, e.Status)
	fmt.Println(e.Method)
	fmt.Println("Warrant Price", a.Final.Price.StringFixed(t.PriceDecimals), "Warrant Share Number", a.Final.Shares.StringFixed(t.ShareDecimals))
	// Output:
	// 4(b) applied
	// N' = 250000.00 × 3/1 = 750000.00; P' = 2.4000 × 250000.00 / 750000.00 = 0.8000
	// Warrant Price 0.8000 Warrant Share Number 750000.00
}

// A cashless exercise of 300,000 shares at the Warrant Price 0.80 when the
// Per Share Market Value is 1.20 issues X = Y − (A)(Y)/B = 100,000 shares
// (§2(c)); the certificates are due three Trading Days later (§2(d)).
func ExampleExercise() {
	t := glowpoint()
	w := compute.Warrant{Number: "W-F-05-001", Shares: decimal.NewFromInt(250000)}
	split := compute.Event{Index: 1, Type: compute.StockSplit, Date: compute.Date{Year: 2006, Month: time.January, Day: 10},
		Ratio: compute.Ratio{New: decimal.NewFromInt(3), Old: decimal.NewFromInt(1)}}
	b := compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{decimal.RequireFromString("1.20")}, t.PriceDecimals)

	res, err := compute.Exercise(t, w, []compute.Event{split}, compute.ExerciseInput{
		Date:        compute.Date{Year: 2007, Month: time.June, Day: 1},
		Shares:      decimal.NewFromInt(300000),
		Method:      compute.MethodCashless,
		MarketValue: &b,
		Outstanding: decimal.NewFromInt(50000000),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Computation)
	fmt.Println("canceled", res.SharesCanceled, "remaining", res.RemainingShares, "due by", res.DeliveryDeadline)
	// Output:
	// X = Y − (A)(Y)/B = 300000.00 − (0.8000)(300000.00)/1.2000; shares issued 100000; cash in lieu of the fraction 0.00 (§2(c), §6)
	// canceled 200000.00 remaining 450000.00 due by 2007-06-06
}

// An error names the field of the input, not a command-line flag.
func ExampleExercise_error() {
	t := glowpoint()
	w := compute.Warrant{Number: "W-F-05-001", Shares: decimal.NewFromInt(250000)}
	_, err := compute.Exercise(t, w, nil, compute.ExerciseInput{
		Date:   compute.Date{Year: 2007, Month: time.June, Day: 1},
		Shares: decimal.NewFromInt(300000),
		Method: compute.MethodCash,
	})
	fmt.Println(err)
	// Output:
	// shares: 300000 exceeds the Warrant Share Number 250000.00 in effect on 2007-06-01 (allowed: at most 250000.00)
}
