package compute

import "testing"

// §4(b): splits, combinations and stock dividends.
func TestAdjust_StockDividendsSplitsCombinations(t *testing.T) {
	t.Run("3:1 split triples N and divides P", func(t *testing.T) {
		// N' = 250000 × 3/1 = 750000.00; P' = 2.40 × 250000 / 750000 = 0.8000.
		a := adjust(t, testTerms(), "250000", split("2006-01-10", "3", "1"))
		checkEntries(t, a, want{StatusApplied, "0.8000", "750000.00"})
		if got, w := a.Entries[0].Method, "N' = 250000.00 × 3/1 = 750000.00; P' = 2.4000 × 250000.00 / 750000.00 = 0.8000"; got != w {
			t.Errorf("method\n got %s\nwant %s", got, w)
		}
		// The floor is a per-share value: 1.95 / 3 = 0.65 (§8 last proviso).
		if !a.Floor.Equal(d("0.65")) {
			t.Errorf("floor %s, want 0.6500", a.Floor)
		}
	})
	t.Run("1:10 combination rounds to 1/100 share", func(t *testing.T) {
		// N' = 123457 × 1/10 = 12345.70; P' = 2.40 × 123457 / 12345.70 = 24.0000.
		a := adjust(t, testTerms(), "123457", combination("2006-01-10", "1", "10"))
		checkEntries(t, a, want{StatusApplied, "24.0000", "12345.70"})
	})
	t.Run("3:2 split rounds half away from zero", func(t *testing.T) {
		// N' = 1000.01 × 3/2 = 1500.015 → 1500.02; P' = 2.40 × 1000.01 / 1500.02 = 1.59999… → 1.6000.
		a := adjust(t, testTerms(), "1000.01", split("2006-01-10", "3", "2"))
		checkEntries(t, a, want{StatusApplied, "1.6000", "1500.02"})
	})
	t.Run("5% stock dividend", func(t *testing.T) {
		// f = 1.05: N' = 262500.00; P' = 600000 / 262500 = 2.285714… → 2.2857; floor 1.95/1.05 = 1.8571.
		ev := Event{Type: StockDividend, Date: day("2006-06-30"), SharesPerShare: d("0.05")}
		a := adjust(t, testTerms(), "250000", ev)
		checkEntries(t, a, want{StatusApplied, "2.2857", "262500.00"})
		if !a.Floor.Equal(d("1.8571")) {
			t.Errorf("floor %s, want 1.8571", a.Floor)
		}
	})
	t.Run("dividend not paid on the record date is made as of the payment", func(t *testing.T) {
		// §4(b) last ¶: the dividend (record 2006-06-30, paid 2006-08-15) applies after an
		// issuance of 2006-07-15 that is priced above the Warrant Price either way.
		div := Event{Type: StockDividend, Date: day("2006-06-30"), PaidDate: day("2006-08-15"), SharesPerShare: d("0.05")}
		iss := issuance("2006-07-15", "1000", "5000", "43034176")
		a := adjust(t, testTerms(), "250000", div, iss)
		if a.Entries[0].Type != Issuance || a.Entries[1].Effective != day("2006-08-15") {
			t.Fatalf("order: %s then %s (%s)", a.Entries[0].Type, a.Entries[1].Type, a.Entries[1].Effective)
		}
		checkEntries(t, a, want{StatusNoAdjustment, "2.4000", "250000.00"}, want{StatusApplied, "2.2857", "262500.00"})
	})
}
