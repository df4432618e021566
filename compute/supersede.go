package compute

// §4(f), §4(g)(iv) — Superseding Adjustment; When Adjustment Not Required.
//
// Both undo an adjustment already made: the history known so far is
// rewritten (the §4(e) issuance or the dividend taken out, the shares issued
// on conversion put back as ordinary issuances) and replayed from the start
// (SPEC §3.5). The entry's before is what the certificates said; its after is
// the replayed state.

import (
	"fmt"
	"slices"
)

// supersede applies a cse-expiry or a cse-price-increase, §4(f):
//
//	"If, at any time after any adjustment of the number of shares of Common
//	Stock for which this Warrant is exercisable and the Warrant Price then in
//	effect shall have been made pursuant to Section 4(e) as the result of any
//	issuance of warrants, other rights or Common Stock Equivalents, and (i)
//	such warrants or other rights, or the right of conversion or exchange in
//	such other Common Stock Equivalents, shall expire, and all or a portion of
//	such warrants or other rights [...] shall not have been exercised, or (ii)
//	the consideration per share for which shares of Common Stock are issuable
//	pursuant to such Common Stock Equivalents, shall be increased [...], then
//	for each outstanding Warrant such previous adjustment shall be rescinded
//	and annulled [...] whereupon a new adjustment [...] shall be made, which
//	new adjustment shall supersede the previous adjustment so rescinded and
//	annulled."
//
// It returns what the last step of the replay did to each warrant (the
// Common Stock Equivalents treated as issued again, for a price increase)
// and the note of what was rewritten.
func (h *history) supersede(k int, ev Event) ([]stepResult, string, error) {
	items, note, err := h.superseded(ev, k)
	if err != nil {
		return nil, "", err
	}
	h.items = items
	last, err := h.replayAll(ev)
	return last, note, err
}

// superseded is the history rewritten by the k-th event, a cse-expiry or
// cse-price-increase, and a note of what was rewritten. §4(f) recomputes
//
//	"on the basis of: (i) treating the number of Additional Shares of Common
//	Stock [...] theretofore actually issued or issuable pursuant to the
//	previous exercise of any such warrants or other rights or any such right
//	of conversion or exchange, as having been issued on the date or dates of
//	any such exercise and for the consideration actually received and
//	receivable therefor, and (ii) treating any such Common Stock Equivalents
//	which then remain outstanding as having been granted or issued
//	immediately after the time of such increase of the consideration per
//	share"
func (h *history) superseded(ev Event, k int) ([]item, string, error) {
	rs := h.f.any()
	c, ok := rs.cses[ev.Ref]
	if !ok {
		if rs.expired[ev.Ref] {
			return nil, "", eventError(ev, "ref", fmt.Sprintf("Common Stock Equivalents %q already expired", ev.Ref), "a cse-issuance whose conversion right is still outstanding")
		}
		return nil, "", eventError(ev, "ref", fmt.Sprintf("Common Stock Equivalents %q are not issued before %s", ev.Ref, ev.Date), "the id of an earlier cse-issuance")
	}
	if ev.Type == CSEPriceIncrease {
		if err := checkPriceIncrease(ev, c, *rs.t); err != nil {
			return nil, "", err
		}
	}
	if ev.Type == CSEExpiry && c.remaining.IsZero() {
		h.rewrite, h.logFrom = &Rewrite{}, len(h.sorted)+1
		return append(h.items, item{ev: ev, pos: k}), fmt.Sprintf("the conversion right of %s expired after all its shares were issued: nothing is left unexercised, no superseding adjustment (§4(f)(i))", ev.Ref), nil
	}
	out := make([]item, 0, len(h.items)+1)
	converted := 0
	rw := &Rewrite{Unexercised: c.remaining}
	h.rewrite, h.logFrom = rw, k
	for _, it := range h.items {
		switch {
		case it.tx == nil && it.ev.Type == CSEIssuance && it.ev.ID == ev.Ref:
			if c.live {
				rw.Rescinded = ev.Ref
			}
			h.logFrom = it.pos
			continue // the previous adjustment is rescinded and annulled
		case it.tx == nil && it.ev.Type == Issuance && it.ev.FromCSE == ev.Ref:
			it.ev.FromCSE = "" // issued on its own date for its own consideration (§4(f)(i))
			rw.Reconverted = append(rw.Reconverted, it.ev.Name())
			converted++
		}
		out = append(out, it)
	}
	var note string
	if ev.Type == CSEExpiry {
		note = fmt.Sprintf("the conversion right of %s expired with %s shares unexercised: its adjustment is rescinded and annulled (§4(f)(i))", ev.Ref, c.remaining.StringFixed(rs.t.ShareDecimals))
		out = append(out, item{ev: ev, pos: k})
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
		out = append(out, item{ev: reissued, pos: k})
	}
	if converted > 0 {
		note += fmt.Sprintf("; %d issuance(s) on its conversion recomputed as issued on their own dates for the consideration received", converted)
	}
	return out, note, nil
}

