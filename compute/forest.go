package compute

// The replay of a lineage: one replay per warrant outstanding, and what a
// transaction does to them (SPEC §2.5, §3.13).

import (
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"
)

// forest is the replay of one lineage: the warrants outstanding, each with
// the replay of its own state. A lineage holds few warrants: slices, not a
// map, so that a lineage costs no map of its own.
type forest struct {
	order []string  // the numbers outstanding, in the order they were issued
	reps  []*replay // reps[i] is the replay of order[i]
	// ghost is the replay of the last warrant surrendered once none is
	// outstanding: the lineage's Common Stock Equivalents and floor go on
	// being followed, so that a later superseding adjustment or rescission
	// can replay the lineage and check the quantities its transactions
	// recorded (SPEC §3.13: "a full exercise or full assignment of a number
	// that the replay changed" is refused).
	ghost *replay
}

func newForest(t *Terms, root string, initial State) *forest {
	return &forest{order: []string{root}, reps: []*replay{newReplay(t, initial)}}
}

// any is the replay of one warrant outstanding: what every warrant of the
// lineage shares (the floor, the Common Stock Equivalents) is read from it.
func (f *forest) any() *replay {
	if len(f.reps) == 0 {
		return f.ghost
	}
	return f.reps[0]
}

// states are the states in effect, in the order of f.order.
func (f *forest) states() []State {
	out := make([]State, len(f.reps))
	for i, rs := range f.reps {
		out[i] = rs.E
	}
	return out
}

// apply runs one item of the history on every warrant outstanding and
// returns what an event did to each (nil for a transaction).
func (f *forest) apply(it item, h *history) ([]stepResult, error) {
	if it.tx != nil {
		_, err := f.transact(it, h)
		return nil, err
	}
	if len(f.reps) == 0 {
		// Nothing is outstanding: the ghost only follows the lineage's
		// shared state, and what it cannot compute concerns no warrant.
		f.ghost.apply(it)
		return []stepResult{}, nil
	}
	out := make([]stepResult, len(f.reps))
	logged := h != nil && h.rewrite != nil && h.cause != nil && it.pos >= h.logFrom
	for i, rs := range f.reps {
		res, err := rs.apply(it)
		if err != nil {
			return nil, err
		}
		out[i] = res
		if logged && res.fig != nil {
			ev := it.ev
			rs.log = append(rs.log, Recomputed{Event: ev.Name(), Type: ev.Type, Section: ev.Type.Section(), Date: ev.Effective(),
				Description: ev.Description, Status: res.status, Figures: *res.fig})
		}
	}
	return out, nil
}

// txChange is what a transaction did to one warrant of the lineage.
type txChange struct {
	old       string
	acted     State // the state it acted on, pending adjustments made
	floor     decimal.Decimal
	alternate []AlternateItem
	news      []string // the warrants issued in its place
	initials  []State  // their states when issued
}

// transact surrenders the warrants of the lineage that the transaction
// surrenders and issues the new ones. "A transaction first makes the
// surrendered warrant's pending deferred adjustments" (SPEC §3.13; §4(g)(ii):
// "up to, but not beyond the date of exercise").
func (f *forest) transact(it item, h *history) ([]txChange, error) {
	var out []txChange
	// A reissue surrenders the warrants of other lineages too.
	for _, i := range it.st.of(f.order) {
		old := it.st.surrenderedNumber(i)
		at := slices.Index(f.order, old)
		rs := f.reps[at]
		rs.E, rs.pending = rs.V, nil
		news := it.st.successors(i)
		shares, err := h.newShares(*it.tx, rs.E, len(news))
		if err != nil {
			return nil, err
		}
		c := txChange{old: old, acted: rs.E, floor: rs.F, alternate: rs.alternate(), news: news}
		f.order = slices.Delete(f.order, at, at+1)
		f.reps = slices.Delete(f.reps, at, at+1)
		f.ghost = rs
		for j, n := range news {
			s := State{Price: rs.E.Price, Shares: shares[j]}
			f.order = append(f.order, n)
			f.reps = append(f.reps, rs.clone(s))
			c.initials = append(c.initials, s)
		}
		out = append(out, c)
	}
	return out, nil
}

// clone is a replay of a new warrant issued in place of rs's, in state s:
// the Warrant Price, the floor, the Common Stock Equivalents and the
// alternate consideration carry over; nothing is pending.
func (rs *replay) clone(s State) *replay {
	c := *rs
	c.V, c.E = s, s
	c.cses = nil // nil until a Common Stock Equivalent issue (cseIssuance)
	if len(rs.cses) > 0 {
		c.cses = make(map[string]*cse, len(rs.cses))
	}
	for id, v := range rs.cses {
		cc := *v
		c.cses[id] = &cc
	}
	c.cseOrder = slices.Clone(rs.cseOrder)
	c.expired = nil // nil until the first expiry (expire)
	if len(rs.expired) > 0 {
		c.expired = maps.Clone(rs.expired)
	}
	c.pending = nil
	c.alt = slices.Clone(rs.alt)
	c.log = slices.Clone(rs.log)
	return &c
}

