package compute

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Properties of the ledger (issue 12, "Must hold"; SPEC §2.5, §3.13), on
// ledgers drawn by genLedger (ledger_gen_test.go).

// TestProperty_LedgerConserves: no share number is counted twice, or lost.
//
// Take one original warrant and its lineage. Let R be the original's Warrant
// Share Number replayed with no transactions (Adjust). Let the §4(b) events
// (the only events here that change N: the issuance changes only the price,
// dilution_adjusts_shares being false) have factors f₁…f_k in the order they
// apply. For a quantity q that left the lineage at a transaction (the Y of
// an exercise, cashless ones included; the N of a cancellation) let g(q) be
// the product of the factors of the §4(b) events applied after that
// transaction (effective on or after its date, SPEC §3.13): what q would have
// become had it stayed. Then
//
//	| Σ N(outstanding) + Σ q·g(q) − R |  ≤  Σ_k (m_k + 1) · u/2 · Π_{j>k} f_j
//
// where u = 10^−share_decimals and m_k is the number of warrants of the
// lineage outstanding at event k (those with an entry for it).
//
// Why: a transaction conserves exactly (its new warrants plus q add up to
// the N it acted on — checked too). At event k every outstanding warrant
// rounds N·f_k on its own (§4(g)(iii), per warrant) and the original's
// replay rounds once: each rounding is off by at most u/2, so the difference
// grows by at most (m_k + 1)·u/2, and every later event multiplies the
// difference carried so far by its factor. So "one unit per warrant" holds
// per rounding step, but a later split scales it (two warrants of 0.01
// after a 3:2 split and a 3:1 split are 0.12 against the original's 0.09 —
// TestConservation_LaterSplitScalesRounding).
func TestProperty_LedgerConserves(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		g := genLedger(rt, ledgerOpts{cse: true})
		as, err := AdjustCase(g.c, Date{})
		if err != nil {
			rt.Fatal(err)
		}
		for _, w := range g.c.Warrants {
			checkConservation(rt, g.c, w, as)
		}
	})
}

// TestConservation_LaterSplitScalesRounding works the example of the doc
// comment above by hand: 0.02 exchanged into 0.01 + 0.01; a 3:2 split makes
// each 0.015 → 0.02 (the original: 0.03); a 3:1 split, 0.06 each (the
// original: 0.09). 0.12 − 0.09 = 3 units for 2 warrants; the bound is
// (2+1)·0.005·3 + (2+1)·0.005 = 0.06.
func TestConservation_LaterSplitScalesRounding(t *testing.T) {
	c := ledgerCase([]Warrant{numbered("W-F-05-001", "0.02")},
		events(split("2006-01-10", "3", "2"), split("2007-01-10", "3", "1")),
		txs(Transaction{Type: TxExchange, Warrant: "W-F-05-001", Date: day("2005-06-01"),
			Into: []ExchangeItem{{Number: "W-F-05-002", Shares: d("0.01")}, {Number: "W-F-05-003"}}}))
	for i := range c.Events {
		c.Events[i].ID = fmt.Sprintf("e%d", i+1)
	}
	m := byNumber(t, mustAdjustCase(t, c))
	wantState(t, "W-F-05-002", m["W-F-05-002"].Final, "0.4000", "0.06")
	wantState(t, "W-F-05-003", m["W-F-05-003"].Final, "0.4000", "0.06")
	orig, err := Adjust(c.Terms, c.Warrants[0], c.Events, Date{})
	if err != nil {
		t.Fatal(err)
	}
	wantState(t, "the original replayed alone", orig.Final, "0.5333", "0.09")
	checkConservation(t, c, c.Warrants[0], mustAdjustCase(t, c))
}

