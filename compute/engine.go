package compute

// The replay (SPEC §3.5). The adjustment history of a warrant is a list of
// events, and the state is a pure function of it: a superseding adjustment
// (§4(f)) or a rescission (§4(g)(iv)) rewrites the history and replays it.
// This file holds the loop; each Section's rule is in the file named for it
// (split.go, distribution.go, dilution.go, supersede.go, deferral.go,
// triggering.go, floor.go).

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Adjust computes the adjustment history of warrant w under terms t from
// events (in file order; they apply in order of their effective date, same-day
// events in file order). Events effective after asOf are ignored unless asOf
// is the zero Date.
//
// The entry for the k-th event has as its before the state of the history
// known after event k−1 and as its after the state of the history known after
// event k: the certificates as they were issued.
func Adjust(t Terms, w Warrant, events []Event, asOf Date) (*Adjustment, error) {
	initial := State{Price: Round(t.InitialWarrantPrice, t.PriceDecimals), Shares: Round(w.Shares, t.ShareDecimals)}
	h := &history{t: t, initial: initial, sorted: Ordered(events, asOf), abandoned: map[int]bool{}, rs: newReplay(t, initial)}
	adj := &Adjustment{Warrant: w.Number, Initial: initial}
	for k, ev := range h.sorted {
		entry := Entry{Event: ev.Name(), Type: ev.Type, Section: ev.Type.Section(), Date: ev.Date,
			Effective: ev.Effective(), Description: ev.Description, Before: h.rs.E}
		var err error
		switch ev.Type {
		case CSEExpiry, CSEPriceIncrease:
			err = h.supersede(k, ev, &entry)
		case DividendAbandoned:
			err = h.rescind(k, ev, &entry)
		default:
			err = h.occur(k, ev, &entry)
		}
		if err != nil {
			return nil, err
		}
		entry.Floor = h.rs.F
		entry.Alternate = h.rs.alternate()
		adj.Entries = append(adj.Entries, entry)
	}
	rs := h.rs
	adj.Final = rs.E
	adj.Floor = rs.F
	adj.Alternate = rs.alternate()
	if !rs.V.Equal(rs.E) {
		v := rs.V
		adj.Pending = &v
	}
	return adj, nil
}

// Ordered returns the events effective on or before asOf (all when asOf is
// zero) in the order they apply: by effective date, same-day events in file
// order.
func Ordered(events []Event, asOf Date) []Event {
	out := make([]Event, 0, len(events))
	for _, ev := range events {
		if asOf.IsZero() || !ev.Effective().After(asOf) {
			out = append(out, ev)
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int { return a.Effective().Compare(b.Effective()) })
	return out
}

// history is the events of one warrant as the replay knows them so far.
type history struct {
	t         Terms
	initial   State
	sorted    []Event      // every event, in the order they apply
	items     []item       // the history, as rewritten by §4(f) and §4(g)(iv)
	abandoned map[int]bool // sorted positions of abandoned dividends not yet reached
	rs        *replay      // the replay of items
}

// item is one event of the (possibly rewritten) history.
type item struct {
	ev  Event
	pos int // position in the ordered event list it came from
}

// occur adds the k-th event, which does not rewrite the history, and applies
// it.
func (h *history) occur(k int, ev Event, entry *Entry) error {
	if h.abandoned[k] {
		abandonedBeforeMade(entry)
		return nil
	}
	it := item{ev: ev, pos: k}
	h.items = append(h.items, it)
	res, err := h.rs.apply(it)
	if err != nil {
		return err
	}
	entry.After = h.rs.E
	entry.Status = res.status
	entry.Method = res.method
	entry.Carries = res.carries
	if entry.Status != StatusDeferred && entry.Status != StatusTriggeringEvent && entry.After.Equal(entry.Before) && len(res.carries) == 0 {
		entry.Status = StatusNoAdjustment
	}
	return nil
}

// replayAll replays the history from the start and returns what its last
// step did.
func (h *history) replayAll() (stepResult, error) {
	h.rs = newReplay(h.t, h.initial)
	var last stepResult
	for _, it := range h.items {
		var err error
		if last, err = h.rs.apply(it); err != nil {
			return stepResult{}, err
		}
	}
	return last, nil
}

// replay is the state of a history being replayed.
type replay struct {
	t        Terms
	V, E     State // the would-be state and the state in effect (§4(g)(ii))
	F        decimal.Decimal
	fNum     decimal.Decimal // product of the new sides of every 4(b) factor so far
	fDen     decimal.Decimal // product of the old sides
	cses     map[string]*cse
	cseOrder []string
	expired  map[string]bool
	pending  []string // events whose adjustment is deferred
	alt      []AlternateItem
}

func newReplay(t Terms, initial State) *replay {
	return &replay{t: t, V: initial, E: initial, F: Round(t.MarketValueAtIssue, t.PriceDecimals),
		fNum: one, fDen: one, cses: map[string]*cse{}, expired: map[string]bool{}}
}

// stepResult is what one step of the replay did.
type stepResult struct {
	status  Status
	method  string
	carries []string
}

// apply runs one event of the history on the would-be state V, then decides
// whether the state in effect E follows it (§4(g)(ii)).
func (rs *replay) apply(it item) (stepResult, error) {
	ev := it.ev
	prev := rs.V
	var (
		res stepResult
		err error
	)
	switch ev.Type {
	case StockSplit, Combination:
		res, err = rs.split(ev, ev.Ratio.New, ev.Ratio.Old, ev.Ratio.New.String()+"/"+ev.Ratio.Old.String())
	case StockDividend:
		res, err = rs.split(ev, one.Add(ev.SharesPerShare), one, "(1 + "+ev.SharesPerShare.String()+")")
	case Distribution:
		res, err = rs.distribution(ev)
	case Issuance:
		res, err = rs.issuance(ev)
	case CSEIssuance:
		res, err = rs.cseIssuance(ev)
	case CSEExpiry:
		return rs.expire(ev), nil
	case TriggeringEvent:
		res = rs.triggering(ev)
	default:
		return stepResult{}, eventError(ev, "type", fmt.Sprintf("%q cannot be replayed", ev.Type), "")
	}
	if err != nil {
		return res, err
	}
	return rs.makeOrDefer(ev, prev, res), nil
}

// tooSmall refuses an event after which a quantity would round to zero.
func tooSmall(ev Event, what, before, places string) error {
	return eventError(ev, "type", fmt.Sprintf("after this event the %s (now %s) rounds to zero", what, before), "events that leave it positive, or more decimals in "+places)
}

func describeChange(before, after State, t Terms) string {
	return fmt.Sprintf("P %s → %s, N %s → %s", fp(before.Price, t), fp(after.Price, t), fs(before.Shares, t), fs(after.Shares, t))
}

// eventError is an input error located at an event of the case file.
func eventError(ev Event, field, problem, allowed string) error {
	return &InputError{Line: ev.Line, Field: fmt.Sprintf("events[%d].%s", ev.Index, field), Problem: problem, Allowed: allowed}
}

// fs formats a share quantity with share_decimals, fp a price with price_decimals.
func fs(d decimal.Decimal, t Terms) string { return d.StringFixed(t.ShareDecimals) }
func fp(d decimal.Decimal, t Terms) string { return d.StringFixed(t.PriceDecimals) }
