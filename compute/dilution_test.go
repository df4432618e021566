package compute

import (
	"strings"
	"testing"
)

// §4(d): Additional Shares of Common Stock below the Warrant Price.
func TestAdjust_Issuance(t *testing.T) {
	t.Run("below-price placement", func(t *testing.T) {
		// O = 43,034,176; S = 2,000,000; C = $3,000,000 ($1.50 < $2.40).
		// Q = 3,000,000 / 2.40 = 1,250,000.00; P* = 2.40 × 44,284,176 / 45,034,176 = 2.36003… → 2.3600.
		a := adjust(t, testTerms(), "250000", issuance("2005-11-15", "2000000", "3000000", "43034176"))
		checkEntries(t, a, want{StatusApplied, "2.3600", "250000.00"})
	})
	t.Run("price at or above the Warrant Price makes no adjustment", func(t *testing.T) {
		a := adjust(t, testTerms(), "250000", issuance("2005-11-15", "1000000", "2400000", "43034176"))
		checkEntries(t, a, want{StatusNoAdjustment, "2.4000", "250000.00"})
	})
	t.Run("without consideration", func(t *testing.T) {
		// C = 0: Q = 0; P* = 2.40 × 43,034,176 / 44,034,176 = 2.34549… → 2.3455.
		a := adjust(t, testTerms(), "250000", issuance("2005-11-15", "1000000", "0", "43034176"))
		checkEntries(t, a, want{StatusApplied, "2.3455", "250000.00"})
	})
	t.Run("floor binds", func(t *testing.T) {
		// S = 40,000,000 at $0.50: Q = 8,333,333.33; P* = 2.40 × 51,367,509.33 / 83,034,176 = 1.4847 < 1.95.
		a := adjust(t, testTerms(), "250000",
			issuance("2005-11-15", "40000000", "20000000", "43034176"),
			issuance("2005-12-15", "1000000", "500000", "83034176"))
		checkEntries(t, a,
			want{StatusLimitedByFloor, "1.9500", "250000.00"},
			// P = 1.95 is already at the floor: §4 first ¶, no adjustment.
			want{StatusNoAdjustment, "1.9500", "250000.00"})
	})
	t.Run("dilution_adjusts_shares keeps P·N", func(t *testing.T) {
		// P' = 2.3600 as above; N' = 250000 × 2.40 / 2.36 = 254237.288… → 254237.29.
		terms := testTerms()
		terms.DilutionAdjustsShares = true
		a := adjust(t, terms, "250000", issuance("2005-11-15", "2000000", "3000000", "43034176"))
		checkEntries(t, a, want{StatusApplied, "2.3600", "254237.29"})
	})
}

// theNotes are the 2007 notes: 7,076,000 shares on conversion at $0.50 for $3,538,000,
// a conversion of 1,000,000 of them and a later ordinary issuance.
func theNotes() (notes, conv, later Event) {
	notes = cseIssuance("notes", "2007-09-21", "7076000", "3538000", "43034176")
	conv = issuance("2008-03-14", "1000000", "500000", "43034176")
	conv.FromCSE = "notes"
	later = issuance("2008-06-02", "2000000", "3000000", "44034176")
	return notes, conv, later
}

// §4(e): Common Stock Equivalents deemed issued, and §4(d)(ii): their conversions.
func TestAdjust_CommonStockEquivalents(t *testing.T) {
	notes, conv, later := theNotes()
	t.Run("issuance adjusts as 4(d) with the maximum shares deemed issued", func(t *testing.T) {
		// Q = 3,538,000 / 2.40 = 1,474,166.67; P* = 2.40 × 44,508,342.67 / 50,110,176 = 2.1317.
		a := adjust(t, testTerms(), "250000", notes)
		checkEntries(t, a, want{StatusApplied, "2.1317", "250000.00"})
	})
	t.Run("shares issued on conversion make no adjustment and later O counts the rest", func(t *testing.T) {
		// After 1,000,000 converted, 6,076,000 remain deemed outstanding:
		// O = 44,034,176 + 6,076,000; Q = 3,000,000 / 2.1317 = 1,407,327.49;
		// P* = 2.1317 × (50,110,176 + 1,407,327.49) / (50,110,176 + 2,000,000) = 2.1075.
		a := adjust(t, testTerms(), "250000", notes, conv, later)
		checkEntries(t, a,
			want{StatusApplied, "2.1317", "250000.00"},
			want{StatusNoAdjustment, "2.1317", "250000.00"},
			want{StatusApplied, "2.1075", "250000.00"})
		if !strings.Contains(a.Entries[2].Method, "notes 6076000.00") {
			t.Errorf("method does not name the deemed shares: %s", a.Entries[2].Method)
		}
	})
	t.Run("CSE priced above P never becomes live", func(t *testing.T) {
		// $3.00 per share: no adjustment; its conversions are ordinary 4(d) issuances (at $3.00, none).
		dear := cseIssuance("dear", "2007-09-21", "1000000", "3000000", "43034176")
		c := issuance("2008-01-02", "1000000", "1000000", "43034176")
		c.FromCSE = "dear"
		// An ordinary 4(d) issuance at $1.00: Q = 416,666.67; P* = 2.40 × 43,450,842.67 / 44,034,176 = 2.3682.
		a := adjust(t, testTerms(), "250000", dear, c)
		checkEntries(t, a, want{StatusNoAdjustment, "2.4000", "250000.00"}, want{StatusApplied, "2.3682", "250000.00"})
	})
	t.Run("over-issuing from a CSE is an input error", func(t *testing.T) {
		over := conv
		over.Shares = d("8000000")
		_, err := Adjust(testTerms(), testWarrant("100"), events(notes, over), Date{})
		if err == nil || !strings.Contains(err.Error(), "events[2].shares") || !strings.Contains(err.Error(), "7076000.00") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("the floor limits a CSE which is still live", func(t *testing.T) {
		// 40,000,000 shares at $0.25: P* far below 1.95 → limited; the CSE is live, so its
		// conversion makes no adjustment.
		big := cseIssuance("big", "2007-09-21", "40000000", "10000000", "43034176")
		c := issuance("2008-01-02", "1000000", "250000", "43034176")
		c.FromCSE = "big"
		a := adjust(t, testTerms(), "250000", big, c)
		checkEntries(t, a, want{StatusLimitedByFloor, "1.9500", "250000.00"}, want{StatusNoAdjustment, "1.9500", "250000.00"})
	})
}
