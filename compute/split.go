package compute

// §4(b) — Stock Dividends, Subdivisions and Combinations.
//
// A stock split, a combination and a stock dividend are one rule: the
// Warrant Share Number is multiplied by the factor new/old (a dividend of d
// shares per share is the factor 1 + d) and the Warrant Price keeps P·N.

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// split applies a §4(b) factor new/old: N' = round_s(N·new/old),
// P' = round_p(P·N/N'); the floor and the unissued shares of live Common
// Stock Equivalents follow. §4(b):
//
//	"then (1) the number of shares of Common Stock for which this Warrant is
//	exercisable immediately after the occurrence of any such event shall be
//	adjusted to equal the number of shares of Common Stock which a record
//	holder of the same number of shares of Common Stock for which this
//	Warrant is exercisable immediately prior to the occurrence of such event
//	would own or be entitled to receive after the happening of such event,
//	and (2) the Warrant Price then in effect shall be adjusted to equal (A)
//	the Warrant Price then in effect multiplied by the number of shares of
//	Common Stock for which this Warrant is exercisable immediately prior to
//	the adjustment divided by (B) the number of shares of Common Stock for
//	which this Warrant is exercisable immediately after such adjustment."
//
// A stock dividend not fully paid on its record date applies on its paid
// date (Event.Effective): "the Warrant Price shall be adjusted pursuant to
// this paragraph as of the time of actual payment of such dividends".
func (rs *replay) split(ev Event, fNew, fOld decimal.Decimal, factor string) (stepResult, error) {
	t := *rs.t
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
	rs.splitFloor(fNew, fOld)
	for _, id := range rs.cseOrder {
		if c, ok := rs.cses[id]; ok {
			c.remaining = DivRound(c.remaining.Mul(fNew), fOld, t.ShareDecimals)
			c.maxShares = DivRound(c.maxShares.Mul(fNew), fOld, t.ShareDecimals)
		}
	}
	method := fmt.Sprintf("N' = %s × %s = %s; P' = %s × %s / %s = %s",
		fs(n, t), factor, fs(n2, t), fp(p, t), fs(n, t), fs(n2, t), fp(p2, t))
	fig := &Figures{Rule: "4(b)", N: n, P: p, N2: n2, P2: p2, FactorNew: fNew, FactorOld: fOld, F: rs.F}
	return stepResult{status: StatusApplied, method: method, fig: fig}, nil
}
