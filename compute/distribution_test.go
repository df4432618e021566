package compute

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

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
