package compute

// §1, §2(a), §2(b), §2(c), §2(d), §6 — Term; Time of Exercise; Method of
// Exercise; Cashless Exercise; Issuance of Stock Certificates; Fractional
// Shares.
//
// The §7 ownership cap is in cap.go; the shape of the result in report.go.

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Exercise methods (§2(b)).
const (
	MethodCash     = "cash"
	MethodCashless = "cashless"
	MethodCombined = "combined"
)

// ExerciseInput is one exercise of a warrant (§2, §6, §7). Errors about it
// name the field in snake case: exercise_date, shares, method,
// cashless_shares, market_value, owned, outstanding.
type ExerciseInput struct {
	Date           Date
	Time           time.Time       // wall time of the exercise; zero when only a date was given
	Shares         decimal.Decimal // Y: shares of Warrant Stock exercised (cashless: including those canceled)
	Method         string          // cash|cashless|combined
	CashlessShares decimal.Decimal // combined: the part of Y exercised cashless
	MarketValue    *MarketValue    // B: required for cashless and for fractional cash
	Owned          decimal.Decimal // H: shares the holder owns beforehand (§7)
	OwnedStated    bool            // the holder stated Owned; false: Owned is taken as 0 and the Exercise Form's §7 line stays blank
	Outstanding    decimal.Decimal // O: Common Stock outstanding (§7); zero when not given
	WaiverNotice   Date            // the §7 Waiver Notice, if one was given
}

// ExerciseNumbers are the exact quantities behind an ExerciseResult, for
// documents that need them.
type ExerciseNumbers struct {
	Adjustment *Adjustment     // the adjustments before the exercise, the deferred ones made
	State      State           // the Warrant Price and Warrant Share Number in effect
	Exercised  decimal.Decimal // Y
	Issued     decimal.Decimal
	Canceled   decimal.Decimal
	Remaining  decimal.Decimal
	CashPart   decimal.Decimal // Y₁
	Deadline   Date
	// Cashless is X of §2(c) for the part exercised cashless, as the
	// documents show it: that part less the shares Canceled (rounded), so
	// that the figures shown add up; zero for a cash exercise.
	Cashless decimal.Decimal
	// Due is the shares due before a fraction is paid in cash (§6): Y less
	// the shares Canceled, i.e. the cash part plus Cashless.
	Due         decimal.Decimal
	OwnedStated bool // ExerciseInput.OwnedStated
}

// Exercise computes an exercise of warrant w on in.Date: the adjustments of
// every event before that date (events occur at the close of business,
// §4(g)(ii), so an exercise during the day precedes that day's events), with
// deferred adjustments made first; then the shares issued, the cash in lieu of
// the fraction, the aggregate price, the §7 cap and the delivery deadline.
//
// §2(b): the Holder pays "an amount of consideration therefor equal to the
// Warrant Price in effect on the date of such exercise multiplied by the
// number of shares of Warrant Stock with respect to which this Warrant is
// then being exercised, payable at such Holder's election (i) by certified or
// official bank check or by wire transfer [...], (ii) by "cashless exercise"
// in accordance with the provisions of subsection (c) of this Section 2, or
// (iii) by a combination of the foregoing methods of payment". §2(d):
// certificates are delivered "within a reasonable time, not exceeding three
// (3) Trading Days after such exercise" (Terms.DeliveryTradingDays), and "a
// new Warrant representing the number of shares of Warrant Stock, if any,
// with respect to which this Warrant shall not then have been exercised"
// (the remaining shares) is issued to the Holder.
func Exercise(t Terms, w Warrant, events []Event, in ExerciseInput) (*ExerciseResult, error) {
	if err := ExerciseWindow(t, in); err != nil {
		return nil, err
	}
	adj, err := Adjust(t, w, events, in.Date.AddDays(-1))
	if err != nil {
		return nil, err
	}
	return ExerciseOn(t, w, adj, in)
}

