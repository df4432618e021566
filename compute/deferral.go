package compute

// §4(g)(ii) — When Adjustments to Be Made.
//
// With Terms.DeferSmallAdjustments the replay keeps two states: V, what the
// Warrant would be with every adjustment made, and E, the state in effect.

import (
	"fmt"
	"strings"
)

// makeOrDefer decides, after an event moved the would-be state from prev to
// rs.V, whether the state in effect follows it now. §4(g)(ii):
//
//	"any adjustment of the number of shares of Common Stock for which this
//	Warrant is exercisable that would otherwise be required may be postponed
//	(except in the case of a subdivision or combination of shares of the
//	Common Stock, as provided for in Section 4(b)) up to, but not beyond the
//	date of exercise if such adjustment either by itself or with other
//	adjustments not previously made adds or subtracts less than one percent
//	(1%) of the shares of Common Stock for which this Warrant is exercisable
//	immediately prior to the making of such adjustment. Any adjustment
//	representing a change of less than such minimum amount (except as
//	aforesaid) which is postponed shall be carried forward and made as soon
//	as such adjustment, together with other adjustments required by this
//	Section 4 and not previously made, would result in a minimum adjustment
//	or on the date of exercise."
//
// Only the number of shares may be postponed: an adjustment of the Warrant
// Price alone is always made.
func (rs *replay) makeOrDefer(ev Event, prev State, res stepResult) stepResult {
	if !rs.t.DeferSmallAdjustments {
		rs.E = rs.V
		return res
	}
	if rs.V.Equal(prev) {
		return res
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
		return res
	}
	rs.pending = append(rs.pending, ev.Name())
	res.status = StatusDeferred
	if res.fig != nil {
		res.fig.DeferChange, res.fig.DeferBase = rs.V.Shares.Sub(rs.E.Shares).Abs(), rs.E.Shares
	}
	res.method += fmt.Sprintf("; deferred: together with other adjustments not yet made it changes the Warrant Share Number by %s, less than %s%% of %s (§4(g)(ii))",
		rs.V.Shares.Sub(rs.E.Shares).Abs().StringFixed(rs.t.ShareDecimals), rs.t.DeferralThresholdPercent, rs.E.Shares.StringFixed(rs.t.ShareDecimals))
	return res
}

// MakePending makes every deferred adjustment, as on exercise: a postponed
// adjustment is made "up to, but not beyond the date of exercise" and "on
// the date of exercise" (§4(g)(ii)).
func (a *Adjustment) MakePending() {
	if a.Pending != nil {
		a.Final = *a.Pending
		a.Pending = nil
	}
}
