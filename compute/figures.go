package compute

// The numbers behind an entry, for the documents that explain it: the
// Certificate of Adjustment of §5 sets out "the method by which such
// adjustment was calculated" as the Warrant's formula with these numbers.
// They are not part of `adjust --json` (its method string is the machine
// format); nothing here changes what the replay computes.

import "github.com/shopspring/decimal"

// Figures are the numbers one event's rule was applied with. Rule says which
// fields are set:
//
//   - "4(b)": N, P, N2, P2 and the factor FactorNew/FactorOld;
//   - "4(c)": N, P, N2, P2, the Per Share Market Value M and the amount D
//     allocable to one share;
//   - "4(d)" (also for §4(e)): P, C, S, O0, Deemed, O, Q, PStar, F, P2, and
//     N, N2 when the Warrant Share Number follows the price;
//   - "": no formula applied; Reason says why.
//
// N and P are the would-be state before the event: with postponed
// adjustments (§4(g)(ii)) they include them, and may differ from the
// entry's Before.
type Figures struct {
	Rule   string
	Reason string // why no adjustment: see the Reason constants
	N, P   decimal.Decimal
	N2, P2 decimal.Decimal

	FactorNew, FactorOld decimal.Decimal // 4(b)

	M MarketValue     // 4(c)
	D decimal.Decimal // 4(c)

	C, S, O0 decimal.Decimal // 4(d): consideration, shares, outstanding before as given
	CS       decimal.Decimal // 4(d): C/S, the price per share, to price_decimals (zero without consideration)
	Deemed   []DeemedShares  // 4(e): live Common Stock Equivalents counted in O
	O, Q     decimal.Decimal // 4(d): O0 plus Deemed; Q = C/P
	PStar    decimal.Decimal // 4(d): the formula's price before the floor
	F        decimal.Decimal // the floor in effect
	// FloorAtIssue, FloorNum, FloorDen: the floor is FloorAtIssue ×
	// FloorDen / FloorNum when it was adjusted for splits (§8); zero
	// FloorNum when it was not.
	FloorAtIssue, FloorNum, FloorDen decimal.Decimal
	SharesFollow                     bool // Terms.DilutionAdjustsShares applied N2 = N·P/P2

	// §4(g)(ii): the change of the Warrant Share Number not yet made and the
	// Warrant Share Number in effect it is compared with.
	DeferChange, DeferBase decimal.Decimal
}

// DeemedShares are the unissued shares of a live issue of Common Stock
// Equivalents, deemed issued and outstanding under §4(e).
type DeemedShares struct {
	Event  string // the cse-issuance's id
	Shares decimal.Decimal
}

// Reasons no formula applied.
const (
	ReasonNotBelow     = "not-below"     // 4(d): price per share not less than P
	ReasonAtFloor      = "at-floor"      // 4(d): P already at or below the floor
	ReasonFromEarnings = "from-earnings" // 4(c)(i): cash dividend out of earnings
	ReasonLiveCSE      = "live-cse"      // 4(d)(ii): conversion of a live CSE
	ReasonZeroPrice    = "zero-price"    // the floor rounds to zero
)

// Recomputed is one adjustment of a history replayed by §4(f) or §4(g)(iv),
// recomputed with the rescinded adjustment taken out.
type Recomputed struct {
	Event       string // the event's id, or "#k"
	Type        EventType
	Section     string
	Date        Date
	Description string
	Status      Status // applied, limited-by-floor, deferred or no-adjustment
	Figures     Figures
}

// Rewrite is what a §4(f) superseding adjustment or a §4(g)(iv) rescission
// took out of the history and what it recomputed.
type Rewrite struct {
	Rescinded   string          // the event whose adjustment is rescinded and annulled ("" if none was made)
	Unexercised decimal.Decimal // 4(f)(i): shares left unexercised at expiry
	// Reconverted are the issuances on conversion now treated as issued on
	// their own dates for their own consideration (§4(f)(i)).
	Reconverted []string
	Recomputed  []Recomputed
	Pending     []string // events whose adjustment is postponed after the replay (§4(g)(ii))
}
