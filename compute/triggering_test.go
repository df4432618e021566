package compute

import (
	"strings"
	"testing"
)

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
