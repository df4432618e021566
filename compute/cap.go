package compute

// §7 — Ownership Cap and Certain Exercise Restrictions.

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// ownershipCap applies §7:
//
//	"at no time may a Holder of this Warrant exercise this Warrant if the
//	number of shares of Common Stock to be issued pursuant to such exercise
//	would exceed, when aggregated with all other shares of Common Stock owned
//	by such Holder at such time, the number of shares of Common Stock which
//	would result in such Holder owning more than 4.999% of all of the Common
//	Stock outstanding at such time; provided, however, that upon a holder of
//	this Warrant providing the Issuer with sixty-one (61) days notice [...]
//	(the "Waiver Notice") [...] this Section 7 will be of no force or effect
//	[...]; provided, further, that this provision shall be of no further
//	force or effect during the sixty-one (61) days immediately preceding the
//	expiration of the term of this Warrant."
//
// c = cap/100; with cap_counts_new_shares the most that may be issued is
// floor((c·O − H)/(1 − c)), else floor(c·O − H), never below zero.
func ownershipCap(t Terms, in ExerciseInput, issued decimal.Decimal) (ExerciseCap, error) {
	lastDays := t.ExpirationDate().AddDays(-t.CapWaiverDays)
	if !in.WaiverNotice.IsZero() && !in.Date.Before(in.WaiverNotice.AddDays(t.CapWaiverDays)) {
		return ExerciseCap{Applies: false, Reason: fmt.Sprintf("Waiver Notice of %s given at least %d days before (§7)", in.WaiverNotice, t.CapWaiverDays), WaiverNotice: in.WaiverNotice}, nil
	}
	if !in.Date.Before(lastDays) {
		return ExerciseCap{Applies: false, Reason: fmt.Sprintf("within the %d days before expiration, from %s (§7)", t.CapWaiverDays, lastDays), LastDaysFrom: lastDays}, nil
	}
	if in.Outstanding.Sign() <= 0 {
		return ExerciseCap{}, inputError("outstanding", "missing: the §7 ownership cap applies on "+in.Date.String()+" and needs the Common Stock outstanding", "a positive number of shares, with owned")
	}
	c := t.OwnershipCapPercent.Shift(-2) // exact
	room := c.Mul(in.Outstanding).Sub(in.Owned)
	var max decimal.Decimal
	if t.CapCountsNewShares {
		max = FloorDiv(room, one.Sub(c))
	} else {
		max = room.Floor()
	}
	if max.Sign() < 0 {
		max = zero
	}
	if issued.GreaterThan(max) {
		return ExerciseCap{}, inputError("shares", fmt.Sprintf("the exercise would issue %s shares, more than the %s that keep the holder at or below %s%% of the Common Stock outstanding (§7)", issued, max, t.OwnershipCapPercent), "at most "+max.String()+" shares issued, or a Waiver Notice given "+itoa(t.CapWaiverDays)+" days before")
	}
	return ExerciseCap{Applies: true, MaxShares: max.String()}, nil
}
