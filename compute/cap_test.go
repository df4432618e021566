package compute

import "testing"

// §7: the ownership cap.
func TestExercise_Cap(t *testing.T) {
	in := ExerciseInput{Date: day("2007-06-01"), Method: MethodCash, Shares: d("105157"), Owned: d("400000"), Outstanding: d("10000000")}
	t.Run("counting the new shares", func(t *testing.T) {
		// (0.04999 × 10,000,000 − 400,000) / 0.95001 = 99,900 / 0.95001 = 105,156.78… → 105,156.
		exerciseErr(t, testTerms(), "200000", nil, in, "shares", "at most 105156 shares")
		ok := in
		ok.Shares = d("105156")
		if r := exercise(t, testTerms(), "200000", nil, ok); r.Cap.MaxShares != "105156" || !r.Cap.Applies {
			t.Errorf("cap %+v", r.Cap)
		}
	})
	t.Run("not counting the new shares", func(t *testing.T) {
		// 0.04999 × 10,000,000 − 400,000 = 99,900.
		terms := testTerms()
		terms.CapCountsNewShares = false
		exerciseErr(t, terms, "200000", nil, in, "shares", "at most 99900 shares")
	})
	t.Run("holder already above the cap may receive nothing", func(t *testing.T) {
		over := in
		over.Owned, over.Shares = d("600000"), d("1")
		exerciseErr(t, testTerms(), "200000", nil, over, "shares", "at most 0 shares")
	})
	t.Run("waiver notice 61 days before", func(t *testing.T) {
		// 2008 is a leap year: 2008-01-01 + 61 days = 2008-03-02.
		w := in
		w.WaiverNotice = day("2008-01-01")
		w.Date = day("2008-03-02")
		if r := exercise(t, testTerms(), "200000", nil, w); r.Cap.Applies {
			t.Errorf("cap applies on %s after a Waiver Notice of %s", w.Date, w.WaiverNotice)
		}
		w.Date = day("2008-02-29")
		exerciseErr(t, testTerms(), "200000", nil, w, "shares", "at most 105156")
	})
	t.Run("the last 61 days of the Term", func(t *testing.T) {
		// 2010-03-14 − 61 days = 2010-01-12.
		w := in
		w.Date = day("2010-01-12")
		if r := exercise(t, testTerms(), "200000", nil, w); r.Cap.Applies {
			t.Errorf("cap applies on %s", w.Date)
		}
		w.Date = day("2010-01-11")
		exerciseErr(t, testTerms(), "200000", nil, w, "shares", "at most 105156")
	})
}