// ExerciseOn computes an exercise of warrant w on in.Date from adj, its
// adjustment history up to the exercise (for a warrant of a ledger: the
// history that ends with the exercise transaction surrendering it, SPEC
// §3.13). The Term is checked as Exercise checks it.
func ExerciseOn(t Terms, w Warrant, adj *Adjustment, in ExerciseInput) (*ExerciseResult, error) {
	if err := ExerciseWindow(t, in); err != nil {
		return nil, err
	}
	adj.MakePending()
	st := adj.Final
	y := in.Shares
	y2, err := cashlessPart(t, st.Shares, in)
	if err != nil {
		return nil, err
	}
	b, err := exerciseMarketValue(t, st.Price, in, y2)
	if err != nil {
		return nil, err
	}
	v := ExerciseNumbers{Adjustment: adj, State: st, Exercised: y, Remaining: st.Shares.Sub(y), CashPart: y.Sub(y2)}
	f := exerciseFigures{b: b, y2: y2, aggregate: Cents(st.Price.Mul(v.CashPart))}
	switch {
	case y2.Sign() > 0:
		var dueB decimal.Decimal
		dueB, v.Canceled = cashlessShares(st.Price, b, y, y2, t.ShareDecimals)
		v.Issued, f.fraction, f.cash = cashInLieu(dueB, b, t.ShareDecimals)
		v.Cashless = y2.Sub(v.Canceled)
	case y.Equal(y.Floor()):
		v.Issued = y.Floor() // whole shares: no fraction
	default:
		v.Issued, f.fraction, f.cash = cashInLieu(b.Mul(y), b, t.ShareDecimals)
	}
	v.Due, v.OwnedStated = y.Sub(v.Canceled), in.OwnedStated
	if f.cap, err = ownershipCap(t, in, v.Issued); err != nil {
		return nil, err
	}
	if v.Deadline, err = AddTradingDays(in.Date, t.DeliveryTradingDays); err != nil {
		return nil, err
	}
	return exerciseResult(t, w, in, v, f), nil
}

// ExerciseWindow checks the Term, §1: "The term of this Warrant shall
// commence on March 14, 2005 and shall expire at 5:00 p.m., eastern time, on
// March 14, 2010", and the Time of Exercise, §2(a): "The purchase rights
// represented by this Warrant may be exercised in whole or in part during the
// Term commencing on September 15, 2005." (Terms.ExerciseStart and
// Terms.Expiration.)
func ExerciseWindow(t Terms, in ExerciseInput) error {
	allowed := fmt.Sprintf("%s to %s", t.ExerciseStart, t.Expiration.Format("2006-01-02 15:04 MST"))
	if in.Date.Before(t.ExerciseStart) {
		return inputError("exercise_date", fmt.Sprintf("%s is before exercise may begin on %s (§2(a))", in.Date, t.ExerciseStart), allowed)
	}
	exp := t.ExpirationDate()
	if in.Date.After(exp) {
		return inputError("exercise_date", fmt.Sprintf("%s is after the Warrant expired (§1)", in.Date), allowed)
	}
	if !in.Time.IsZero() && in.Time.After(t.Expiration) {
		return inputError("exercise_date", fmt.Sprintf("%s is after the Warrant expired at %s (§1)", in.Time.In(t.Location).Format("2006-01-02 15:04:05"), t.Expiration.Format("15:04 MST")), allowed)
	}
	return nil
}

// cashlessPart checks the shares exercised Y against the Warrant Share Number
// n in effect and the method of payment of §2(b), and returns Y₂, the part of
// Y exercised cashless: zero for cash, Y for cashless, in.CashlessShares for a
// combination.
func cashlessPart(t Terms, n decimal.Decimal, in ExerciseInput) (decimal.Decimal, error) {
	y := in.Shares
	if y.Sign() <= 0 {
		return zero, inputError("shares", fmt.Sprintf("%s is not positive", y), "0 < shares ≤ "+fs(n, t))
	}
	if !y.Equal(y.Round(t.ShareDecimals)) {
		return zero, inputError("shares", fmt.Sprintf("%s has more than %d decimals", y, t.ShareDecimals), fmt.Sprintf("at most %d decimals (terms.share_decimals)", t.ShareDecimals))
	}
	if y.GreaterThan(n) {
		return zero, inputError("shares", fmt.Sprintf("%s exceeds the Warrant Share Number %s in effect on %s", y, fs(n, t), in.Date), "at most "+fs(n, t))
	}
	switch in.Method {
	case MethodCash:
		return zero, nil
	case MethodCashless:
		return y, nil
	case MethodCombined:
		y2 := in.CashlessShares
		if !y2.Equal(y2.Round(t.ShareDecimals)) {
			return zero, inputError("cashless_shares", fmt.Sprintf("%s has more than %d decimals", y2, t.ShareDecimals), fmt.Sprintf("at most %d decimals (terms.share_decimals)", t.ShareDecimals))
		}
		if y2.Sign() <= 0 || y2.GreaterThanOrEqual(y) {
			return zero, inputError("cashless_shares", fmt.Sprintf("%s is not between 0 and the %s shares exercised", y2, y), "0 < cashless shares < shares")
		}
		return y2, nil
	}
	return zero, inputError("method", fmt.Sprintf("%q is not a method of exercise", in.Method), "cash, cashless or combined")
}

