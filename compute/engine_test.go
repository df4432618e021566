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
