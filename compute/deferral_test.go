package compute

import "testing"

// §4(g)(ii): the 1% deferral.
func TestAdjust_Deferral(t *testing.T) {
	terms := testTerms()
	terms.DeferSmallAdjustments = true
	small := func(date, sps string) Event {
		return Event{Type: StockDividend, Date: day(date), SharesPerShare: d(sps)}
	}
	// 0.4%: V.N = 1004.00 (4 < 10 = 1% of 1000): deferred. Another 0.4%: V.N = 1008.02 (8.02 < 10): deferred.
	// 0.3%: V.N = 1011.04; 11.04 ≥ 10: made, carrying both. P = 2.40 × 1000 / 1011.04 chained:
	// 2.40 × 1000/1004 = 2.3904; × 1004/1008.02 = 2.3809; × 1008.02/1011.04 = 2.3738.
	a := adjust(t, terms, "1000", small("2006-01-10", "0.004"), small("2006-02-10", "0.004"), small("2006-03-10", "0.003"))
	checkEntries(t, a,
		want{StatusDeferred, "2.4000", "1000.00"},
		want{StatusDeferred, "2.4000", "1000.00"},
		want{StatusApplied, "2.3738", "1011.04"})
	if got := a.Entries[2].Carries; len(got) != 2 || got[0] != "#1" || got[1] != "#2" {
		t.Errorf("carries %v, want [#1 #2]", got)
	}
	if a.Pending != nil {
		t.Errorf("pending %v after the adjustment was made", a.Pending)
	}

	t.Run("a split is never deferred and carries what is pending", func(t *testing.T) {
		a := adjust(t, terms, "1000", small("2006-01-10", "0.004"), split("2006-02-10", "2", "1"))
		checkEntries(t, a, want{StatusDeferred, "2.4000", "1000.00"}, want{StatusApplied, "1.1952", "2008.00"})
	})
	t.Run("pending state is reported and made on exercise", func(t *testing.T) {
		a := adjust(t, terms, "1000", small("2006-01-10", "0.004"))
		if a.Pending == nil || !a.Pending.Shares.Equal(d("1004")) || !a.Final.Shares.Equal(d("1000")) {
			t.Fatalf("pending %v final %v", a.Pending, a.Final)
		}
		a.MakePending()
		if !a.Final.Shares.Equal(d("1004")) || a.Pending != nil {
			t.Errorf("after MakePending: final %v pending %v", a.Final, a.Pending)
		}
	})
	t.Run("a price-only adjustment is never deferred", func(t *testing.T) {
		a := adjust(t, terms, "1000", issuance("2005-11-15", "2000000", "3000000", "43034176"))
		checkEntries(t, a, want{StatusApplied, "2.3600", "1000.00"})
	})
	t.Run("without the election nothing is deferred", func(t *testing.T) {
		a := adjust(t, testTerms(), "1000", small("2006-01-10", "0.004"))
		checkEntries(t, a, want{StatusApplied, "2.3904", "1004.00"})
	})
}
