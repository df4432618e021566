package compute

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Adjust computes the adjustment history of warrant w under terms t from
// events (in file order; they apply in order of their effective date, same-day
// events in file order). Events effective after asOf are ignored unless asOf
// is the zero Date.
//
// The engine is a replay (SPEC §3.5): the history is a list of events, the
// state is a pure function of it, and a superseding adjustment (§4(f)) or a
// rescission (§4(g)(iv)) rewrites the history and replays it. The entry for
// the k-th event has as its before the state of the history known after event
// k−1 and as its after the state of the history known after event k: the
// certificates as they were issued.
func Adjust(t Terms, w Warrant, events []Event, asOf Date) (*Adjustment, error) {
	sorted := Ordered(events, asOf)
	initial := State{Price: Round(t.InitialWarrantPrice, t.PriceDecimals), Shares: Round(w.Shares, t.ShareDecimals)}
	adj := &Adjustment{Warrant: w.Number, Initial: initial}

	var (
		history   []item
		abandoned = map[int]bool{} // sorted positions of abandoned dividends not yet reached
		rs        = newReplay(t, initial)
	)
	for k, ev := range sorted {
		before := rs.E
		entry := Entry{Event: ev.Name(), Type: ev.Type, Section: ev.Type.Section(), Date: ev.Date,
			Effective: ev.Effective(), Description: ev.Description, Before: before}

		switch ev.Type {
		case CSEExpiry, CSEPriceIncrease, DividendAbandoned:
			var note string
			var err error
			history, note, err = rewrite(history, ev, k, sorted, rs, abandoned)
			if err != nil {
				return nil, err
			}
			// Replay the rewritten history from the start.
			rs = newReplay(t, initial)
			var last stepResult
			for _, it := range history {
				if last, err = rs.apply(it); err != nil {
					return nil, err
				}
			}
			entry.After = rs.E
			entry.Status = StatusSuperseding
			if ev.Type == DividendAbandoned {
				entry.Status = StatusRescission
			}
			entry.Method = note
			if ev.Type == CSEPriceIncrease && last.method != "" {
				entry.Method += "; " + last.method
			}
			if entry.After.Equal(before) {
				entry.Status = StatusNoAdjustment
				entry.Method += "; the Warrant Price and Warrant Share Number are unchanged"
			} else {
				entry.Method += "; replayed: " + describeChange(before, entry.After, t)
				if entry.After.Price.GreaterThan(before.Price) {
					entry.PriceRaised = true
					entry.Method += " (this adjustment raises the Warrant Price)"
				}
			}
		default:
			if abandoned[k] {
				entry.After = before
				entry.Status = StatusNoAdjustment
				entry.Method = "the plan to pay this dividend was abandoned before payment: no adjustment (§4(g)(iv))"
				break
			}
			it := item{ev: ev, pos: k}
			history = append(history, it)
			res, err := rs.apply(it)
			if err != nil {
				return nil, err
			}
			entry.After = rs.E
			entry.Status = res.status
			entry.Method = res.method
			entry.Carries = res.carries
			if entry.Status != StatusDeferred && entry.Status != StatusTriggeringEvent && entry.After.Equal(before) && len(res.carries) == 0 {
				entry.Status = StatusNoAdjustment
			}
		}
		entry.Floor = rs.F
		entry.Alternate = rs.alternate()
		adj.Entries = append(adj.Entries, entry)
	}
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

// item is one event of the (possibly rewritten) history.
type item struct {
	ev  Event
	pos int // position in the ordered event list it came from
}

// rewrite applies a 4(f) or 4(g)(iv) event to the history known so far and
// says what it did. rs is the replay of that history.
func rewrite(history []item, ev Event, pos int, sorted []Event, rs *replay, abandoned map[int]bool) ([]item, string, error) {
	switch ev.Type {
	case DividendAbandoned:
		for i, it := range history {
			if it.ev.ID == ev.Ref {
				out := slices.Delete(slices.Clone(history), i, i+1)
				return out, fmt.Sprintf("the plan to pay %s (record date %s) was abandoned: its adjustment is rescinded and annulled (§4(g)(iv))", ev.Ref, it.ev.Date), nil
			}
		}
		for j := pos + 1; j < len(sorted); j++ {
			if sorted[j].ID == ev.Ref {
				abandoned[j] = true
				return history, fmt.Sprintf("the plan to pay %s was abandoned before its adjustment was made: no adjustment will be made (§4(g)(iv))", ev.Ref), nil
			}
		}
		// Beyond the as-of date: its adjustment will not be made either.
		return history, fmt.Sprintf("the plan to pay %s was abandoned before its adjustment was made: no adjustment will be made (§4(g)(iv))", ev.Ref), nil

	case CSEExpiry, CSEPriceIncrease:
		c, ok := rs.cses[ev.Ref]
		if !ok {
			if rs.expired[ev.Ref] {
				return nil, "", eventError(ev, "ref", fmt.Sprintf("Common Stock Equivalents %q already expired", ev.Ref), "a cse-issuance whose conversion right is still outstanding")
			}
			return nil, "", eventError(ev, "ref", fmt.Sprintf("Common Stock Equivalents %q are not issued before %s", ev.Ref, ev.Date), "the id of an earlier cse-issuance")
		}
		if ev.Type == CSEPriceIncrease {
			if err := checkPriceIncrease(ev, c, rs.t); err != nil {
				return nil, "", err
			}
		}
		if ev.Type == CSEExpiry && c.remaining.IsZero() {
			return append(history, item{ev: ev, pos: pos}), fmt.Sprintf("the conversion right of %s expired after all its shares were issued: nothing is left unexercised, no superseding adjustment (§4(f)(i))", ev.Ref), nil
		}
		out := make([]item, 0, len(history)+1)
		converted := 0
		for _, it := range history {
			switch {
			case it.ev.Type == CSEIssuance && it.ev.ID == ev.Ref:
				continue // the previous adjustment is rescinded and annulled
			case it.ev.Type == Issuance && it.ev.FromCSE == ev.Ref:
				it.ev.FromCSE = "" // issued on its own date for its own consideration (§4(f)(i))
				converted++
			}
			out = append(out, it)
		}
		var note string
		if ev.Type == CSEExpiry {
			note = fmt.Sprintf("the conversion right of %s expired with %s shares unexercised: its adjustment is rescinded and annulled (§4(f)(i))", ev.Ref, c.remaining.StringFixed(rs.t.ShareDecimals))
			out = append(out, item{ev: ev, pos: pos})
		} else {
			rescinded := "its adjustment is rescinded and annulled"
			if !c.live {
				rescinded = "it made no adjustment when issued"
			}
			note = fmt.Sprintf("the consideration per share of %s increased: %s, and the %s shares still outstanding are treated as issued on %s for %s (§4(f)(ii))",
				ev.Ref, rescinded, ev.RemainingMaxShares.StringFixed(rs.t.ShareDecimals), ev.Date, ev.Consideration.StringFixed(2))
			reissued := ev
			reissued.Type = CSEIssuance
			reissued.ID = ev.Ref
			reissued.MaxShares = ev.RemainingMaxShares
			out = append(out, item{ev: reissued, pos: pos})
		}
		if converted > 0 {
			note += fmt.Sprintf("; %d issuance(s) on its conversion recomputed as issued on their own dates for the consideration received", converted)
		}
		return out, note, nil
	}
	return history, "", nil
}

// checkPriceIncrease refuses a cse-price-increase that is not one: §4(f)(ii)
// covers an increase of the consideration per share for the shares still
// issuable, not a decrease and not more shares.
func checkPriceIncrease(ev Event, c *cse, t Terms) error {
	if ev.RemainingMaxShares.GreaterThan(c.remaining) {
		return eventError(ev, "remaining_max_shares", fmt.Sprintf("%s exceeds the %s shares still issuable under %s", fs(ev.RemainingMaxShares, t), fs(c.remaining, t), ev.Ref), "at most "+fs(c.remaining, t))
	}
	// New C/S > old C/S, compared without dividing: C_new·S_old > C_old·S_new.
	if !ev.Consideration.Mul(c.maxShares).GreaterThan(c.consideration.Mul(ev.RemainingMaxShares)) {
		old := DivRound(c.consideration, c.maxShares, t.PriceDecimals)
		now := DivRound(ev.Consideration, ev.RemainingMaxShares, t.PriceDecimals)
		return eventError(ev, "consideration", fmt.Sprintf("the consideration per share of %s does not increase (%s → %s)", ev.Ref, fp(old, t), fp(now, t)), "a higher consideration per share than before (§4(f)(ii))")
	}
	return nil
}

// cse is the bookkeeping of one issue of Common Stock Equivalents.
type cse struct {
	id            string
	remaining     decimal.Decimal // shares not yet issued on conversion/exercise
	maxShares     decimal.Decimal // the maximum deemed issued, as adjusted by 4(b) since
	consideration decimal.Decimal // its total consideration (§4(g)(i))
	live          bool            // its price per share was below P when issued (§4(e))
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
		delete(rs.cses, ev.Ref)
		rs.expired[ev.Ref] = true
		return stepResult{status: StatusNoAdjustment}, nil
	case TriggeringEvent:
		res = rs.triggering(ev)
	default:
		return stepResult{}, eventError(ev, "type", fmt.Sprintf("%q cannot be replayed", ev.Type), "")
	}
	if err != nil {
		return res, err
	}
	if !rs.t.DeferSmallAdjustments {
		rs.E = rs.V
		return res, nil
	}
	changed := !rs.V.Equal(prev)
	if !changed {
		return res, nil
	}
	// |V.N − E.N| ≥ threshold% · E.N, compared without dividing.
	bigEnough := rs.V.Shares.Sub(rs.E.Shares).Abs().Mul(hundred).GreaterThanOrEqual(rs.t.DeferralThresholdPercent.Mul(rs.E.Shares))
	mustMake := ev.Type == StockSplit || ev.Type == Combination ||
		(rs.V.Shares.Equal(prev.Shares) && !rs.V.Price.Equal(prev.Price)) || bigEnough
	if mustMake {
		res.carries = rs.pending
		if len(rs.pending) > 0 {
			res.method += "; includes the deferred adjustment(s) of " + strings.Join(rs.pending, ", ")
		}
		rs.pending = nil
		rs.E = rs.V
		return res, nil
	}
	rs.pending = append(rs.pending, ev.Name())
	res.status = StatusDeferred
	res.method += fmt.Sprintf("; deferred: together with other adjustments not yet made it changes the Warrant Share Number by %s, less than %s%% of %s (§4(g)(ii))",
		rs.V.Shares.Sub(rs.E.Shares).Abs().StringFixed(rs.t.ShareDecimals), rs.t.DeferralThresholdPercent, rs.E.Shares.StringFixed(rs.t.ShareDecimals))
	return res, nil
}

