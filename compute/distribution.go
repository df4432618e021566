package compute

// §4(c) — Certain Other Distributions.

import "fmt"

// distribution applies §4(c): N' = round_s(N·M/(M−D)), P' = round_p(P·N/N').
//
//	"then (1) the number of shares of Common Stock for which this Warrant is
//	exercisable shall be adjusted to equal the product of the number of
//	shares of Common Stock for which this Warrant is exercisable immediately
//	prior to such adjustment multiplied by a fraction (A) the numerator of
//	which shall be the Per Share Market Value of Common Stock at the date of
//	taking such record and (B) the denominator of which shall be such Per
//	Share Market Value minus the amount allocable to one share of Common
//	Stock of any such cash so distributable and of the fair value [...] of
//	any and all such evidences of indebtedness, shares of stock, other
//	securities or property or warrants or other subscription or purchase
//	rights so distributable, and (2) the Warrant Price then in effect shall
//	be adjusted to equal (A) the Warrant Price then in effect multiplied by
//	the number of shares of Common Stock for which this Warrant is
//	exercisable immediately prior to the adjustment divided by (B) the number
//	of shares of Common Stock for which this Warrant is exercisable
//	immediately after such adjustment."
//
// A cash dividend "payable out of earnings or earned surplus" (§4(c)(i))
// makes no adjustment.
func (rs *replay) distribution(ev Event) (stepResult, error) {
	t := *rs.t
	if ev.FromEarnings {
		return stepResult{status: StatusNoAdjustment, fig: &Figures{Reason: ReasonFromEarnings},
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
	fig := &Figures{Rule: "4(c)", N: n, P: p, N2: n2, P2: p2, M: ev.MarketValue, D: d, F: rs.F}
	return stepResult{status: StatusApplied, method: method, fig: fig}, nil
}
