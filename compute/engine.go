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
	as, err := lineage(t, w, events, nil, nil, asOf)
	if err != nil {
		return nil, err
	}
	return as[0], nil
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

// history is the events and transactions of one lineage as the replay knows
// them so far.
type history struct {
	t         Terms
	root      string // the original's number
	initial   State  // the original's
	sorted    []item // every event and transaction, in the order they apply
	items     []item // the history, as rewritten by §4(f) and §4(g)(iv)
	abandoned map[int]bool
	f         *forest // the replay of items
	cause     *Event  // the event whose replay is running, for a refusal's message
	// rewrite is what the running §4(f) or §4(g)(iv) rewrite took out; the
	// replay logs the events from position logFrom on into each replay.
	rewrite *Rewrite
	logFrom int
}

// item is one event or transaction of the (possibly rewritten) history.
type item struct {
	ev  Event
	pos int          // position in the ordered list it came from
	tx  *Transaction // set for a transaction
	st  *txStep      // what the transaction surrenders and issues
}

// occur adds the k-th event, which does not rewrite the history, and applies
// it.
func (h *history) occur(k int, ev Event) ([]stepResult, string, error) {
	if h.abandoned[k] {
		return nil, "", nil // abandoned before its adjustment was made (§4(g)(iv))
	}
	it := item{ev: ev, pos: k}
	h.items = append(h.items, it)
	out, err := h.f.apply(it, h)
	return out, "", err
}

// replayAll replays the history from the start and returns what its last
// step did to each warrant outstanding (in the forest's order). cause is the
// event that rewrote the history, for a transaction's refusal.
func (h *history) replayAll(cause Event) ([]stepResult, error) {
	h.f = newForest(&h.t, h.root, h.initial)
	h.cause = &cause
	defer func() { h.cause = nil }()
	var last []stepResult
	for _, it := range h.items {
		var err error
		if last, err = h.f.apply(it, h); err != nil {
			return nil, err
		}
	}
	return last, nil
}

// replay is the state of a history being replayed.
type replay struct {
	t        *Terms // the history's: shared, not copied into every warrant's replay
	V, E     State  // the would-be state and the state in effect (§4(g)(ii))
	F        decimal.Decimal
	fNum     decimal.Decimal // product of the new sides of every 4(b) factor so far
	fDen     decimal.Decimal // product of the old sides
	cses     map[string]*cse
	cseOrder []string
	expired  map[string]bool
	pending  []string // events whose adjustment is deferred
	alt      []AlternateItem
	log      []Recomputed // the steps recomputed by a replay of §4(f) or §4(g)(iv)
}

func newReplay(t *Terms, initial State) *replay {
	return &replay{t: t, V: initial, E: initial, F: Round(t.MarketValueAtIssue, t.PriceDecimals),
		fNum: one, fDen: one} // cses and expired: made when first needed
}

// stepResult is what one step of the replay did.
type stepResult struct {
	status  Status
	method  string
	carries []string
	fig     *Figures // the numbers, for the documents
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