// checkConservation checks the property of TestProperty_LedgerConserves for
// the lineage of w. Every quantity is multiplied by L = Π old_j (the
// factors' denominators) so that 2:3 stays exact: q·g(q)·L is q times the
// new sides of the later factors and the old sides of the others.
func checkConservation(rt fataler, c *Case, w Warrant, as []*Adjustment) {
	alone, err := Adjust(c.Terms, w, c.Events, Date{})
	if err != nil {
		rt.Fatal(err)
	}
	type factor struct {
		id       string
		eff      Date
		new, old decimal.Decimal
	}
	var fs []factor
	for _, ev := range Ordered(c.Events, Date{}) {
		switch ev.Type {
		case StockSplit, Combination:
			fs = append(fs, factor{ev.ID, ev.Effective(), ev.Ratio.New, ev.Ratio.Old})
		case StockDividend:
			fs = append(fs, factor{ev.ID, ev.Effective(), one.Add(ev.SharesPerShare), one})
		}
	}
	// weight is Π f_j over the j that after selects, times L.
	weight := func(after func(j int) bool) decimal.Decimal {
		p := one
		for j, f := range fs {
			if after(j) {
				p = p.Mul(f.new)
			} else {
				p = p.Mul(f.old)
			}
		}
		return p
	}
	lineage, adjs := lineageOf(w.Number, as)
	sum := decimal.Zero
	for _, a := range lineage {
		if a.Surrendered == nil {
			sum = sum.Add(a.Final.Shares.Mul(weight(func(int) bool { return false })))
		}
	}
	for _, x := range c.Transactions {
		a := adjs[x.Warrant]
		if a == nil || x.Type == TxReissue {
			continue
		}
		q := decimal.Zero
		switch x.Type {
		case TxExercise:
			q = x.Shares
		case TxCancellation:
			q = a.Final.Shares
		}
		news := q
		for _, n := range a.Surrendered.Successors {
			news = news.Add(adjs[n].Initial.Shares)
		}
		if !news.Equal(a.Final.Shares) {
			rt.Fatalf("%s: %s surrendered %s and issued %s (with %s exercised or canceled)", x.Name(), a.Warrant, a.Final.Shares, news, q)
		}
		sum = sum.Add(q.Mul(weight(func(j int) bool { return !fs[j].eff.Before(x.Date) })))
	}
	half := decimal.New(5, -int32(c.Terms.ShareDecimals)-1)
	tol := decimal.Zero
	for k, f := range fs {
		m := int64(1) // the original's own replay
		for _, a := range lineage {
			for _, e := range a.Entries {
				if e.Event == f.id {
					m++
				}
			}
		}
		tol = tol.Add(half.Mul(decimal.NewFromInt(m)).Mul(weight(func(j int) bool { return j > k })))
	}
	want := alone.Final.Shares.Mul(weight(func(int) bool { return false }))
	if diff := sum.Sub(want).Abs(); diff.GreaterThan(tol) {
		rt.Fatalf("lineage of %s: outstanding plus exercised and canceled (scaled) = %s, the original replayed alone = %s (both ×%s); off by %s > %s",
			w.Number, sum, want, weight(func(int) bool { return false }), diff, tol)
	}
}

// fataler is a *testing.T or a *rapid.T.
type fataler interface {
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// lineageOf are the warrants of as descended from root (root included), in
// the order of as, and the same by number.
func lineageOf(root string, as []*Adjustment) ([]*Adjustment, map[string]*Adjustment) {
	in := map[string]*Adjustment{}
	var out []*Adjustment
	for _, a := range as { // a parent is always listed before its children
		if a.Warrant == root || in[a.Subject.Parent] != nil && a.CreatedBy != nil {
			in[a.Warrant] = a
			out = append(out, a)
		}
	}
	return out, in
}

// TestProperty_AppendKeepsThePast: appending a transaction dated D to the
// file never changes an entry effective before D, a warrant's initial state,
// who issued it and from what, or what was surrendered and how. The new
// transaction is dated on or after the last one, or earlier on a warrant no
// later transaction touches; never with a reissue on or after its date
// (which would re-issue the warrant it surrenders).
func TestProperty_AppendKeepsThePast(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		g := genLedger(rt, ledgerOpts{deferral: rapid.Bool().Draw(rt, "deferral"), cse: true})
		before, err := AdjustCase(g.c, Date{})
		if err != nil {
			rt.Fatal(err)
		}
		date := gridDate(rapid.IntRange(0, gridDates-1).Draw(rt, "appended date"))
		// A reissue dated date applies after the appended transaction (at
		// the end of the day): that is an insertion before it, which the
		// warrants it re-issued would make invalid.
		last, reissueAfter := g.c.Terms.OriginalIssueDate, false
		for _, x := range g.c.Transactions {
			last = latest(last, x.Date)
			reissueAfter = reissueAfter || x.Type == TxReissue && !x.Date.Before(date)
		}
		if reissueAfter {
			return
		}
		atEnd := !date.Before(last)
		end := map[string]bool{}
		for _, a := range outstanding(before) {
			end[a.Warrant] = true
		}
		var out []*Adjustment
		for _, a := range outstanding(stateAt(rt, g.c, date)) {
			if atEnd || end[a.Warrant] {
				out = append(out, a)
			}
		}
		if len(out) == 0 {
			return
		}
		g.add(g.tx(rt, date, out, atEnd))
		after, err := AdjustCase(g.c, Date{})
		if err != nil {
			rt.Fatalf("appended %+v: %v", g.c.Transactions[len(g.c.Transactions)-1], err)
		}
		m := map[string]*Adjustment{}
		for _, a := range after {
			m[a.Warrant] = a
		}
		for _, a := range before {
			b := m[a.Warrant]
			if b == nil {
				rt.Fatalf("%s is gone after appending a transaction", a.Warrant)
			}
			if x, y := pastOf(g.c.Terms, a, a, date), pastOf(g.c.Terms, b, a, date); x != y {
				rt.Fatalf("appending a transaction dated %s changed the past of %s:\n%s\n%s", date, a.Warrant, x, y)
			}
		}
	})
}

