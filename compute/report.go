package compute

// The JSON shapes of every output of the core, in one place: `adjust --json`
// (AdjustmentReport, SPEC §4.1), `exercise --json` (ExerciseResult, SPEC
// §4.2) and `notice --json` (NoticeResult, SPEC §4.4), with the functions
// that fill them. Decimals are strings with the Terms' places, so the same
// result always gives the same bytes; callers only marshal.

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// AdjustmentReport is one warrant's object in `adjust --json` (SPEC §4.1).
//
// The lineage keys (parent, issued, created_by, surrendered) are set only for
// a warrant a transaction created or surrendered: a case without
// transactions gives the same bytes as before there were any.
type AdjustmentReport struct {
	Warrant     string            `json:"warrant"`
	Parent      string            `json:"parent,omitempty"`
	Issued      string            `json:"issued,omitempty"`
	CreatedBy   *CreatedReport    `json:"created_by,omitempty"`
	Initial     StateReport       `json:"initial"`
	Entries     []EntryReport     `json:"entries"`
	Final       StateReport       `json:"final"`
	Pending     *StateReport      `json:"pending,omitempty"`
	Surrendered *SurrenderReport  `json:"surrendered,omitempty"`
	Alternate   []AlternateReport `json:"alternate_consideration"`
}

// CreatedReport names the transaction that issued a warrant: its type and
// its id, or "#k" (1-based among the case file's transactions).
type CreatedReport struct {
	Type        string `json:"type"`
	Transaction string `json:"transaction"`
}

// SurrenderReport names the transaction that surrendered a warrant and the
// warrants it issued in its place ([] for a cancellation, or an exercise of
// every share).
type SurrenderReport struct {
	Date        string   `json:"date"`
	Type        string   `json:"type"`
	Transaction string   `json:"transaction"`
	Successors  []string `json:"successors"`
}

// StateReport is a State with the Terms' places.
type StateReport struct {
	Price  string `json:"warrant_price"`
	Shares string `json:"warrant_share_number"`
}

// EntryReport is an Entry; Date is set only when it differs from Effective.
type EntryReport struct {
	Event       string      `json:"event"`
	Type        string      `json:"type"`
	Section     string      `json:"section"`
	Date        string      `json:"date,omitempty"`
	Effective   string      `json:"effective"`
	Description string      `json:"description,omitempty"`
	Status      string      `json:"status"`
	Before      StateReport `json:"before"`
	After       StateReport `json:"after"`
	Method      string      `json:"method"`
	Carries     []string    `json:"carries,omitempty"`
}

// AlternateReport is an AlternateItem: the amount of a security to
// share_decimals, of cash or property to cents.
type AlternateReport struct {
	Event       string `json:"event"`
	Successor   string `json:"successor"`
	Description string `json:"description"`
	Kind        string `json:"kind"`
	PerShare    string `json:"per_share"`
	Amount      string `json:"amount"`
	Assumed     bool   `json:"assumed"`
}

// Report is a's object in `adjust --json`, its numbers written with t's
// places.
func (a *Adjustment) Report(t Terms) AdjustmentReport {
	out := AdjustmentReport{Warrant: a.Warrant, Initial: stateReport(t, a.Initial), Final: stateReport(t, a.Final),
		Entries: make([]EntryReport, 0, len(a.Entries)), Alternate: alternateReport(t, a.Alternate)}
	if a.Pending != nil {
		p := stateReport(t, *a.Pending)
		out.Pending = &p
	}
	a.lineageReport(&out)
	for _, e := range a.Entries {
		er := EntryReport{Event: e.Event, Type: string(e.Type), Section: e.Section, Effective: e.Effective.String(),
			Description: e.Description, Status: string(e.Status), Before: stateReport(t, e.Before), After: stateReport(t, e.After),
			Method: e.Method, Carries: e.Carries}
		if e.Date != e.Effective {
			er.Date = e.Date.String()
		}
		out.Entries = append(out.Entries, er)
	}
	return out
}