// MakePending makes every deferred adjustment, as on exercise (§4(g)(ii):
// "up to, but not beyond the date of exercise").
func (a *Adjustment) MakePending() {
	if a.Pending != nil {
		a.Final = *a.Pending
		a.Pending = nil
	}
}

// split applies a 4(b) factor new/old: N' = round_s(N·new/old),
// P' = round_p(P·N/N'); the floor and the unissued shares of live CSEs follow.
func (rs *replay) split(ev Event, fNew, fOld decimal.Decimal, factor string) (stepResult, error) {
	t := rs.t
	n, p := rs.V.Shares, rs.V.Price
	n2 := DivRound(n.Mul(fNew), fOld, t.ShareDecimals)
	if n2.IsZero() {
		return stepResult{}, tooSmall(ev, "Warrant Share Number", fs(n, t), "terms.share_decimals")
	}
	p2 := DivRound(p.Mul(n), n2, t.PriceDecimals)
	if p2.IsZero() {
		return stepResult{}, tooSmall(ev, "Warrant Price", fp(p, t), "terms.price_decimals")
	}
	rs.V = State{Price: p2, Shares: n2}
	rs.fNum, rs.fDen = rs.fNum.Mul(fNew), rs.fDen.Mul(fOld)
	if t.FloorAdjustsForSplits {
		rs.F = DivRound(t.MarketValueAtIssue.Mul(rs.fDen), rs.fNum, t.PriceDecimals)
	}
	for _, id := range rs.cseOrder {
		if c, ok := rs.cses[id]; ok {
			c.remaining = DivRound(c.remaining.Mul(fNew), fOld, t.ShareDecimals)
			c.maxShares = DivRound(c.maxShares.Mul(fNew), fOld, t.ShareDecimals)
		}
	}
	method := fmt.Sprintf("N' = %s × %s = %s; P' = %s × %s / %s = %s",
		fs(n, t), factor, fs(n2, t), fp(p, t), fs(n, t), fs(n2, t), fp(p2, t))
	return stepResult{status: StatusApplied, method: method}, nil
}

