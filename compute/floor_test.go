package compute

import "testing"

// §3.9: the floor with and without the split adjustment.
func TestAdjust_FloorAndSplits(t *testing.T) {
	evs := []Event{split("2006-01-10", "3", "1"), issuance("2006-06-01", "40000000", "10000000", "129102528")}
	t.Run("floor adjusted for splits", func(t *testing.T) {
		// Floor 0.65. P = 0.80; $0.25 < 0.80: Q = 12,500,000.00;
		// P* = 0.80 × 141,602,528 / 169,102,528 = 0.6699 > 0.65: applied.
		a := adjust(t, testTerms(), "250000", evs...)
		checkEntries(t, a, want{StatusApplied, "0.8000", "750000.00"}, want{StatusApplied, "0.6699", "750000.00"})
	})
	t.Run("floor not adjusted for splits", func(t *testing.T) {
		// Floor stays 1.95 ≥ P = 0.80: §4 first ¶, no adjustment.
		terms := testTerms()
		terms.FloorAdjustsForSplits = false
		a := adjust(t, terms, "250000", evs...)
		checkEntries(t, a, want{StatusApplied, "0.8000", "750000.00"}, want{StatusNoAdjustment, "0.8000", "750000.00"})
	})
}
