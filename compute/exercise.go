package compute

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

// ExerciseInput is one exercise of a warrant (§2, §6, §7).
type ExerciseInput struct {
	Date           Date
	Time           time.Time       // wall time of the exercise; zero when only a date was given
	Shares         decimal.Decimal // Y: shares of Warrant Stock exercised (cashless: including those canceled)
	Method         string          // cash|cashless|combined
	CashlessShares decimal.Decimal // combined: the part of Y exercised cashless
	MarketValue    *MarketValue    // B: required for cashless and for fractional cash
	Owned          decimal.Decimal // H: shares the holder owns beforehand (§7)
	Outstanding    decimal.Decimal // O: Common Stock outstanding (§7); zero when not given
	WaiverNotice   Date            // the §7 Waiver Notice, if one was given
}

// ExerciseResult is the computed exercise (SPEC §4.2).
type ExerciseResult struct {
	Warrant          string          `json:"warrant"`
	Date             string          `json:"date"`
	Method           string          `json:"method"`
	WarrantPrice     string          `json:"warrant_price"`
	MarketValue      string          `json:"market_value,omitempty"`
	SharesExercised  string          `json:"shares_exercised"`
	CashlessShares   string          `json:"cashless_shares,omitempty"`
	Owned            string          `json:"owned"`
	Outstanding      string          `json:"outstanding,omitempty"`
	SharesIssued     string          `json:"shares_issued"`
	SharesCanceled   string          `json:"shares_canceled"`
	Fraction         string          `json:"fraction"`
	CashInLieu       string          `json:"cash_in_lieu"`
	AggregatePrice   string          `json:"aggregate_price"`
	RemainingShares  string          `json:"remaining_shares"`
	DeliveryDeadline string          `json:"delivery_deadline"`
	Cap              ExerciseCap     `json:"cap"`
	Computation      string          `json:"computation"`
	Values           ExerciseNumbers `json:"-"`
}

// ExerciseCap is the §7 ownership cap as it applied to an exercise.
type ExerciseCap struct {
	Applies   bool   `json:"applies"`
	MaxShares string `json:"max_shares,omitempty"`
	Reason    string `json:"reason,omitempty"`
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
}

