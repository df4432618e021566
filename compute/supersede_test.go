package compute

import (
	"strings"
	"testing"
)

// §4(f): superseding adjustments when Common Stock Equivalents expire or their price rises.
func TestAdjust_SupersedingAdjustment(t *testing.T) {
	notes, conv, later := theNotes()
	t.Run("expiry rescinds and replays: the superseding adjustment raises the price", func(t *testing.T) {
		// New history: conversion of 2008-03-14 is an ordinary issuance of 1,000,000 for $500,000:
		//   Q = 500,000 / 2.40 = 208,333.33; P* = 2.40 × 43,242,509.33 / 44,034,176 = 2.3569.
		// then 2008-06-02: Q = 3,000,000 / 2.3569 = 1,272,858.42;
		//   P* = 2.3569 × 45,307,034.42 / 46,034,176 = 2.3197.
		exp := Event{Type: CSEExpiry, Date: day("2009-09-21"), Ref: "notes"}
		a := adjust(t, testTerms(), "250000", notes, conv, later, exp)
		checkEntries(t, a,
			want{StatusApplied, "2.1317", "250000.00"},
			want{StatusNoAdjustment, "2.1317", "250000.00"},
			want{StatusApplied, "2.1075", "250000.00"},
			want{StatusSuperseding, "2.3197", "250000.00"})
		e := a.Entries[3]
		if !e.PriceRaised || !strings.Contains(e.Method, "raises the Warrant Price") {
			t.Errorf("superseding entry does not say it raises the price: %s", e.Method)
		}
	})
	t.Run("expiry after every share was issued changes nothing", func(t *testing.T) {
		all := conv
		all.Shares = d("7076000")
		all.Consideration = d("3538000")
		exp := Event{Type: CSEExpiry, Date: day("2009-09-21"), Ref: "notes"}
		a := adjust(t, testTerms(), "250000", notes, all, exp)
		checkEntries(t, a,
			want{StatusApplied, "2.1317", "250000.00"},
			want{StatusNoAdjustment, "2.1317", "250000.00"},
			want{StatusNoAdjustment, "2.1317", "250000.00"})
	})
	t.Run("price increase replaces the deemed issuance", func(t *testing.T) {
		// 2008-09-01: the 6,076,000 shares left become convertible for $4,557,000 ($0.75).
		// New history: conversion as ordinary issuance → 2.3569 (above); then the CSE anew:
		//   O = 44,034,176; Q = 4,557,000 / 2.3569 = 1,933,471.93;
		//   P* = 2.3569 × 45,967,647.93 / 50,110,176 = 2.1621.
		inc := Event{Type: CSEPriceIncrease, Date: day("2008-09-01"), Ref: "notes", Consideration: d("4557000"),
			RemainingMaxShares: d("6076000"), OutstandingBefore: d("44034176")}
		a := adjust(t, testTerms(), "250000", notes, conv, inc)
		checkEntries(t, a,
			want{StatusApplied, "2.1317", "250000.00"},
			want{StatusNoAdjustment, "2.1317", "250000.00"},
			want{StatusSuperseding, "2.1621", "250000.00"})
	})
	t.Run("issuing after expiry is an input error", func(t *testing.T) {
		exp := Event{Type: CSEExpiry, Date: day("2008-01-02"), Ref: "notes"}
		_, err := Adjust(testTerms(), testWarrant("100"), events(notes, exp, conv), Date{})
		if err == nil || !strings.Contains(err.Error(), "expired") {
			t.Fatalf("got %v", err)
		}
	})
}

// §4(g)(iv): an abandoned dividend is rescinded.
func TestAdjust_AbandonedDividend(t *testing.T) {
	div := Event{ID: "div", Type: StockDividend, Date: day("2006-06-30"), SharesPerShare: d("0.05")}
	ab := Event{Type: DividendAbandoned, Date: day("2006-07-10"), Ref: "div"}
	a := adjust(t, testTerms(), "250000", div, ab)
	checkEntries(t, a, want{StatusApplied, "2.2857", "262500.00"}, want{StatusRescission, "2.4000", "250000.00"})
	if !a.Floor.Equal(d("1.95")) {
		t.Errorf("floor %s after rescission, want 1.9500", a.Floor)
	}

	t.Run("abandoned before the adjustment was made", func(t *testing.T) {
		late := div
		late.PaidDate = day("2006-08-15")
		a := adjust(t, testTerms(), "250000", late, ab)
		// The abandonment (2006-07-10) precedes the payment date: nothing to rescind, and no adjustment later.
		checkEntries(t, a, want{StatusNoAdjustment, "2.4000", "250000.00"}, want{StatusNoAdjustment, "2.4000", "250000.00"})
	})
}
