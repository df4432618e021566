package compute

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func mv(s string) *MarketValue {
	m := NewMarketValue(MVPlain, []decimal.Decimal{d(s)}, 4)
	return &m
}

func exercise(t *testing.T, terms Terms, shares string, evs []Event, in ExerciseInput) *ExerciseResult {
	t.Helper()
	r, err := Exercise(terms, testWarrant(shares), events(evs...), in)
	if err != nil {
		t.Fatalf("Exercise: %v", err)
	}
	return r
}

func exerciseErr(t *testing.T, terms Terms, shares string, evs []Event, in ExerciseInput, field, substr string) {
	t.Helper()
	_, err := Exercise(terms, testWarrant(shares), events(evs...), in)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("got %v, want an input error on %s", err, field)
	}
	if ie.Field != field || !strings.Contains(err.Error(), substr) {
		t.Fatalf("got %q, want field %s and %q", err, field, substr)
	}
}

// §2(c), §6, §7 and §2(d): the example of SPEC §4.2, worked by hand.
func TestExercise_CashlessAfterSplit(t *testing.T) {
	// After the 3:1 split, P = 0.80 and N = 750,000. Y = 300,000, B = 1.20:
	// X = 300,000 − (0.80)(300,000)/1.20 = 300,000 − 200,000 = 100,000 shares; 200,000 canceled.
	// Remaining 750,000 − 300,000 = 450,000. Cap: c·O = 0.04999 × 50,000,000 = 2,499,500;
	// / (1 − 0.04999) = 2,631,024.93… → 2,631,024. Delivery: Fri 2007-06-01 + 3 Trading Days = Wed 2007-06-06.
	r := exercise(t, testTerms(), "250000", []Event{split("2006-01-10", "3", "1")}, ExerciseInput{
		Date: day("2007-06-01"), Shares: d("300000"), Method: MethodCashless, MarketValue: mv("1.20"), Outstanding: d("50000000"),
	})
	got := []string{r.WarrantPrice, r.SharesIssued, r.SharesCanceled, r.Fraction, r.CashInLieu, r.AggregatePrice, r.RemainingShares, r.DeliveryDeadline, r.Cap.MaxShares}
	want := []string{"0.8000", "100000", "200000.00", "0.00", "0.00", "0.00", "450000.00", "2007-06-06", "2631024"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d: got %s, want %s (%+v)", i, got[i], want[i], r)
		}
	}
}

func TestExercise_Methods(t *testing.T) {
	base := ExerciseInput{Date: day("2007-06-01"), Outstanding: d("50000000")}
	cases := []struct {
		name                                         string
		warrant                                      string
		in                                           func(ExerciseInput) ExerciseInput
		issued, fraction, cash, aggregate, remaining string
	}{
		{
			// Y = 1000 at $2.40 = $2,400.00 for 1000 shares.
			"cash whole shares", "1000",
			func(in ExerciseInput) ExerciseInput { in.Method, in.Shares = MethodCash, d("1000"); return in },
			"1000", "0.00", "0.00", "2400.00", "0.00",
		},
		{
			// Y = 1000.50: $2.40 × 1000.50 = $2,401.20; 1000 shares and 0.50 × $3.00 = $1.50 in lieu (§6).
			"cash with a fraction", "1000.50",
			func(in ExerciseInput) ExerciseInput {
				in.Method, in.Shares, in.MarketValue = MethodCash, d("1000.50"), mv("3.00")
				return in
			},
			"1000", "0.50", "1.50", "2401.20", "0.00",
		},
		{
			// X = 1000 − 2.40 × 1000 / 2.90 = 172.4137…: 172 shares; fraction × B = 2900 − 2400 − 172 × 2.90 = 1.20.
			"cashless with a fraction", "1500",
			func(in ExerciseInput) ExerciseInput {
				in.Method, in.Shares, in.MarketValue = MethodCashless, d("1000"), mv("2.90")
				return in
			},
			"172", "0.41", "1.20", "0.00", "500.00",
		},
		{
			// Y₁ = 600 for $1,440.00; X₂ = 400 − 2.40 × 400 / 3.00 = 80: 680 shares.
			"combined", "1000",
			func(in ExerciseInput) ExerciseInput {
				in.Method, in.Shares, in.CashlessShares, in.MarketValue = MethodCombined, d("1000"), d("400"), mv("3.00")
				return in
			},
			"680", "0.00", "0.00", "1440.00", "0.00",
		},
		{
			// Y₁ = 600.50, Y₂ = 399.50, B = 2.90: X₂ = 399.50 − 958.80/2.90 = 68.8793…; pooled 669.3793… → 669
			// (separately 600 + 68 = 668); fraction × B = 2900 − 958.80 − 669 × 2.90 = 1.10; price 600.50 × 2.40 = 1441.20.
			"combined pools the fractions", "1000",
			func(in ExerciseInput) ExerciseInput {
				in.Method, in.Shares, in.CashlessShares, in.MarketValue = MethodCombined, d("1000"), d("399.50"), mv("2.90")
				return in
			},
			"669", "0.37", "1.10", "1441.20", "0.00",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := exercise(t, testTerms(), c.warrant, nil, c.in(base))
			got := []string{r.SharesIssued, r.Fraction, r.CashInLieu, r.AggregatePrice, r.RemainingShares}
			want := []string{c.issued, c.fraction, c.cash, c.aggregate, c.remaining}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("field %d: got %s, want %s (%+v)", i, got[i], want[i], r)
				}
			}
		})
	}
}