// Exercise computes an exercise of warrant w on in.Date: the adjustments of
// every event before that date (events occur at the close of business,
// §4(g)(ii), so an exercise during the day precedes that day's events), with
// deferred adjustments made first; then the shares issued, the cash in lieu of
// the fraction, the aggregate price, the §7 cap and the delivery deadline.
func Exercise(t Terms, w Warrant, events []Event, in ExerciseInput) (*ExerciseResult, error) {
	if err := exerciseWindow(t, in); err != nil {
		return nil, err
	}
	adj, err := Adjust(t, w, events, in.Date.AddDays(-1))
	if err != nil {
		return nil, err
	}
	adj.MakePending()
	st := adj.Final
	p, n, y := st.Price, st.Shares, in.Shares

	if y.Sign() <= 0 {
		return nil, flagError("--shares", fmt.Sprintf("%s is not positive", y), "0 < shares ≤ "+fs(n, t))
	}
	if !y.Equal(y.Round(t.ShareDecimals)) {
		return nil, flagError("--shares", fmt.Sprintf("%s has more than %d decimals", y, t.ShareDecimals), fmt.Sprintf("at most %d decimals (terms.share_decimals)", t.ShareDecimals))
	}
	if y.GreaterThan(n) {
		return nil, flagError("--shares", fmt.Sprintf("%s exceeds the Warrant Share Number %s in effect on %s", y, fs(n, t), in.Date), "at most "+fs(n, t))
	}
	var y2 decimal.Decimal // the cashless part
	switch in.Method {
	case MethodCash:
	case MethodCashless:
		y2 = y
	case MethodCombined:
		y2 = in.CashlessShares
		if !y2.Equal(y2.Round(t.ShareDecimals)) {
			return nil, flagError("--cashless-shares", fmt.Sprintf("%s has more than %d decimals", y2, t.ShareDecimals), fmt.Sprintf("at most %d decimals (terms.share_decimals)", t.ShareDecimals))
		}
		if y2.Sign() <= 0 || y2.GreaterThanOrEqual(y) {
			return nil, flagError("--cashless-shares", fmt.Sprintf("%s is not between 0 and the %s shares exercised", y2, y), "0 < cashless shares < shares")
		}
	default:
		return nil, flagError("--method", fmt.Sprintf("%q is not a method of exercise", in.Method), "cash, cashless or combined")
	}
	y1 := y.Sub(y2) // the part paid in cash

	var b decimal.Decimal
	if in.MarketValue != nil {
		b = in.MarketValue.Value
	}
	needB := y2.Sign() > 0 || !y.Equal(y.Floor())
	if needB && in.MarketValue == nil {
		why := "a cashless exercise needs the Per Share Market Value B (§2(c))"
		if y2.IsZero() {
			why = "a fractional share is paid in cash at the Per Share Market Value (§6)"
		}
		return nil, flagError("--market-value", "missing: "+why, "a price such as 1.20")
	}
	if y2.Sign() > 0 && !b.GreaterThan(p) {
		return nil, flagError("--market-value", fmt.Sprintf("B = %s is not above the Warrant Price A = %s: a cashless exercise would issue no shares (X = Y − A·Y/B ≤ 0)", fp(b, t), fp(p, t)), "B > "+fp(p, t)+", or exercise for cash")
	}

	// Shares due: Y₁ + X₂ where X₂ = Y₂ − A·Y₂/B, pooled before rounding down.
	// Scaled by B everything is exact: B·(Y₁+X₂) = B·Y − A·Y₂.
	var issued, canceled, cashInLieu, fraction decimal.Decimal
	if y2.IsZero() {
		issued = y.Floor()
		fraction = y.Sub(issued)
		if fraction.Sign() > 0 {
			cashInLieu = Cents(fraction.Mul(b))
		}
	} else {
		scaled := b.Mul(y).Sub(p.Mul(y2))
		issued = FloorDiv(scaled, b)
		fracB := scaled.Sub(issued.Mul(b)) // fraction × B, exactly
		cashInLieu = Cents(fracB)
		fraction, _ = fracB.QuoRem(b, t.ShareDecimals) // truncated: never shows a whole share
		canceled = DivRound(p.Mul(y2), b, t.ShareDecimals)
	}
	aggregate := Cents(p.Mul(y1))

	res := &ExerciseResult{
		Warrant: w.Number, Date: in.Date.String(), Method: in.Method,
		WarrantPrice: fp(p, t), SharesExercised: fs(y, t), Owned: in.Owned.String(),
		SharesIssued: issued.String(), SharesCanceled: fs(canceled, t), Fraction: fraction.StringFixed(t.ShareDecimals),
		CashInLieu: cashInLieu.StringFixed(2), AggregatePrice: aggregate.StringFixed(2),
		RemainingShares: fs(n.Sub(y), t),
	}
	if in.MarketValue != nil {
		res.MarketValue = fp(b, t)
	}
	if in.Method == MethodCombined {
		res.CashlessShares = fs(y2, t)
	}
	if !in.Outstanding.IsZero() {
		res.Outstanding = in.Outstanding.String()
	}
	res.Computation = exerciseComputation(t, in.Method, p, b, y, y1, y2, issued, cashInLieu, aggregate)

	cp, err := ownershipCap(t, in, issued)
	if err != nil {
		return nil, err
	}
	res.Cap = cp

	deadline, err := AddTradingDays(in.Date, t.DeliveryTradingDays)
	if err != nil {
		return nil, err
	}
	res.DeliveryDeadline = deadline.String()
	res.Values = ExerciseNumbers{Adjustment: adj, State: st, Exercised: y, Issued: issued, Canceled: canceled, Remaining: n.Sub(y), CashPart: y1, Deadline: deadline}
	return res, nil
}