// tooSmall refuses an event after which a quantity would round to zero.
func tooSmall(ev Event, what, before, places string) error {
	return eventError(ev, "type", fmt.Sprintf("after this event the %s (now %s) rounds to zero", what, before), "events that leave it positive, or more decimals in "+places)
}

// distribution applies §4(c): N' = round_s(N·M/(M−D)), P' = round_p(P·N/N').
func (rs *replay) distribution(ev Event) (stepResult, error) {
	t := rs.t
	if ev.FromEarnings {
		return stepResult{status: StatusNoAdjustment,
			method: "a cash dividend payable out of earnings or earned surplus: no adjustment (§4(c)(i))"}, nil
	}
	m, d := ev.MarketValue.Value, ev.PerShareValue
	if d.Sign() <= 0 || d.GreaterThanOrEqual(m) {
		return stepResult{}, eventError(ev, "per_share_value", fmt.Sprintf("%s is not between 0 and the market value %s", d, m), "0 < per_share_value < market_value")
	}
	n, p := rs.V.Shares, rs.V.Price
	n2 := DivRound(n.Mul(m), m.Sub(d), t.ShareDecimals)
	p2 := DivRound(p.Mul(n), n2, t.PriceDecimals) // n2 ≥ n > 0
	if p2.IsZero() {
		return stepResult{}, tooSmall(ev, "Warrant Price", fp(p, t), "terms.price_decimals")
	}
	rs.V = State{Price: p2, Shares: n2}
	method := fmt.Sprintf("M = %s (%s); D = %s; N' = %s × %s / (%s − %s) = %s; P' = %s × %s / %s = %s",
		fp(m, t), ev.MarketValue.Describe(t.PriceDecimals), d.String(), fs(n, t), fp(m, t), fp(m, t), d.String(), fs(n2, t), fp(p, t), fs(n, t), fs(n2, t), fp(p2, t))
	return stepResult{status: StatusApplied, method: method}, nil
}