// newShares are the Warrant Share Numbers of the n warrants x issues in
// place of one in state s, checked: the quantities x names are facts, and
// whatever takes "the rest" takes what s leaves (SPEC §3.13).
func (h *history) newShares(x Transaction, s State, n int) ([]decimal.Decimal, error) {
	t, N := h.t, s.Shares
	switch x.Type {
	case TxExercise:
		if x.Shares.GreaterThan(N) {
			return nil, h.txFail(x, "shares", fmt.Sprintf("%s exceeds the Warrant Share Number %s in effect", fs(x.Shares, t), fs(N, t)), "at most "+fs(N, t))
		}
		// B > P is checked against the price as known at the exercise
		// (SPEC §3.13): a later replay that raises the price does not
		// undo an exercise made on the certificates then in effect.
		if (x.Method == MethodCashless || x.Method == MethodCombined) && h.cause == nil {
			if b := x.MarketValue; b != nil && !b.Value.GreaterThan(s.Price) {
				return nil, h.txFail(x, "market_value", fmt.Sprintf("the Per Share Market Value %s is not above the Warrant Price %s: a cashless exercise would issue nothing (§2(c))", fp(b.Value, t), fp(s.Price, t)), "a market value above the Warrant Price, or method cash")
			}
		}
		return h.remainder(x, "balance", nil, N.Sub(x.Shares), n)
	case TxAssignment:
		sh := x.Shares
		if sh.IsZero() {
			sh = N
		}
		if sh.GreaterThan(N) {
			return nil, h.txFail(x, "shares", fmt.Sprintf("%s exceeds the Warrant Share Number %s in effect", fs(sh, t), fs(N, t)), "at most "+fs(N, t))
		}
		return h.remainder(x, "balance", []decimal.Decimal{sh}, N.Sub(sh), n)
	case TxExchange:
		return h.exchangeShares(x, N)
	case TxReplacement, TxReissue:
		return []decimal.Decimal{N}, nil
	}
	return nil, nil // a cancellation issues nothing
}

// remainder appends rest to given when rest is positive, as the balance
// warrant the transaction must name; it refuses a missing or a superfluous
// balance.
func (h *history) remainder(x Transaction, field string, given []decimal.Decimal, rest decimal.Decimal, n int) ([]decimal.Decimal, error) {
	t := h.t
	named := n > len(given)
	switch {
	case rest.IsPositive() && !named:
		return nil, h.txFail(x, field, fmt.Sprintf("%s shares remain of the Warrant Share Number and no warrant is named to hold them", fs(rest, t)), "a balance: the number of the warrant issued to the holder for the rest (§2(e))")
	case !rest.IsPositive() && named:
		return nil, h.txFail(x, field, "nothing remains of the Warrant Share Number: no balance warrant is issued", "no balance")
	case rest.IsPositive():
		return append(given, rest), nil
	}
	return given, nil
}

// exchangeShares are the shares of an exchange's new warrants: as given, the
// last without shares taking the rest; they must add up to N exactly.
func (h *history) exchangeShares(x Transaction, N decimal.Decimal) ([]decimal.Decimal, error) {
	t := h.t
	out := make([]decimal.Decimal, len(x.Into))
	sum := decimal.Zero
	for i, it := range x.Into {
		out[i] = it.Shares
		sum = sum.Add(it.Shares)
	}
	last := len(out) - 1
	if last >= 0 && out[last].IsZero() {
		rest := N.Sub(sum)
		if !rest.IsPositive() {
			return nil, h.txFail(x, "into", fmt.Sprintf("the shares given add up to %s, leaving nothing of the Warrant Share Number %s for the last warrant", fs(sum, t), fs(N, t)), "shares that add up to less than "+fs(N, t))
		}
		out[last] = rest
		return out, nil
	}
	if !sum.Equal(N) {
		return nil, h.txFail(x, "into", fmt.Sprintf("the shares add up to %s, not the Warrant Share Number %s", fs(sum, t), fs(N, t)), "shares that add up to "+fs(N, t)+", or the last item without shares (the rest)")
	}
	return out, nil
}

// txFail refuses transaction x. During the replay that an event caused (a
// superseding adjustment, a rescission) it names that event: the quantities
// the ledger records no longer fit, and a person must decide.
func (h *history) txFail(x Transaction, field, problem, allowed string) error {
	if h.cause != nil {
		problem += fmt.Sprintf(" after the replay that events[%d] (%s, %s, %s) caused", h.cause.Index, h.cause.Name(), h.cause.Type, h.cause.Date)
		allowed = "a person must decide: correct the transaction or the events (" + allowed + ")"
	}
	return txError(x, field, problem, allowed)
}
