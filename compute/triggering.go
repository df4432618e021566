package compute

// §4(a) — Recapitalization, Reorganization, Reclassification, Consolidation,
// Merger or Sale.

import (
	"fmt"
	"strings"
)

// triggering records a Triggering Event: P and N are unchanged and the holder
// becomes entitled to the listed consideration per share. §4(a)(i):
//
//	"the Holder of this Warrant shall be entitled upon the exercise hereof at
//	any time after the consummation of such Triggering Event, to the extent
//	this Warrant is not exercised prior to such Triggering Event, to receive
//	at the Warrant Price in effect at the time immediately prior to the
//	consummation of such Triggering Event in lieu of the Common Stock
//	issuable upon such exercise of this Warrant prior to such Triggering
//	Event, the securities, cash and property to which such Holder would have
//	been entitled upon the consummation of such Triggering Event if such
//	Holder had exercised the rights represented by this Warrant immediately
//	prior thereto"
//
// and §4(a)(ii): "a Triggering Event shall not be deemed to have occurred
// if, prior to the consummation thereof, each Person (other than the Issuer)
// which may be required to deliver any securities, cash or property upon the
// exercise of this Warrant as provided herein shall assume [...] the
// obligations of the Issuer under this Warrant".
func (rs *replay) triggering(ev Event) stepResult {
	rs.alt = rs.alt[:0:0]
	var parts []string
	for _, c := range ev.ConsiderationPerShare {
		rs.alt = append(rs.alt, AlternateItem{Event: ev.Name(), Successor: ev.Successor, Description: c.Description,
			Kind: c.Kind, PerShare: c.Amount, Assumed: ev.Assumed})
		parts = append(parts, fmt.Sprintf("%s × %s %s", fs(rs.V.Shares, *rs.t), c.Amount, c.Description))
	}
	var method string
	if ev.Assumed {
		method = fmt.Sprintf("%s assumed the Issuer's obligations under this Warrant before the %s: no Triggering Event is deemed to have occurred (§4(a)(ii)); on exercise the holder receives %s",
			ev.Successor, ev.Kind, strings.Join(parts, ", "))
	} else {
		method = fmt.Sprintf("Triggering Event (%s with %s): on exercise at the Warrant Price %s the holder receives, in lieu of Common Stock, %s (§4(a)(i))",
			ev.Kind, ev.Successor, fp(rs.V.Price, *rs.t), strings.Join(parts, ", "))
	}
	return stepResult{status: StatusTriggeringEvent, method: method}
}

// alternate is the alternate consideration of §4(a) for the current Warrant
// Share Number ("subject to adjustments (subsequent to such corporate action)
// as nearly equivalent as possible to the adjustments provided for elsewhere
// in this Section 4"): securities rounded to share_decimals, cash and
// property to cents.
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