// exerciseWindow checks the Term (§1) and the start of exercise (§2(a)).
func exerciseWindow(t Terms, in ExerciseInput) error {
	allowed := fmt.Sprintf("%s to %s", t.ExerciseStart, t.Expiration.Format("2006-01-02 15:04 MST"))
	if in.Date.Before(t.ExerciseStart) {
		return flagError("--date", fmt.Sprintf("%s is before exercise may begin on %s (§2(a))", in.Date, t.ExerciseStart), allowed)
	}
	exp := t.ExpirationDate()
	if in.Date.After(exp) {
		return flagError("--date", fmt.Sprintf("%s is after the Warrant expired (§1)", in.Date), allowed)
	}
	if !in.Time.IsZero() && in.Time.After(t.Expiration) {
		return flagError("--date", fmt.Sprintf("%s is after the Warrant expired at %s (§1)", in.Time.In(t.Location).Format("2006-01-02 15:04:05"), t.Expiration.Format("15:04 MST")), allowed)
	}
	return nil
}

// ownershipCap applies §7: c = cap/100; with cap_counts_new_shares the most
// that may be issued is floor((c·O − H)/(1 − c)), else floor(c·O − H), never
// below zero. A Waiver Notice given cap_waiver_days before, or an exercise in
// the last cap_waiver_days days of the Term, lifts it.
func ownershipCap(t Terms, in ExerciseInput, issued decimal.Decimal) (ExerciseCap, error) {
	lastDays := t.ExpirationDate().AddDays(-t.CapWaiverDays)
	if !in.WaiverNotice.IsZero() && !in.Date.Before(in.WaiverNotice.AddDays(t.CapWaiverDays)) {
		return ExerciseCap{Applies: false, Reason: fmt.Sprintf("Waiver Notice of %s given at least %d days before (§7)", in.WaiverNotice, t.CapWaiverDays)}, nil
	}
	if !in.Date.Before(lastDays) {
		return ExerciseCap{Applies: false, Reason: fmt.Sprintf("within the %d days before expiration, from %s (§7)", t.CapWaiverDays, lastDays)}, nil
	}
	if in.Outstanding.Sign() <= 0 {
		return ExerciseCap{}, flagError("--outstanding", "missing: the §7 ownership cap applies on "+in.Date.String()+" and needs the Common Stock outstanding", "a positive number of shares, with --owned")
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
		return ExerciseCap{}, flagError("--shares", fmt.Sprintf("the exercise would issue %s shares, more than the %s that keep the holder at or below %s%% of the Common Stock outstanding (§7)", issued, max, t.OwnershipCapPercent), "at most "+max.String()+" shares issued, or a Waiver Notice given "+itoa(t.CapWaiverDays)+" days before")
	}
	return ExerciseCap{Applies: true, MaxShares: max.String()}, nil
}

func exerciseComputation(t Terms, method string, p, b, y, y1, y2, issued, cash, aggregate decimal.Decimal) string {
	switch method {
	case MethodCashless:
		return fmt.Sprintf("X = Y − (A)(Y)/B = %s − (%s)(%s)/%s; shares issued %s; cash in lieu of the fraction %s (§2(c), §6)",
			fs(y, t), fp(p, t), fs(y, t), fp(b, t), issued, cash.StringFixed(2))
	case MethodCombined:
		return fmt.Sprintf("cash part Y₁ = %s at %s = %s; cashless part X₂ = %s − (%s)(%s)/%s; shares issued floor(Y₁ + X₂) = %s; cash in lieu of the fraction %s (§2(b)(iii), §2(c), §6)",
			fs(y1, t), fp(p, t), aggregate.StringFixed(2), fs(y2, t), fp(p, t), fs(y2, t), fp(b, t), issued, cash.StringFixed(2))
	}
	return fmt.Sprintf("aggregate price %s × %s = %s; shares issued %s; cash in lieu of the fraction %s (§2(b), §6)",
		fp(p, t), fs(y, t), aggregate.StringFixed(2), issued, cash.StringFixed(2))
}

// flagError is an input error in a command-line value.
func flagError(flag, problem, allowed string) error {
	return &InputError{Field: flag, Problem: problem, Allowed: allowed}
}