// lineageReport fills out's lineage keys: where a transaction issued the
// warrant, and where one surrendered it.
func (a *Adjustment) lineageReport(out *AdjustmentReport) {
	if x := a.CreatedBy; x != nil {
		out.Parent, out.Issued = a.Subject.Parent, a.Issued.String()
		out.CreatedBy = &CreatedReport{Type: string(x.Type), Transaction: x.Transaction}
	}
	if s := a.Surrendered; s != nil {
		out.Surrendered = &SurrenderReport{Date: s.Date.String(), Type: string(s.Type), Transaction: s.Transaction,
			Successors: append([]string{}, s.Successors...)}
	}
}

func stateReport(t Terms, s State) StateReport {
	return StateReport{Price: s.Price.StringFixed(t.PriceDecimals), Shares: s.Shares.StringFixed(t.ShareDecimals)}
}

func alternateReport(t Terms, items []AlternateItem) []AlternateReport {
	out := make([]AlternateReport, 0, len(items))
	for _, a := range items {
		places := int32(2)
		if a.Kind == "security" {
			places = t.ShareDecimals
		}
		out = append(out, AlternateReport{Event: a.Event, Successor: a.Successor, Description: a.Description, Kind: a.Kind,
			PerShare: a.PerShare.String(), Amount: a.Amount.StringFixed(places), Assumed: a.Assumed})
	}
	return out
}

// ExerciseResult is the computed exercise, as `exercise --json` writes it
// (SPEC §4.2).
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
	// Why the cap does not apply, for documents: the Waiver Notice's date,
	// or the first of the last days of the Term (§7); zero otherwise.
	WaiverNotice Date `json:"-"`
	LastDaysFrom Date `json:"-"`
}

// exerciseFigures are the figures of an exercise that ExerciseNumbers does
// not keep.
type exerciseFigures struct {
	b         decimal.Decimal // the Per Share Market Value; zero when not given
	y2        decimal.Decimal // the cashless part
	fraction  decimal.Decimal
	cash      decimal.Decimal // in lieu of the fraction (§6)
	aggregate decimal.Decimal // the Warrant Price of the cash part (§2(b))
	cap       ExerciseCap
}

// exerciseResult writes an exercise's numbers with t's places.
func exerciseResult(t Terms, w Warrant, in ExerciseInput, v ExerciseNumbers, f exerciseFigures) *ExerciseResult {
	p := v.State.Price
	res := &ExerciseResult{
		Warrant: w.Number, Date: in.Date.String(), Method: in.Method,
		WarrantPrice: fp(p, t), SharesExercised: fs(v.Exercised, t), Owned: in.Owned.String(),
		SharesIssued: v.Issued.String(), SharesCanceled: fs(v.Canceled, t), Fraction: f.fraction.StringFixed(t.ShareDecimals),
		CashInLieu: f.cash.StringFixed(2), AggregatePrice: f.aggregate.StringFixed(2),
		RemainingShares: fs(v.Remaining, t), Cap: f.cap, DeliveryDeadline: v.Deadline.String(), Values: v,
	}
	if in.MarketValue != nil {
		res.MarketValue = fp(f.b, t)
	}
	if in.Method == MethodCombined {
		res.CashlessShares = fs(f.y2, t)
	}
	if !in.Outstanding.IsZero() {
		res.Outstanding = in.Outstanding.String()
	}
	res.Computation = exerciseComputation(t, in.Method, p, v, f)
	return res
}

// exerciseComputation is the formula of an exercise with its numbers.
func exerciseComputation(t Terms, method string, p decimal.Decimal, v ExerciseNumbers, f exerciseFigures) string {
	b, y, y1, y2, issued, cash, aggregate := f.b, v.Exercised, v.CashPart, f.y2, v.Issued, f.cash, f.aggregate
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

// NoticeResult is the outcome of Notice, as `notice --json` writes it (SPEC
// §4.4). Without a send time only the first three fields are set.
type NoticeResult struct {
	Kind             string `json:"kind"`
	RecordDate       string `json:"record_date"`
	LatestNoticeDate string `json:"latest_notice_date"`
	Sent             string `json:"sent,omitempty"` // RFC 3339 in the Warrant's zone
	Via              string `json:"via,omitempty"`
	DeemedGiven      string `json:"deemed_given,omitempty"`
	OnTime           *bool  `json:"on_time,omitempty"`
}