// deemedOutstanding is the not-yet-issued shares of the live CSEs other than
// except, which §4(e) deems outstanding, and a note naming them.
func (rs *replay) deemedOutstanding(except string) (decimal.Decimal, string) {
	sum := zero
	var names []string
	for _, id := range rs.cseOrder {
		c, ok := rs.cses[id]
		if !ok || !c.live || id == except || c.remaining.IsZero() {
			continue
		}
		sum = sum.Add(c.remaining)
		names = append(names, id+" "+fs(c.remaining, rs.t))
	}
	if len(names) == 0 {
		return sum, ""
	}
	return sum, " (deemed outstanding under §4(e): " + strings.Join(names, ", ") + ")"
}

// issuance applies §4(d) to an issuance of Additional Shares of Common Stock.
func (rs *replay) issuance(ev Event) (stepResult, error) {
	t := rs.t
	if ev.FromCSE != "" {
		c, ok := rs.cses[ev.FromCSE]
		if !ok {
			if rs.expired[ev.FromCSE] {
				return stepResult{}, eventError(ev, "from_cse", fmt.Sprintf("shares issued under %q after its conversion right expired", ev.FromCSE), "an issuance dated before the cse-expiry")
			}
			return stepResult{}, eventError(ev, "from_cse", fmt.Sprintf("Common Stock Equivalents %q are not issued before %s", ev.FromCSE, ev.Date), "the id of an earlier cse-issuance")
		}
		if ev.Shares.GreaterThan(c.remaining) {
			return stepResult{}, eventError(ev, "shares", fmt.Sprintf("%s shares exceed the %s left under %s", ev.Shares, fs(c.remaining, t), ev.FromCSE), "at most "+fs(c.remaining, t))
		}
		c.remaining = c.remaining.Sub(ev.Shares)
		if c.live {
			return stepResult{status: StatusNoAdjustment, method: fmt.Sprintf(
				"%s shares issued on conversion or exercise of %s, for which the adjustment was made on its issuance: no adjustment (§4(d)(ii)); %s shares remain deemed outstanding under it",
				ev.Shares, ev.FromCSE, fs(c.remaining, t))}, nil
		}
		// A CSE that never adjusted the Warrant: an ordinary 4(d) issuance.
	}
	res := rs.dilute(ev, ev.Shares, "")
	if ev.FromCSE != "" {
		res.method = fmt.Sprintf("issued on conversion of %s, which made no adjustment when issued, so §4(d)(i) applies: ", ev.FromCSE) + res.method
	}
	return res, nil
}

