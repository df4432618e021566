package compute

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Generators of valid ledgers for the property tests (SPEC §2.5, §3.13).
//
// A ledger is drawn in date order: each transaction is drawn against the
// warrants outstanding at its date, with quantities no larger than the
// Warrant Share Number in effect then, which AdjustCase itself computes from
// the ledger drawn so far (stateAt). Dates come from a coarse grid so that
// transactions and events often share a date.

// gridDate is the k-th date of the grid: the Original Issue Date plus 75·k
// days, k in 0..24 (the last is 2010-02-17, before the expiration).
func gridDate(k int) Date { return day("2005-03-14").AddDays(75 * k) }

const gridDates = 25

// ledgerOpts chooses what a generated ledger may hold.
type ledgerOpts struct {
	deferral bool // defer_small_adjustments, with small stock dividends that are deferred
	cse      bool // a Common Stock Equivalent issue (below the price) and its expiry: a §4(f) replay
}

// ledgerGen is a ledger being drawn.
type ledgerGen struct {
	c    *Case
	next int // the next number no warrant of the ledger has
}

// genLedger draws 1–4 originals, up to 5 events (and a CSE issue and its
// expiry when opts.cse), and up to 8 transactions.
func genLedger(rt *rapid.T, opts ledgerOpts) *ledgerGen {
	terms := testTerms()
	terms.DeferSmallAdjustments = opts.deferral
	n := rapid.IntRange(1, 4).Draw(rt, "originals")
	g := &ledgerGen{c: &Case{Terms: terms}, next: n + 1}
	for i := 1; i <= n; i++ {
		w := testWarrant("1")
		w.Number = fmt.Sprintf("W-F-05-%03d", i)
		w.Shares = decimal.New(rapid.Int64Range(1, 1_000_000_00).Draw(rt, "shares"), -2)
		g.c.Warrants = append(g.c.Warrants, w)
	}
	g.c.Events = events(genLedgerEvents(rt, opts)...)
	days := rapid.SliceOfN(rapid.IntRange(0, gridDates-1), 0, 8).Draw(rt, "transaction dates")
	slices.Sort(days)
	reissued := -1
	for _, k := range days {
		if k == reissued {
			continue // a reissue applies at the end of its date, after every other transaction of it
		}
		out := outstanding(stateAt(rt, g.c, gridDate(k)))
		if len(out) == 0 {
			break
		}
		x := g.tx(rt, gridDate(k), out, true)
		if x.Type == TxReissue {
			reissued = k
		}
		g.add(x)
	}
	return g
}

// genLedgerEvents draws the events: §4(b) splits, combinations and stock
// dividends, and a §4(d) issuance below the price (a price-only change).
func genLedgerEvents(rt *rapid.T, opts ledgerOpts) []Event {
	var evs []Event
	for i := rapid.IntRange(0, 5).Draw(rt, "events"); i > 0; i-- {
		var ev Event
		switch rapid.IntRange(0, 7).Draw(rt, "event") {
		case 0:
			ev = split("2005-03-14", "2", "1")
		case 1:
			ev = split("2005-03-14", "3", "1")
		case 2:
			ev = split("2005-03-14", "3", "2")
		case 3:
			ev = combination("2005-03-14", "1", "2")
		case 4:
			ev = combination("2005-03-14", "2", "3")
		case 5:
			ev = Event{Type: StockDividend, SharesPerShare: d("0.05")}
			if opts.deferral && rapid.Bool().Draw(rt, "small dividend") {
				ev.SharesPerShare = d("0.005") // 0.5% < the 1% threshold: deferred (§4(g)(ii))
			}
		default:
			ev = issuance("2005-03-14", "1000000", "1000000", "43034176")
		}
		ev.Date = gridDate(rapid.IntRange(0, gridDates-1).Draw(rt, "event date"))
		evs = append(evs, ev)
	}
	if opts.cse && rapid.Bool().Draw(rt, "cse") {
		issued := rapid.IntRange(0, gridDates-2).Draw(rt, "cse date")
		expired := rapid.IntRange(issued+1, gridDates-1).Draw(rt, "cse expiry date")
		evs = append(evs, cseIssuance("notes", "2005-03-14", "1000000", "1000000", "10000000"),
			Event{Type: CSEExpiry, Date: gridDate(expired), Ref: "notes"})
		evs[len(evs)-2].Date = gridDate(issued)
	}
	for i := range evs {
		if evs[i].ID == "" {
			evs[i].ID = fmt.Sprintf("e%d", i+1)
		}
	}
	return evs
}