// checkPriceIncrease refuses a cse-price-increase that is not one: §4(f)(ii)
// covers "the consideration per share for which shares of Common Stock are
// issuable pursuant to such Common Stock Equivalents, shall be increased",
// not a decrease and not more shares.
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

// expire ends, in the replay, the conversion right of Common Stock
// Equivalents that "shall expire" (§4(f)(i)): later issuances may no longer
// name them.
func (rs *replay) expire(ev Event) stepResult {
	delete(rs.cses, ev.Ref)
	if rs.expired == nil {
		rs.expired = map[string]bool{}
	}
	rs.expired[ev.Ref] = true
	return stepResult{status: StatusNoAdjustment}
}

// rescind applies a dividend-abandoned event, §4(g)(iv):
//
//	"If the Issuer shall take a record of the holders of its Common Stock for
//	the purpose of entitling them to receive a dividend and shall, thereafter
//	and before the dividend to stockholders thereof, legally abandon its plan
//	to pay or deliver such dividend, then thereafter no adjustment shall be
//	required by reason of the taking of such record and any such adjustment
//	previously made in respect thereof shall be rescinded and annulled."
func (h *history) rescind(k int, ev Event) (string, error) {
	note := h.rescinded(ev, k)
	_, err := h.replayAll(ev)
	return note, err
}

// rescinded takes the abandoned dividend out of the history, or marks it
// abandoned when its adjustment is not yet made, and says which.
func (h *history) rescinded(ev Event, k int) string {
	h.rewrite, h.logFrom = &Rewrite{}, len(h.sorted)+1
	for i, it := range h.items {
		if it.tx == nil && it.ev.ID == ev.Ref {
			h.rewrite.Rescinded, h.logFrom = ev.Ref, it.pos
			h.items = slices.Delete(slices.Clone(h.items), i, i+1)
			return fmt.Sprintf("the plan to pay %s (record date %s) was abandoned: its adjustment is rescinded and annulled (§4(g)(iv))", ev.Ref, it.ev.Date)
		}
	}
	for j := k + 1; j < len(h.sorted); j++ {
		if h.sorted[j].tx == nil && h.sorted[j].ev.ID == ev.Ref {
			if h.abandoned == nil {
				h.abandoned = map[int]bool{} // made only when a dividend is abandoned
			}
			h.abandoned[j] = true
			break
		}
	}
	// Not yet reached, or beyond the as-of date: its adjustment will not be made.
	return fmt.Sprintf("the plan to pay %s was abandoned before its adjustment was made: no adjustment will be made (§4(g)(iv))", ev.Ref)
}

// abandonedBeforeMade is the entry of a dividend whose plan was abandoned
// before its adjustment was made: "thereafter no adjustment shall be required
// by reason of the taking of such record" (§4(g)(iv)).
func abandonedBeforeMade(entry *Entry) {
	entry.After = entry.Before
	entry.Status = StatusNoAdjustment
	entry.Method = "the plan to pay this dividend was abandoned before payment: no adjustment (§4(g)(iv))"
}

// replayed completes the entry of a superseding adjustment or a rescission
// from the replayed history (rs, the warrant's replay): what changed, and
// whether the Warrant Price rose.
func (h *history) replayed(entry *Entry, rs *replay, status Status, note string) {
	entry.After = rs.E
	entry.Status = status
	entry.Method = note
	if entry.After.Equal(entry.Before) {
		entry.Status = StatusNoAdjustment
		entry.Method += "; the Warrant Price and Warrant Share Number are unchanged"
		return
	}
	entry.Method += "; replayed: " + describeChange(entry.Before, entry.After, h.t)
	if entry.After.Price.GreaterThan(entry.Before.Price) {
		entry.PriceRaised = true
		entry.Method += " (this adjustment raises the Warrant Price)"
	}
}