// cseIssuance applies §4(e): the maximum number of shares is deemed issued for
// the total consideration, and the CSE becomes live when its price is below P.
func (rs *replay) cseIssuance(ev Event) (stepResult, error) {
	if _, dup := rs.cses[ev.ID]; dup {
		return stepResult{}, eventError(ev, "id", fmt.Sprintf("Common Stock Equivalents %q are already outstanding", ev.ID), "a new id")
	}
	c := &cse{id: ev.ID, remaining: ev.MaxShares, maxShares: ev.MaxShares, consideration: ev.Consideration}
	// Live means its price per share C/max_shares was below P when issued.
	c.live = ev.Consideration.LessThan(rs.V.Price.Mul(ev.MaxShares))
	res := rs.dilute(ev, ev.MaxShares, ev.ID)
	rs.cses[ev.ID] = c
	if !slices.Contains(rs.cseOrder, ev.ID) {
		rs.cseOrder = append(rs.cseOrder, ev.ID)
	}
	return res, nil
}

// dilute is the §4(d)(i) formula, shared by 4(d) and 4(e):
// Q = round_s(C/P); P* = round_p(P·(O+Q)/(O+S)); P' = min(P, max(P*, F)).
func (rs *replay) dilute(ev Event, s decimal.Decimal, self string) stepResult {
	t := rs.t
	p, c := rs.V.Price, ev.Consideration
	price := "without consideration"
	if !c.IsZero() {
		price = fmt.Sprintf("C/S = %s / %s = %s per share", c.StringFixed(2), fs(s, t), DivRound(c, s, t.PriceDecimals).StringFixed(t.PriceDecimals))
	}
	if !c.IsZero() && c.GreaterThanOrEqual(p.Mul(s)) {
		return stepResult{status: StatusNoAdjustment, method: fmt.Sprintf("%s, not less than P = %s: no adjustment (§4(d)(i))", price, fp(p, t))}
	}
	if p.LessThanOrEqual(rs.F) {
		return stepResult{status: StatusNoAdjustment, method: fmt.Sprintf("%s, below P = %s, but P is already at or below the floor F = %s: no adjustment (§4, first paragraph)", price, fp(p, t), fp(rs.F, t))}
	}
	deemed, note := rs.deemedOutstanding(self)
	o := ev.OutstandingBefore.Add(deemed)
	q := DivRound(c, p, t.ShareDecimals)
	pStar := DivRound(p.Mul(o.Add(q)), o.Add(s), t.PriceDecimals)
	oText := ev.OutstandingBefore.String()
	if !deemed.IsZero() {
		oText = fmt.Sprintf("%s + %s = %s%s", ev.OutstandingBefore, fs(deemed, t), o, note)
	}
	method := fmt.Sprintf("%s < P = %s; O = %s; Q = %s / %s = %s; P* = %s × (%s + %s) / (%s + %s) = %s",
		price, fp(p, t), oText, c.StringFixed(2), fp(p, t), fs(q, t), fp(p, t), o, fs(q, t), o, fs(s, t), fp(pStar, t))
	status := StatusApplied
	p2 := pStar
	switch {
	case pStar.LessThan(rs.F):
		p2 = rs.F
		status = StatusLimitedByFloor
		method += fmt.Sprintf(" < floor F = %s (the Per Share Market Value on the Original Issue Date%s): P' = %s", fp(rs.F, t), rs.floorNote(), fp(p2, t))
	case pStar.GreaterThan(p):
		p2 = p
	default:
		method += fmt.Sprintf(": P' = %s", fp(p2, t))
	}
	n2 := rs.V.Shares
	if p2.Sign() <= 0 {
		// Only a floor that rounds to zero lets P* reach zero.
		p2, status = p, StatusNoAdjustment
		method += "; a Warrant Price of zero is no price: no adjustment"
	}
	if t.DilutionAdjustsShares && !p2.Equal(p) {
		n2 = DivRound(rs.V.Shares.Mul(p), p2, t.ShareDecimals)
		method += fmt.Sprintf("; N' = %s × %s / %s = %s", fs(rs.V.Shares, t), fp(p, t), fp(p2, t), fs(n2, t))
	}
	rs.V = State{Price: p2, Shares: n2}
	return stepResult{status: status, method: method}
}

