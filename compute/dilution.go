package compute

// §4(d), §4(e) — Issuance of Additional Shares of Common Stock; Issuance of
// Common Stock Equivalents.
//
// Both use the formula of §4(d)(i), limited by the floor (floor.go). A
// Common Stock Equivalent whose price per share was below the Warrant Price
// when issued is live: its unissued shares are deemed outstanding, and the
// shares later issued under it make no further adjustment.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// cse is the bookkeeping of one issue of Common Stock Equivalents.
type cse struct {
	id            string
	remaining     decimal.Decimal // shares not yet issued on conversion/exercise
	maxShares     decimal.Decimal // the maximum deemed issued, as adjusted by 4(b) since
	consideration decimal.Decimal // its total consideration (§4(g)(i))
	live          bool            // its price per share was below P when issued (§4(e))
}

// issuance applies §4(d) to an issuance of Additional Shares of Common Stock.
// Shares issued on the conversion of a live Common Stock Equivalent make no
// adjustment, §4(d)(ii):
//
//	"No adjustment of the number of shares of Common Stock for which this
//	Warrant shall be exercisable shall be made under paragraph (i) of Section
//	4(d) upon the issuance of any Additional Shares of Common Stock which are
//	issued pursuant to the exercise of any Common Stock Equivalents, if any
//	such adjustment shall previously have been made upon the issuance of such
//	Common Stock Equivalents [...] pursuant to Section 4(e)."
func (rs *replay) issuance(ev Event) (stepResult, error) {
	t := *rs.t
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
			return stepResult{status: StatusNoAdjustment, fig: &Figures{Reason: ReasonLiveCSE, S: ev.Shares}, method: fmt.Sprintf(
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
//
//	"if [...] the price per share for which Common Stock is issuable upon
//	such conversion or exchange shall be less than the Warrant Price in
//	effect immediately prior to the time of such issue or sale, then the
//	number of shares of Common Stock for which this Warrant is exercisable
//	and the Warrant Price then in effect shall be adjusted as provided in
//	Section 4(d) on the basis that the maximum number of Additional Shares of
//	Common Stock necessary to effect the conversion or exchange of all such
//	Common Stock Equivalents shall be deemed to have been issued and
//	outstanding and the Issuer shall have received all of the consideration
//	payable therefor"
func (rs *replay) cseIssuance(ev Event) (stepResult, error) {
	if _, dup := rs.cses[ev.ID]; dup {
		return stepResult{}, eventError(ev, "id", fmt.Sprintf("Common Stock Equivalents %q are already outstanding", ev.ID), "a new id")
	}
	c := &cse{id: ev.ID, remaining: ev.MaxShares, maxShares: ev.MaxShares, consideration: ev.Consideration}
	// Live means its price per share C/max_shares was below P when issued.
	c.live = ev.Consideration.LessThan(rs.V.Price.Mul(ev.MaxShares))
	res := rs.dilute(ev, ev.MaxShares, ev.ID)
	if rs.cses == nil {
		rs.cses = map[string]*cse{}
	}
	rs.cses[ev.ID] = c
	if !slices.Contains(rs.cseOrder, ev.ID) {
		rs.cseOrder = append(rs.cseOrder, ev.ID)
	}
	return res, nil
}

// deemedOutstanding is the not-yet-issued shares of the live CSEs other than
// except, which §4(e) deems "issued and outstanding", and a note naming them.
func (rs *replay) deemedOutstanding(except string, fig *Figures) (decimal.Decimal, string) {
	sum := zero
	var names []string
	for _, id := range rs.cseOrder {
		c, ok := rs.cses[id]
		if !ok || !c.live || id == except || c.remaining.IsZero() {
			continue
		}
		sum = sum.Add(c.remaining)
		names = append(names, id+" "+fs(c.remaining, *rs.t))
		fig.Deemed = append(fig.Deemed, DeemedShares{Event: id, Shares: c.remaining})
	}
	if len(names) == 0 {
		return sum, ""
	}
	return sum, " (deemed outstanding under §4(e): " + strings.Join(names, ", ") + ")"
}

// dilute is the formula of §4(d)(i), shared by 4(d) and 4(e):
// Q = round_s(C/P); P* = round_p(P·(O+Q)/(O+S)); P' = min(P, max(P*, F)).
//
//	"at a price per share less than the Warrant Price then in effect or
//	without consideration, then the Warrant Price upon each such issuance
//	shall be adjusted to that price determined by multiplying the Warrant
//	Price then in effect by a fraction: (A) the numerator of which shall be
//	equal to the sum of (x) the number of shares of Common Stock outstanding
//	immediately prior to the issuance of such Additional Shares of Common
//	Stock plus (y) the number of shares of Common Stock which the aggregate
//	consideration for the total number of such Additional Shares of Common
//	Stock so issued would purchase at a price per share equal to the Warrant
//	Price then in effect, and (B) the denominator of which shall be equal to
//	the number of shares of Common Stock outstanding immediately after the
//	issuance of such Additional Shares of Common Stock."
func (rs *replay) dilute(ev Event, s decimal.Decimal, self string) stepResult {
	t := *rs.t
	p, c := rs.V.Price, ev.Consideration
	price := "without consideration"
	cs := zero
	if !c.IsZero() {
		cs = DivRound(c, s, t.PriceDecimals)
		price = fmt.Sprintf("C/S = %s / %s = %s per share", c.StringFixed(2), fs(s, t), cs.StringFixed(t.PriceDecimals))
	}
	if !c.IsZero() && c.GreaterThanOrEqual(p.Mul(s)) {
		return stepResult{status: StatusNoAdjustment, fig: &Figures{Reason: ReasonNotBelow, P: p, C: c, S: s, CS: cs}, method: fmt.Sprintf("%s, not less than P = %s: no adjustment (§4(d)(i))", price, fp(p, t))}
	}
	if p.LessThanOrEqual(rs.F) {
		fig := &Figures{Reason: ReasonAtFloor, P: p, C: c, S: s, CS: cs, F: rs.F}
		rs.floorFigures(fig)
		return stepResult{status: StatusNoAdjustment, fig: fig, method: fmt.Sprintf("%s, below P = %s, but P is already at or below the floor F = %s: no adjustment (§4, first paragraph)", price, fp(p, t), fp(rs.F, t))}
	}
	fig := &Figures{Rule: "4(d)", N: rs.V.Shares, P: p, C: c, S: s, CS: cs, O0: ev.OutstandingBefore, F: rs.F}
	rs.floorFigures(fig)
	deemed, note := rs.deemedOutstanding(self, fig)
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
	case pStar.LessThan(rs.F): // the floor of §4's first paragraph
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
		fig.Reason = ReasonZeroPrice
		method += "; a Warrant Price of zero is no price: no adjustment"
	}
	if t.DilutionAdjustsShares && !p2.Equal(p) {
		n2 = DivRound(rs.V.Shares.Mul(p), p2, t.ShareDecimals)
		method += fmt.Sprintf("; N' = %s × %s / %s = %s", fs(rs.V.Shares, t), fp(p, t), fp(p2, t), fs(n2, t))
	}
	rs.V = State{Price: p2, Shares: n2}
	fig.O, fig.Q, fig.PStar, fig.P2, fig.N2 = o, q, pStar, p2, n2
	fig.SharesFollow = t.DilutionAdjustsShares && !p2.Equal(p)
	return stepResult{status: status, method: method, fig: fig}
}