// exerciseMarketValue is B, the Per Share Market Value, when the exercise
// needs it: for a cashless part (§2(c)) or a fraction paid in cash (§6). A
// cashless exercise needs B above the Warrant Price A, or it issues nothing.
func exerciseMarketValue(t Terms, a decimal.Decimal, in ExerciseInput, y2 decimal.Decimal) (decimal.Decimal, error) {
	var b decimal.Decimal
	if in.MarketValue != nil {
		b = in.MarketValue.Value
	}
	y := in.Shares
	if needB := y2.Sign() > 0 || !y.Equal(y.Floor()); needB && in.MarketValue == nil {
		why := "a cashless exercise needs the Per Share Market Value B (§2(c))"
		if y2.IsZero() {
			why = "a fractional share is paid in cash at the Per Share Market Value (§6)"
		}
		return b, inputError("market_value", "missing: "+why, "a price such as 1.20")
	}
	if y2.Sign() > 0 && !b.GreaterThan(a) {
		return b, inputError("market_value", fmt.Sprintf("B = %s is not above the Warrant Price A = %s: a cashless exercise would issue no shares (X = Y − A·Y/B ≤ 0)", fp(b, t), fp(a, t)), "B > "+fp(a, t)+", or exercise for cash")
	}
	return b, nil
}

// cashlessShares is §2(c) for the cashless part Y₂ of an exercise of Y
// shares at the Warrant Price A and the Per Share Market Value B > 0:
//
//	"the Issuer shall issue to the Holder a number of shares of Common Stock
//	computed using the following formula: X = Y - (A)(Y)/B"
//
// The cash part Y₁ = Y − Y₂ and X₂ are pooled before rounding down, so the
// shares due are returned scaled by B, where everything is exact:
// B·(Y₁ + X₂) = B·Y − A·Y₂. canceled is A·Y₂/B, the shares "canceled in
// payment of the Warrant Price" (§2(d)), rounded to places.
func cashlessShares(a, b, y, y2 decimal.Decimal, places int32) (dueB, canceled decimal.Decimal) {
	return b.Mul(y).Sub(a.Mul(y2)), DivRound(a.Mul(y2), b, places)
}

// cashInLieu is §6 for shares due given exactly as dueB/B (B > 0):
//
//	"No fractional shares of Warrant Stock will be issued in connection with
//	and exercise hereof, but in lieu of such fractional shares, the Issuer
//	shall make a cash payment therefor equal in amount to the product of the
//	applicable fraction multiplied by the Per Share Market Value then in
//	effect."
//
// It returns the whole shares issued, the fraction truncated to places (so
// it never shows a whole share) and the cash, to the cent.
func cashInLieu(dueB, b decimal.Decimal, places int32) (issued, fraction, cash decimal.Decimal) {
	issued = FloorDiv(dueB, b)
	fracB := dueB.Sub(issued.Mul(b)) // fraction × B, exactly
	fraction, _ = fracB.QuoRem(b, places)
	return issued, fraction, Cents(fracB)
}

// inputError is an error in a field of a computation's input, such as
// ExerciseInput.Shares ("shares"); the command line maps it to its flag.
func inputError(field, problem, allowed string) error {
	return &InputError{Field: field, Problem: problem, Allowed: allowed}
}