func (rs *replay) floorNote() string {
	if !rs.t.FloorAdjustsForSplits || rs.fNum.Equal(rs.fDen) {
		return ""
	}
	return fmt.Sprintf(", %s × %s / %s as adjusted for stock splits and dividends (§8)",
		fp(rs.t.MarketValueAtIssue, rs.t), rs.fDen, rs.fNum)
}

// triggering records a Triggering Event (§4(a)): P and N are unchanged and the
// holder becomes entitled to the listed consideration per share.
func (rs *replay) triggering(ev Event) stepResult {
	rs.alt = rs.alt[:0:0]
	var parts []string
	for _, c := range ev.ConsiderationPerShare {
		rs.alt = append(rs.alt, AlternateItem{Event: ev.Name(), Successor: ev.Successor, Description: c.Description,
			Kind: c.Kind, PerShare: c.Amount, Assumed: ev.Assumed})
		parts = append(parts, fmt.Sprintf("%s × %s %s", fs(rs.V.Shares, rs.t), c.Amount, c.Description))
	}
	var method string
	if ev.Assumed {
		method = fmt.Sprintf("%s assumed the Issuer's obligations under this Warrant before the %s: no Triggering Event is deemed to have occurred (§4(a)(ii)); on exercise the holder receives %s",
			ev.Successor, ev.Kind, strings.Join(parts, ", "))
	} else {
		method = fmt.Sprintf("Triggering Event (%s with %s): on exercise at the Warrant Price %s the holder receives, in lieu of Common Stock, %s (§4(a)(i))",
			ev.Kind, ev.Successor, fp(rs.V.Price, rs.t), strings.Join(parts, ", "))
	}
	return stepResult{status: StatusTriggeringEvent, method: method}
}

// alternate is the alternate consideration for the current Warrant Share
// Number: securities rounded to share_decimals, cash and property to cents.
func (rs *replay) alternate() []AlternateItem {
	if len(rs.alt) == 0 {
		return nil
	}
	out := make([]AlternateItem, len(rs.alt))
	for i, a := range rs.alt {
		places := int32(2)
		if a.Kind == "security" {
			places = rs.t.ShareDecimals
		}
		a.Amount = Round(rs.E.Shares.Mul(a.PerShare), places)
		out[i] = a
	}
	return out
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
