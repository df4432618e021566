package compute

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// genShares draws a Warrant Share Number with up to two decimals.
func genShares(t *rapid.T, label string) decimal.Decimal {
	return decimal.New(rapid.Int64Range(1, 100_000_000_00).Draw(t, label), -2)
}

func genPrice(t *rapid.T, label string) decimal.Decimal {
	return decimal.New(rapid.Int64Range(1000, 99_9999).Draw(t, label), -4) // 0.1000 .. 99.9999
}

func TestProperty_SplitThenInverseCombination(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := genShares(rt, "shares")
		a := decimal.NewFromInt(rapid.Int64Range(2, 50).Draw(rt, "new"))
		b := decimal.NewFromInt(rapid.Int64Range(1, 49).Draw(rt, "old"))
		if a.LessThanOrEqual(b) {
			a, b = b.Add(one), a
		}
		w := Warrant{Number: "W-F-05-001", Shares: n}
		evs := events(
			Event{Type: StockSplit, Date: day("2006-01-10"), Ratio: Ratio{New: a, Old: b}},
			Event{Type: Combination, Date: day("2006-02-10"), Ratio: Ratio{New: b, Old: a}},
		)
		adj, err := Adjust(testTerms(), w, evs, Date{})
		if err != nil {
			rt.Fatal(err)
		}
		if diff := adj.Final.Shares.Sub(n).Abs(); diff.GreaterThan(d("0.01")) {
			rt.Fatalf("%s split %s:%s and back is %s (off by %s)", n, a, b, adj.Final.Shares, diff)
		}
	})
}

func TestProperty_PriceTimesSharesPreserved(t *testing.T) {
	// §4(b)/(c) set P' = P·N/N', so P'·N' = P·N up to rounding P' to 4 places: |P'N' − PN| ≤ N'/20000.
	rapid.Check(t, func(rt *rapid.T) {
		terms := testTerms()
		terms.InitialWarrantPrice = genPrice(rt, "price")
		n := decimal.New(rapid.Int64Range(100_00, 100_000_000_00).Draw(rt, "shares"), -2) // a 1:20 combination leaves ≥ 5 shares
		var ev Event
		switch rapid.IntRange(0, 3).Draw(rt, "kind") {
		case 0:
			ev = Event{Type: StockSplit, Date: day("2006-01-10"), Ratio: Ratio{New: decimal.NewFromInt(rapid.Int64Range(2, 20).Draw(rt, "n")), Old: one}}
		case 1:
			ev = Event{Type: Combination, Date: day("2006-01-10"), Ratio: Ratio{New: one, Old: decimal.NewFromInt(rapid.Int64Range(2, 20).Draw(rt, "o"))}}
		case 2:
			ev = Event{Type: StockDividend, Date: day("2006-01-10"), SharesPerShare: decimal.New(rapid.Int64Range(1, 5000).Draw(rt, "sps"), -4)}
		case 3:
			m := genPrice(rt, "market")
			dv := decimal.New(rapid.Int64Range(1, m.Shift(4).IntPart()*9/10).Draw(rt, "value"), -4) // P stays above 0.0000
			ev = Event{Type: Distribution, Date: day("2006-01-10"), Kind: "cash", PerShareValue: dv, MarketValue: MarketValue{Method: MVPlain, Value: m}}
		}
		adj, err := Adjust(terms, Warrant{Number: "W-F-05-001", Shares: n}, events(ev), Date{})
		if err != nil {
			rt.Fatal(err)
		}
		before := adj.Initial.Price.Mul(adj.Initial.Shares)
		after := adj.Final.Price.Mul(adj.Final.Shares)
		if after.Sub(before).Abs().GreaterThan(adj.Final.Shares.Div(decimal.NewFromInt(20000))) {
			rt.Fatalf("P·N %s → %s after %s", before, after, ev.Type)
		}
	})
}

func TestProperty_Cashless(t *testing.T) {
	// X = Y − A·Y/B ≤ Y, and X does not shrink as B grows.
	rapid.Check(t, func(rt *rapid.T) {
		terms := testTerms()
		terms.InitialWarrantPrice = genPrice(rt, "price")
		y := decimal.NewFromInt(rapid.Int64Range(1, 10_000_000).Draw(rt, "y"))
		step := rapid.Int64Range(1, 100_000).Draw(rt, "b")
		b1 := terms.InitialWarrantPrice.Add(decimal.New(step, -4))
		b2 := b1.Add(decimal.New(rapid.Int64Range(0, 100_000).Draw(rt, "db"), -4))
		run := func(b decimal.Decimal) decimal.Decimal {
			r, err := Exercise(terms, Warrant{Number: "W-F-05-001", Shares: y}, nil, ExerciseInput{
				Date: day("2007-06-01"), Shares: y, Method: MethodCashless, MarketValue: &MarketValue{Value: b}, WaiverNotice: day("2005-01-01"),
			})
			if err != nil {
				rt.Fatal(err)
			}
			if r.Values.Issued.GreaterThan(y) || r.Values.Issued.Sign() < 0 {
				rt.Fatalf("X = %s for Y = %s", r.Values.Issued, y)
			}
			return r.Values.Issued
		}
		if x1, x2 := run(b1), run(b2); x2.LessThan(x1) {
			rt.Fatalf("X fell from %s to %s as B rose from %s to %s", x1, x2, b1, b2)
		}
	})
}