// stateAt is the history of every warrant as a transaction dated date,
// listed last in the file, finds it: the events effective before date and
// the transactions dated on or before it (SPEC §3.13), none of which may be
// a reissue dated date (which applies at the end of the day, after it).
// A reissue acts on the same warrants, only their states differ.
func stateAt(rt *rapid.T, c *Case, date Date) []*Adjustment {
	cc := *c
	cc.Events, cc.Transactions = nil, nil
	for _, ev := range c.Events {
		if ev.Effective().Before(date) {
			cc.Events = append(cc.Events, ev)
		}
	}
	for _, x := range c.Transactions {
		if !x.Date.After(date) {
			cc.Transactions = append(cc.Transactions, x)
		}
	}
	as, err := AdjustCase(&cc, Date{})
	if err != nil {
		rt.Fatalf("the ledger drawn so far is refused: %v", err)
	}
	return as
}

// outstanding are the warrants of as that no transaction surrendered.
func outstanding(as []*Adjustment) []*Adjustment {
	var out []*Adjustment
	for _, a := range as {
		if a.Surrendered == nil {
			out = append(out, a)
		}
	}
	return out
}

// acted is the state a transaction acts on: pending adjustments made
// (SPEC §3.13).
func acted(a *Adjustment) State {
	if a.Pending != nil {
		return *a.Pending
	}
	return a.Final
}

func (g *ledgerGen) number() string {
	n := fmt.Sprintf("W-F-05-%03d", g.next)
	g.next++
	return n
}

// add appends x to the file, numbered as a case file would.
func (g *ledgerGen) add(x Transaction) {
	x.Index = len(g.c.Transactions) + 1
	x.Line = 100 + 10*x.Index
	g.c.Transactions = append(g.c.Transactions, x)
}

// tx draws a valid transaction dated date on one of the warrants out
// (outstanding at that moment); a reissue only when reissue is allowed.
func (g *ledgerGen) tx(rt *rapid.T, date Date, out []*Adjustment, reissue bool) Transaction {
	a := out[rapid.IntRange(0, len(out)-1).Draw(rt, "warrant")]
	s := acted(a)
	units := s.Shares.Shift(2).IntPart() // share_decimals = 2
	x := Transaction{Warrant: a.Warrant, Date: date}
	switch kind := rapid.IntRange(0, 5).Draw(rt, "transaction"); {
	case kind == 0 && !date.Before(g.c.Terms.ExerciseStart):
		x.Type, x.Method = TxExercise, MethodCash
		y := rapid.Int64Range(1, units).Draw(rt, "exercised")
		x.Shares = decimal.New(y, -2)
		if rapid.Bool().Draw(rt, "cashless") {
			// B just above P: a later §4(f) replay may raise P above B.
			b := s.Price.Add(decimal.New(rapid.Int64Range(1, 5000).Draw(rt, "B − P"), -4))
			x.Method, x.MarketValue = MethodCashless, &MarketValue{Method: MVPlain, Value: b}
		}
		if y < units {
			x.Balance = g.number()
		}
	case kind == 1:
		x.Type, x.To = TxAssignment, Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1"}}
		sh := rapid.Int64Range(1, units).Draw(rt, "assigned")
		if sh < units || rapid.Bool().Draw(rt, "shares given") {
			x.Shares = decimal.New(sh, -2)
		}
		x.Number = g.number()
		if sh < units {
			x.Balance = g.number()
		}
	case kind == 2 && units >= 3:
		x.Type = TxExchange
		cuts := rapid.SliceOfNDistinct(rapid.Int64Range(1, units-1), 1, 2, rapid.ID[int64]).Draw(rt, "cuts")
		slices.Sort(cuts)
		prev := int64(0)
		for _, c := range cuts {
			x.Into = append(x.Into, ExchangeItem{Number: g.number(), Shares: decimal.New(c-prev, -2)})
			prev = c
		}
		x.Into = append(x.Into, ExchangeItem{Number: g.number()}) // the rest
	case kind == 3:
		x.Type, x.Warrant = TxCancellation, a.Warrant
		x.Reason = "repurchased"
	case kind == 4 && reissue:
		x = Transaction{Type: TxReissue, Date: date}
		if rapid.Bool().Draw(rt, "first number given") {
			x.FirstNumber = g.number()
			g.next--
		}
		g.next += len(out)
	default:
		x.Type, x.Number, x.Reason = TxReplacement, g.number(), "lost"
	}
	return x
}