func latest(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}

// pastOf is what a transaction dated date must leave alone of a, as JSON;
// was is a before the transaction: what surrendered it then stays.
func pastOf(t Terms, a, was *Adjustment, date Date) string {
	r := a.Report(t)
	var entries []EntryReport
	for i, e := range a.Entries {
		if e.Effective.Before(date) {
			entries = append(entries, r.Entries[i])
		}
	}
	past := map[string]any{"initial": r.Initial, "entries": entries, "subject": a.Subject, "issued": a.Issued, "created_by": a.CreatedBy}
	if was.Surrendered != nil {
		past["surrendered"], past["final"] = a.Surrendered, r.Final
	}
	return mustJSON(past)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestProperty_TransactionFileOrder: the order transactions (and events) are
// listed in does not matter except on the same date. Every transaction gets
// an id, so that no name depends on a position; the file is shuffled keeping
// the relative order of same-date transactions (and of events effective the
// same day). The warrants, in AdjustCase's order (created ones in the order
// they were created, which is the order transactions apply), and everything
// about each must be the same.
func TestProperty_TransactionFileOrder(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		g := genLedger(rt, ledgerOpts{deferral: rapid.Bool().Draw(rt, "deferral"), cse: true})
		for i := range g.c.Transactions {
			g.c.Transactions[i].ID = fmt.Sprintf("x%d", i+1)
		}
		base := ledgerView(rt, g.c)
		c := *g.c
		c.Transactions = shuffleKeepingSameDay(rt, g.c.Transactions, func(x Transaction) Date { return x.Date }, "transaction order")
		for i := range c.Transactions {
			c.Transactions[i].Index, c.Transactions[i].Line = i+1, 100+10*(i+1)
		}
		c.Events = shuffleKeepingSameDay(rt, g.c.Events, Event.Effective, "event order")
		for i := range c.Events {
			c.Events[i].Index, c.Events[i].Line = i+1, 10*(i+1)
		}
		got := ledgerView(rt, &c)
		if len(got) != len(base) {
			rt.Fatalf("%d warrants in file order, %d shuffled", len(base), len(got))
		}
		for i := range base {
			if got[i] != base[i] {
				rt.Fatalf("warrant %d differs when the file is shuffled:\n%s\n%s", i+1, base[i], got[i])
			}
		}
	})
}

// shuffleKeepingSameDay is a permutation of xs in which the elements of one
// date keep their relative order.
func shuffleKeepingSameDay[T any](rt *rapid.T, xs []T, date func(T) Date, label string) []T {
	out := rapid.Permutation(xs).Draw(rt, label)
	byDate := map[Date][]T{}
	for _, x := range xs {
		byDate[date(x)] = append(byDate[date(x)], x)
	}
	for i := range out {
		dt := date(out[i])
		out[i], byDate[dt] = byDate[dt][0], byDate[dt][1:]
	}
	return out
}

// ledgerView is every warrant AdjustCase gives for c, as JSON, without what
// depends on a position in the file (lines, "#k" indexes).
func ledgerView(rt *rapid.T, c *Case) []string {
	as, err := AdjustCase(c, Date{})
	if err != nil {
		rt.Fatal(err)
	}
	out := make([]string, len(as))
	for i, a := range as {
		s := a.Subject
		s.Line = 0
		v := map[string]any{"report": a.Report(c.Terms), "subject": s, "issued": a.Issued}
		if a.CreatedBy != nil {
			cb := *a.CreatedBy
			cb.Index = 0
			v["created_by"] = cb
		}
		if a.Surrendered != nil {
			sr := *a.Surrendered
			sr.Index = 0
			v["surrendered"] = sr
		}
		out[i] = mustJSON(v)
	}
	return out
}