func TestExercise_Refused(t *testing.T) {
	ok := ExerciseInput{Date: day("2007-06-01"), Method: MethodCash, Shares: d("1000"), Outstanding: d("50000000")}
	loc := testTerms().Location
	cases := []struct {
		name, field, substr string
		in                  func(ExerciseInput) ExerciseInput
	}{
		{"before exercise starts", "exercise_date", "before exercise may begin on 2005-09-15", func(in ExerciseInput) ExerciseInput { in.Date = day("2005-09-14"); return in }},
		{"after the term", "exercise_date", "after the Warrant expired", func(in ExerciseInput) ExerciseInput { in.Date = day("2010-03-15"); return in }},
		{"after 5 p.m. on the last day", "exercise_date", "expired at 17:00", func(in ExerciseInput) ExerciseInput {
			in.Date, in.Time = day("2010-03-14"), time.Date(2010, 3, 14, 17, 1, 0, 0, loc)
			return in
		}},
		{"above the share number", "shares", "exceeds the Warrant Share Number 5000.00", func(in ExerciseInput) ExerciseInput { in.Shares = d("5000.01"); return in }},
		{"zero shares", "shares", "not positive", func(in ExerciseInput) ExerciseInput { in.Shares = d("0"); return in }},
		{"too many decimals", "shares", "more than 2 decimals", func(in ExerciseInput) ExerciseInput { in.Shares = d("10.001"); return in }},
		{"cashless under water", "market_value", "is not above the Warrant Price", func(in ExerciseInput) ExerciseInput {
			in.Method, in.MarketValue = MethodCashless, mv("2.40")
			return in
		}},
		{"cashless without B", "market_value", "missing", func(in ExerciseInput) ExerciseInput { in.Method = MethodCashless; return in }},
		{"unknown method", "method", "not a method", func(in ExerciseInput) ExerciseInput { in.Method = "barter"; return in }},
		{"cap without outstanding", "outstanding", "missing", func(in ExerciseInput) ExerciseInput { in.Outstanding = decimal.Zero; return in }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exerciseErr(t, testTerms(), "5000", nil, c.in(ok), c.field, c.substr)
		})
	}
	t.Run("5 p.m. on the last day is still within the Term", func(t *testing.T) {
		in := ok
		in.Date, in.Time = day("2010-03-14"), time.Date(2010, 3, 14, 17, 0, 0, 0, loc)
		exercise(t, testTerms(), "5000", nil, in)
	})
}

func TestExercise_EventsOnTheDayComeAfter(t *testing.T) {
	// §4(g)(ii): an event is deemed to occur at the close of business; an exercise that day precedes it.
	in := ExerciseInput{Date: day("2006-01-10"), Method: MethodCash, Shares: d("1000"), Outstanding: d("50000000")}
	r := exercise(t, testTerms(), "1000", []Event{split("2006-01-10", "3", "1")}, in)
	if r.WarrantPrice != "2.4000" {
		t.Errorf("price %s on the split date, want 2.4000", r.WarrantPrice)
	}
	in.Date = day("2006-01-11")
	r = exercise(t, testTerms(), "1000", []Event{split("2006-01-10", "3", "1")}, in)
	if r.WarrantPrice != "0.8000" || r.RemainingShares != "2000.00" {
		t.Errorf("the day after: %+v", r)
	}
}

func TestExercise_MakesDeferredAdjustments(t *testing.T) {
	terms := testTerms()
	terms.DeferSmallAdjustments = true
	div := Event{Type: StockDividend, Date: day("2006-01-10"), SharesPerShare: d("0.004")}
	in := ExerciseInput{Date: day("2007-06-01"), Method: MethodCash, Shares: d("1004"), Outstanding: d("50000000")}
	// Deferred in the register (N = 1000), made on exercise: N = 1004.00, P = 2.3904.
	r := exercise(t, terms, "1000", []Event{div}, in)
	if r.WarrantPrice != "2.3904" || r.RemainingShares != "0.00" {
		t.Errorf("%+v", r)
	}
}

func TestExercise_ReviewRegressions(t *testing.T) {
	base := ExerciseInput{Date: day("2007-06-01"), Outstanding: d("50000000"), Method: MethodCash}
	t.Run("trailing zeros are not decimals", func(t *testing.T) {
		in := base
		in.Shares = d("100.500")
		in.MarketValue = mv("3.00")
		exercise(t, testTerms(), "1000", nil, in)
	})
	t.Run("cashless shares with too many decimals", func(t *testing.T) {
		in := base
		in.Method, in.Shares, in.CashlessShares, in.MarketValue = MethodCombined, d("1000"), d("400.555"), mv("3.00")
		exerciseErr(t, testTerms(), "1000", nil, in, "cashless_shares", "more than 2 decimals")
	})
	t.Run("the fraction is truncated", func(t *testing.T) {
		// X = 389 − 2.40 × 389 / 2.4397 = 6.32999959…: 6 shares, fraction shown 0.32, not 0.33.
		in := base
		in.Method, in.Shares, in.MarketValue = MethodCashless, d("389"), mv("2.4397")
		if r := exercise(t, testTerms(), "1000", nil, in); r.SharesIssued != "6" || r.Fraction != "0.32" {
			t.Errorf("issued %s fraction %s", r.SharesIssued, r.Fraction)
		}
	})
}
