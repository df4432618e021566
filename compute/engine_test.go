package compute

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The numbers in these tests are worked by hand from the Warrant's text:
// Warrant Price $2.40 (§8), floor $1.95 (§4 first ¶, a stand-in Per Share
// Market Value on the Original Issue Date), fractional shares to 1/100
// (§4(g)(iii)), prices to 4 decimals.

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) Date {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func testTerms() Terms {
	t := DefaultTerms()
	t.Series = "W-F-05"
	t.OriginalIssueDate = day("2005-03-14")
	t.ExerciseStart = day("2005-09-15")
	t.Location, _ = time.LoadLocation("America/New_York")
	t.Expiration = time.Date(2010, 3, 14, 17, 0, 0, 0, t.Location)
	t.InitialWarrantPrice = d("2.40")
	t.MarketValueAtIssue = d("1.95")
	return t
}

func testWarrant(shares string) Warrant {
	return Warrant{Number: "W-F-05-001", Holder: Holder{Name: "Alpha Capital Anstalt"}, Shares: d(shares)}
}

// events numbers the events as a case file would.
func events(evs ...Event) []Event {
	for i := range evs {
		evs[i].Index = i + 1
		evs[i].Line = 10 * (i + 1)
	}
	return evs
}

func split(date, newS, oldS string) Event {
	return Event{Type: StockSplit, Date: day(date), Ratio: Ratio{New: d(newS), Old: d(oldS)}}
}

func combination(date, newS, oldS string) Event {
	return Event{Type: Combination, Date: day(date), Ratio: Ratio{New: d(newS), Old: d(oldS)}}
}

func issuance(date, shares, consideration, outstanding string) Event {
	return Event{Type: Issuance, Date: day(date), Shares: d(shares), Consideration: d(consideration), OutstandingBefore: d(outstanding)}
}

func cseIssuance(id, date, max, consideration, outstanding string) Event {
	return Event{ID: id, Type: CSEIssuance, Date: day(date), MaxShares: d(max), Consideration: d(consideration), OutstandingBefore: d(outstanding)}
}

func adjust(t *testing.T, terms Terms, shares string, evs ...Event) *Adjustment {
	t.Helper()
	a, err := Adjust(terms, testWarrant(shares), events(evs...), Date{})
	if err != nil {
		t.Fatalf("Adjust: %v", err)
	}
	return a
}

type want struct {
	status Status
	price  string
	shares string
}

func checkEntries(t *testing.T, a *Adjustment, wants ...want) {
	t.Helper()
	if len(a.Entries) != len(wants) {
		t.Fatalf("got %d entries, want %d", len(a.Entries), len(wants))
	}
	for i, w := range wants {
		e := a.Entries[i]
		if e.Status != w.status || e.After.Price.StringFixed(4) != w.price || e.After.Shares.StringFixed(2) != w.shares {
			t.Errorf("entry %d (%s): got %s P=%s N=%s, want %s P=%s N=%s\nmethod: %s", i+1, e.Event,
				e.Status, e.After.Price.StringFixed(4), e.After.Shares.StringFixed(2), w.status, w.price, w.shares, e.Method)
		}
		if i > 0 && !e.Before.Equal(a.Entries[i-1].After) {
			t.Errorf("entry %d: before %v is not the previous after %v", i+1, e.Before, a.Entries[i-1].After)
		}
	}
}

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

// §4(c): other distributions.
func TestAdjust_Distribution(t *testing.T) {
	mv := NewMarketValue(MVExchange, []decimal.Decimal{d("1.45"), d("1.55")}, 4)
	t.Run("cash distribution", func(t *testing.T) {
		// M = (1.45 + 1.55)/2 = 1.50, D = 0.10: N' = 250000 × 1.50/1.40 = 267857.142… → 267857.14;
		// P' = 2.40 × 250000 / 267857.14 = 2.2400000… → 2.2400.
		ev := Event{Type: Distribution, Date: day("2006-06-30"), Kind: "cash", PerShareValue: d("0.10"), MarketValue: mv}
		a := adjust(t, testTerms(), "250000", ev)
		checkEntries(t, a, want{StatusApplied, "2.2400", "267857.14"})
		if !strings.Contains(a.Entries[0].Method, "average of closing bid 1.45 and ask 1.55 = 1.5000") {
			t.Errorf("method does not state the market value determination: %s", a.Entries[0].Method)
		}
	})
	t.Run("cash dividend out of earnings makes no adjustment", func(t *testing.T) {
		ev := Event{Type: Distribution, Date: day("2006-06-30"), Kind: "cash", PerShareValue: d("0.10"), MarketValue: mv, FromEarnings: true}
		a := adjust(t, testTerms(), "250000", ev)
		checkEntries(t, a, want{StatusNoAdjustment, "2.4000", "250000.00"})
	})
	t.Run("value not below the market value is an input error", func(t *testing.T) {
		ev := Event{Type: Distribution, Date: day("2006-06-30"), Kind: "cash", PerShareValue: d("1.50"), MarketValue: mv}
		_, err := Adjust(testTerms(), testWarrant("100"), events(ev), Date{})
		if err == nil || !strings.Contains(err.Error(), "events[1].per_share_value") {
			t.Fatalf("got %v", err)
		}
	})
}

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

// §4(e) and §4(f): Common Stock Equivalents and superseding adjustments.
func TestAdjust_CommonStockEquivalents(t *testing.T) {
	// The 2007 notes: 7,076,000 shares on conversion at $0.50 for $3,538,000.
	notes := cseIssuance("notes", "2007-09-21", "7076000", "3538000", "43034176")
	conv := issuance("2008-03-14", "1000000", "500000", "43034176")
	conv.FromCSE = "notes"
	later := issuance("2008-06-02", "2000000", "3000000", "44034176")

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
	t.Run("issuing after expiry is an input error", func(t *testing.T) {
		exp := Event{Type: CSEExpiry, Date: day("2008-01-02"), Ref: "notes"}
		_, err := Adjust(testTerms(), testWarrant("100"), events(notes, exp, conv), Date{})
		if err == nil || !strings.Contains(err.Error(), "expired") {
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

// §4(a): Triggering Events.
func TestAdjust_TriggeringEvent(t *testing.T) {
	te := Event{Type: TriggeringEvent, Date: day("2008-01-15"), Kind: "merger", Successor: "Acme Holdings, Inc.",
		ConsiderationPerShare: []ConsiderationItem{
			{Description: "cash", Amount: d("0.50"), Kind: "cash"},
			{Description: "shares of Acme common stock", Amount: d("0.3333"), Kind: "security"},
		}}
	// 250000 × 0.50 = $125,000.00; 250000 × 0.3333 = 83,325.00 shares. After a later 2:1 split
	// (of the successor's stock, adjusting N): 500000 × 0.50 = $250,000.00, 500000 × 0.3333 = 166,650.00.
	a := adjust(t, testTerms(), "250000", te, split("2008-06-01", "2", "1"))
	checkEntries(t, a, want{StatusTriggeringEvent, "2.4000", "250000.00"}, want{StatusApplied, "1.2000", "500000.00"})
	alt := a.Entries[0].Alternate
	if len(alt) != 2 || alt[0].Amount.StringFixed(2) != "125000.00" || alt[1].Amount.StringFixed(2) != "83325.00" {
		t.Errorf("alternate after the event: %+v", alt)
	}
	if got := a.Alternate; len(got) != 2 || got[0].Amount.StringFixed(2) != "250000.00" || got[1].Amount.StringFixed(2) != "166650.00" {
		t.Errorf("alternate at the end: %+v", got)
	}

	t.Run("assumed by the successor", func(t *testing.T) {
		as := te
		as.Assumed = true
		a := adjust(t, testTerms(), "250000", as)
		if !strings.Contains(a.Entries[0].Method, "no Triggering Event is deemed") || len(a.Alternate) != 2 {
			t.Errorf("assumed: %s %+v", a.Entries[0].Method, a.Alternate)
		}
	})
}

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

func TestAdjust_AsOfAndOrder(t *testing.T) {
	evs := []Event{split("2007-01-10", "2", "1"), issuance("2006-01-10", "2000000", "3000000", "43034176")}
	a := adjust(t, testTerms(), "250000", evs...)
	// The issuance is applied first though it is second in the file.
	if a.Entries[0].Event != "#2" || a.Entries[1].Event != "#1" {
		t.Fatalf("order %s, %s", a.Entries[0].Event, a.Entries[1].Event)
	}
	b, err := Adjust(testTerms(), testWarrant("250000"), events(evs...), day("2006-12-31"))
	if err != nil || len(b.Entries) != 1 || !b.Final.Price.Equal(d("2.36")) {
		t.Fatalf("as of 2006-12-31: %v %+v", err, b)
	}
}

// Found in review: inputs that once panicked or slipped through.
func TestAdjust_ReviewRegressions(t *testing.T) {
	t.Run("a share number that rounds to zero is refused, not a panic", func(t *testing.T) {
		mv := NewMarketValue(MVPlain, []decimal.Decimal{d("1.50")}, 4)
		evs := events(combination("2006-01-10", "1", "1000"),
			Event{Type: Distribution, Date: day("2006-02-10"), Kind: "cash", PerShareValue: d("0.10"), MarketValue: mv})
		_, err := Adjust(testTerms(), testWarrant("1"), evs, Date{})
		if err == nil || !strings.Contains(err.Error(), "events[1]") || !strings.Contains(err.Error(), "rounds to zero") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a floor that rounds to zero never makes the price zero", func(t *testing.T) {
		terms := testTerms()
		terms.MarketValueAtIssue, terms.InitialWarrantPrice, terms.DilutionAdjustsShares = d("0.0001"), d("0.0003"), true
		a := adjust(t, terms, "1000", split("2006-01-10", "3", "1"), issuance("2006-02-10", "1000000", "0", "1"))
		if a.Final.Price.Sign() <= 0 {
			t.Fatalf("price %s", a.Final.Price)
		}
	})
	t.Run("abandoned before payment, seen as of a date before payment", func(t *testing.T) {
		div := Event{ID: "div", Type: StockDividend, Date: day("2007-01-01"), PaidDate: day("2007-03-01"), SharesPerShare: d("0.05")}
		ab := Event{Type: DividendAbandoned, Date: day("2007-02-01"), Ref: "div"}
		a, err := Adjust(testTerms(), testWarrant("1000"), events(div, ab), day("2007-02-15"))
		if err != nil || len(a.Entries) != 1 || a.Entries[0].Status != StatusNoAdjustment {
			t.Fatalf("%v %+v", err, a)
		}
	})
	notes := cseIssuance("notes", "2007-09-21", "7076000", "3538000", "43034176")
	t.Run("a price increase for more shares than are left is refused", func(t *testing.T) {
		inc := Event{Type: CSEPriceIncrease, Date: day("2008-09-01"), Ref: "notes", Consideration: d("90000000"), RemainingMaxShares: d("90000000"), OutstandingBefore: d("44034176")}
		_, err := Adjust(testTerms(), testWarrant("1000"), events(notes, inc), Date{})
		if err == nil || !strings.Contains(err.Error(), "events[2].remaining_max_shares") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a price increase that lowers the price is refused", func(t *testing.T) {
		inc := Event{Type: CSEPriceIncrease, Date: day("2008-09-01"), Ref: "notes", Consideration: d("1000000"), RemainingMaxShares: d("7076000"), OutstandingBefore: d("44034176")}
		_, err := Adjust(testTerms(), testWarrant("1000"), events(notes, inc), Date{})
		if err == nil || !strings.Contains(err.Error(), "does not increase (0.5000 → 0.1413)") {
			t.Fatalf("got %v", err)
		}
	})
}