// genHistory draws a history of 1–8 events on distinct dates, each with an id.
func genHistory(rt *rapid.T) []Event {
	k := rapid.IntRange(1, 8).Draw(rt, "events")
	days := rapid.SliceOfNDistinct(rapid.IntRange(0, 1500), k, k, rapid.ID[int]).Draw(rt, "days")
	var evs []Event
	outstanding := d("43034176")
	for i := 0; i < k; i++ {
		date := day("2005-09-15").AddDays(days[i])
		id := fmt.Sprintf("e%d", i)
		var ev Event
		switch kind := rapid.IntRange(0, 4).Draw(rt, "kind"); kind {
		case 0:
			ev = Event{Type: StockSplit, Ratio: Ratio{New: decimal.NewFromInt(rapid.Int64Range(2, 4).Draw(rt, "r")), Old: one}}
		case 1:
			ev = Event{Type: StockDividend, SharesPerShare: decimal.New(rapid.Int64Range(1, 1000).Draw(rt, "sps"), -4)}
		case 2, 3:
			s := decimal.NewFromInt(rapid.Int64Range(1, 50_000_000).Draw(rt, "s"))
			c := s.Mul(decimal.New(rapid.Int64Range(0, 30000).Draw(rt, "pps"), -4))
			ev = Event{Type: Issuance, Shares: s, Consideration: c, OutstandingBefore: outstanding}
			if kind == 3 {
				ev = Event{Type: CSEIssuance, MaxShares: s, Consideration: c, OutstandingBefore: outstanding}
			}
		case 4:
			m := genPrice(rt, "m")
			ev = Event{Type: Distribution, Kind: "cash", PerShareValue: m.Div(decimal.NewFromInt(10)).Round(4), MarketValue: MarketValue{Method: MVPlain, Value: m}}
		}
		ev.ID, ev.Date = id, date
		evs = append(evs, ev)
	}
	return events(evs...)
}

func TestProperty_FloorNeverCrossed(t *testing.T) {
	// §4 first ¶: 4(d)/(e) never take the Warrant Price below the floor in effect.
	rapid.Check(t, func(rt *rapid.T) {
		terms := testTerms()
		terms.DilutionAdjustsShares = rapid.Bool().Draw(rt, "dilution")
		adj, err := Adjust(terms, Warrant{Number: "W-F-05-001", Shares: genShares(rt, "n")}, genHistory(rt), Date{})
		if err != nil {
			rt.Fatal(err)
		}
		for _, e := range adj.Entries {
			if e.Type != Issuance && e.Type != CSEIssuance {
				continue
			}
			if e.After.Price.LessThan(e.Floor) && e.After.Price.LessThan(e.Before.Price) {
				rt.Fatalf("%s took P from %s to %s below the floor %s: %s", e.Event, e.Before.Price, e.After.Price, e.Floor, e.Method)
			}
		}
	})
}

func TestProperty_ReplayIsRepeatableAndOrderFree(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		terms := testTerms()
		terms.DeferSmallAdjustments = rapid.Bool().Draw(rt, "defer")
		w := Warrant{Number: "W-F-05-001", Shares: genShares(rt, "n")}
		evs := genHistory(rt)
		a1, err := Adjust(terms, w, evs, Date{})
		if err != nil {
			rt.Fatal(err)
		}
		a2, _ := Adjust(terms, w, evs, Date{})
		if !reflect.DeepEqual(a1, a2) {
			rt.Fatal("two replays of one history differ")
		}
		// Shuffle the file order: with distinct dates the result is the same, entry for entry.
		perm := rapid.Permutation(evs).Draw(rt, "order")
		a3, err := Adjust(terms, w, perm, Date{})
		if err != nil {
			rt.Fatal(err)
		}
		if !reflect.DeepEqual(strip(a1), strip(a3)) {
			rt.Fatalf("file order changed the result:\n%+v\n%+v", a1.Final, a3.Final)
		}
	})
}

// strip drops what depends on file position (the index behind "#k" names is
// not used: every generated event has an id).
func strip(a *Adjustment) []Entry {
	out := make([]Entry, len(a.Entries))
	for i, e := range a.Entries {
		e.Method = fmt.Sprint(e.Event, e.Status)
		out[i] = e
	}
	return out
}
