package compute

import "github.com/shopspring/decimal"

// State is the pair every adjustment changes: the Warrant Price and the
// Warrant Share Number (§8).
type State struct {
	Price  decimal.Decimal // Warrant Price
	Shares decimal.Decimal // Warrant Share Number
}

// Equal reports whether s and o are the same price and share number.
func (s State) Equal(o State) bool { return s.Price.Equal(o.Price) && s.Shares.Equal(o.Shares) }

// Status says what an event did to a warrant (SPEC §4.1).
type Status string

// The statuses of SPEC §4.1.
const (
	StatusApplied         Status = "applied"
	StatusNoAdjustment    Status = "no-adjustment"
	StatusLimitedByFloor  Status = "limited-by-floor"
	StatusDeferred        Status = "deferred"
	StatusSuperseding     Status = "superseding"
	StatusRescission      Status = "rescission"
	StatusTriggeringEvent Status = "triggering-event"
)

// Certified reports whether an entry of this status gets a Certificate of
// Adjustment under §5 (SPEC §4.3 item 1).
func (s Status) Certified() bool {
	switch s {
	case StatusApplied, StatusLimitedByFloor, StatusSuperseding, StatusRescission, StatusTriggeringEvent:
		return true
	}
	return false
}

// Entry is what one event did to one warrant: the content of a Certificate of
// Adjustment as it was issued.
type Entry struct {
	Event       string // the event's id, or "#k"
	Type        EventType
	Section     string
	Date        Date // the date of occurrence (record date)
	Effective   Date // the date the adjustment is made
	Description string
	Status      Status
	Before      State
	After       State
	Method      string   // the formula with the actual numbers
	Carries     []string // deferred events whose adjustment this entry makes (§4(g)(ii))
	PriceRaised bool     // a superseding adjustment or rescission raised the Warrant Price
	Floor       decimal.Decimal
	Alternate   []AlternateItem // alternate consideration after this entry (§4(a))
	// Figures are the numbers the event's rule was applied with, and
	// Rewrite what a §4(f) or §4(g)(iv) entry rescinded and recomputed: for
	// the documents, not in `adjust --json`. Either may be nil.
	Figures *Figures
	Rewrite *Rewrite
}

// AlternateItem is what the holder receives on exercise, after a Triggering
// Event, in lieu of Common Stock (§4(a)).
type AlternateItem struct {
	Event       string
	Successor   string
	Description string
	Kind        string          // cash|security|property
	PerShare    decimal.Decimal // per share of Common Stock
	Amount      decimal.Decimal // for the whole Warrant Share Number
	Assumed     bool            // §4(a)(ii): successor assumed; no Triggering Event deemed
}

// Adjustment is the whole adjustment history of one warrant.
type Adjustment struct {
	Warrant string // its number
	// Subject is the warrant as issued: its holder and, for a warrant
	// created by a transaction (SPEC §3.13), its parent and its Warrant
	// Share Number when created.
	Subject Warrant
	// Issued is the date a created warrant was issued (zero for an
	// original); CreatedBy the transaction that issued it.
	Issued    Date
	CreatedBy *TxRef
	// Surrendered is set when a transaction surrendered the warrant; Final
	// is then the state that transaction acted on.
	Surrendered *Surrender
	Initial     State
	Entries     []Entry
	Final       State  // the state in effect (E)
	Pending     *State // the would-be state V when deferred adjustments are pending
	Floor       decimal.Decimal
	Alternate   []AlternateItem
}
