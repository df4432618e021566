package ocf

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"pgregory.net/rapid"
)

var propHolders = []compute.Holder{
	{Name: "Alpha Capital Anstalt", Address: []string{"Pradafant 7", "9490 Vaduz", "LI"}},
	{Name: "Gryphon Master Fund, L.P.", Address: []string{"100 Crescent Court", "Dallas, TX 75201", "US"}},
	{Name: "Müller GmbH", Address: []string{"Königstraße 1", "70173 Stuttgart", "DE"}},
	{Name: "山田太郎", Address: []string{"丸の内1-1-1", "千代田区", "JP"}},
}

// propLedger draws a ledger on the terms of testdata/ledger/case.yaml: one
// to four originals, perhaps a split or combination, and up to eight
// transactions of every kind, each on a warrant outstanding then, for
// quantities the engine gives at that moment.
func propLedger(rt *rapid.T, base *compute.Case) *compute.Case {
	c := &compute.Case{File: "prop.yaml", Issuer: base.Issuer, Terms: base.Terms}
	for i := range rapid.IntRange(1, 4).Draw(rt, "originals") {
		c.Warrants = append(c.Warrants, compute.Warrant{Number: fmt.Sprintf("W-F-05-%03d", i+1), Line: i + 1,
			Holder: propHolders[rapid.IntRange(0, len(propHolders)-1).Draw(rt, "holder")], Shares: decimal.NewFromInt(rapid.Int64Range(2, 1_000_000).Draw(rt, "shares"))})
	}
	if rapid.Bool().Draw(rt, "split") {
		r := rapid.SampledFrom([]compute.Ratio{{New: decimal.NewFromInt(3), Old: decimal.NewFromInt(1)}, {New: decimal.NewFromInt(2), Old: decimal.NewFromInt(3)}}).Draw(rt, "ratio")
		typ := compute.StockSplit
		if r.New.LessThan(r.Old) {
			typ = compute.Combination
		}
		c.Events = append(c.Events, compute.Event{Index: 1, ID: "split", Type: typ, Ratio: r,
			Date: compute.Date{Year: 2005, Month: 9, Day: 15}.AddDays(rapid.IntRange(0, 1500).Draw(rt, "split day"))})
	}
	next := len(c.Warrants) + 1
	number := func() string { next++; return fmt.Sprintf("W-F-05-%03d", next-1) }
	day := compute.Date{Year: 2005, Month: 9, Day: 15}
	for k := range rapid.IntRange(0, 8).Draw(rt, "transactions") {
		day = day.AddDays(rapid.IntRange(1, 150).Draw(rt, "days"))
		if day.After(compute.Date{Year: 2010, Month: 3, Day: 1}) {
			break
		}
		adjs, err := compute.AdjustCase(c, day.AddDays(-1))
		if err != nil {
			rt.Fatal(err)
		}
		var live []*compute.Adjustment
		for _, a := range adjs {
			if a.Surrendered == nil {
				live = append(live, a)
			}
		}
		if len(live) == 0 {
			break
		}
		a := rapid.SampledFrom(live).Draw(rt, "warrant")
		n := a.Final.Shares
		if a.Pending != nil {
			n = a.Pending.Shares
		}
		x := compute.Transaction{Index: k + 1, Date: day, Warrant: a.Warrant,
			Type: rapid.SampledFrom([]compute.TransactionType{compute.TxExercise, compute.TxAssignment, compute.TxExchange, compute.TxReplacement, compute.TxCancellation, compute.TxReissue}).Draw(rt, "type")}
		part := n.Floor()
		if part.IsZero() {
			part = n
		}
		if n.Floor().GreaterThan(decimal.NewFromInt(1)) && rapid.Bool().Draw(rt, "partial") {
			part = decimal.NewFromInt(rapid.Int64Range(1, n.Floor().IntPart()-1).Draw(rt, "part"))
		}
		whole := part.Equal(n)
		switch x.Type {
		case compute.TxExercise:
			x.Shares = part
			if !whole {
				x.Balance = number()
			}
		case compute.TxAssignment:
			x.To, x.Number = propHolders[rapid.IntRange(0, len(propHolders)-1).Draw(rt, "assignee")], number()
			if !whole {
				x.Shares, x.Balance = part, number()
			}
		case compute.TxExchange:
			x.Into = []compute.ExchangeItem{{Number: number()}}
			if !whole {
				x.Into = []compute.ExchangeItem{{Number: x.Into[0].Number, Shares: part}, {Number: number()}}
			}
		case compute.TxReplacement:
			x.Number, x.Reason = number(), "lost"
		case compute.TxCancellation:
			x.Reason = "repurchased"
		case compute.TxReissue:
			x.Warrant = ""
			x.FirstNumber = number()
			next += len(live) - 1
		}
		c.Transactions = append(c.Transactions, x)
	}
	return c
}

// TestLedgerRoundTripProperty: any ledger exported and imported again has
// the same register view (SPEC §4.5): numbers, holders, shares, prices,
// issue dates and parents.
func TestLedgerRoundTripProperty(t *testing.T) {
	base, err := casefile.Load(ledgerCase)
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(rt *rapid.T) {
		c := propLedger(rt, base)
		want := registerView(t, c)
		files, _, err := ExportLedger(c, ledgerOpt)
		if err != nil {
			rt.Fatalf("export: %v", err)
		}
		dir := t.TempDir()
		if err := WriteFiles(dir, files); err != nil {
			rt.Fatal(err)
		}
		_, c2, err := importLedger(t, dir, rapid.Bool().Draw(rt, "register"))
		if err != nil {
			rt.Fatalf("import: %v", err)
		}
		if got := registerView(t, c2); !slices.EqualFunc(got, want, slices.Equal) {
			rt.Fatalf("view after the round trip:\n%q\nwant\n%q", got, want)
		}
	})
}
