package compute

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Case is one decoded case file: the issuer, the Warrant's terms, the
// warrants outstanding (unless they come from a register) and the events.
type Case struct {
	File     string // the name errors use
	Issuer   Issuer
	Terms    Terms
	Warrants []Warrant
	Events   []Event // in file order; Event.Index is the 1-based position
	// Transactions are the ledger's (SPEC §2.5), in file order;
	// Transaction.Index is the 1-based position.
	Transactions []Transaction
}

// Issuer is the company that issued the Warrant (the "Issuer", §8).
type Issuer struct {
	Name         string
	Jurisdiction string
	Address      []string
	Signatory    Person
	Notice       NoticeContact // §12
}

// Person is a name and a title, such as the Chief Financial Officer of §5.
type Person struct {
	Name  string
	Title string
}

// NoticeContact is where notices to the Issuer go (§12).
type NoticeContact struct {
	Attention string
	Phone     string
	Fax       string
}

// Terms are everything that differs between warrant forms of the family.
type Terms struct {
	Series              string
	OriginalIssueDate   Date
	ExerciseStart       Date           // §2(a)
	Expiration          time.Time      // §1, in Location
	TimeZone            string         // IANA name
	Location            *time.Location // loaded from TimeZone
	InitialWarrantPrice decimal.Decimal
	MarketValueAtIssue  decimal.Decimal // §4 floor
	OwnershipCapPercent decimal.Decimal // §7
	CapWaiverDays       int             // §7
	NoticeLeadDays      int             // §9
	DeliveryTradingDays int             // §2(d)
	ShareDecimals       int32           // §4(g)(iii)
	PriceDecimals       int32

	DeferSmallAdjustments    bool            // §4(g)(ii) election
	DeferralThresholdPercent decimal.Decimal // §4(g)(ii): 1%

	DilutionAdjustsShares bool // SPEC §3.9
	FloorAdjustsForSplits bool // SPEC §3.9
	CapCountsNewShares    bool // SPEC §3.9
}

// ExpirationDate is the calendar date of the expiration in the Warrant's zone.
func (t Terms) ExpirationDate() Date { return DateOf(t.Expiration) }

// DefaultTerms are the Warrant's own values for every optional term.
func DefaultTerms() Terms {
	return Terms{
		TimeZone:                 "America/New_York",
		OwnershipCapPercent:      decimal.RequireFromString("4.999"),
		CapWaiverDays:            61,
		NoticeLeadDays:           20,
		DeliveryTradingDays:      3,
		ShareDecimals:            2,
		PriceDecimals:            4,
		DeferralThresholdPercent: decimal.RequireFromString("1"),
		FloorAdjustsForSplits:    true,
		CapCountsNewShares:       true,
	}
}

// Warrant is one warrant of the series, as issued (or as in the register).
type Warrant struct {
	Number string // SERIES-NNN
	Holder Holder
	Shares decimal.Decimal // Warrant Share Number at original issue
	Email  string
	TaxID4 string // last four digits of the holder's tax id
	Parent string // the number this warrant replaced, if any
	Line   int    // where it was declared (case file line or register row)
}

// Holder is the registered holder of a warrant.
type Holder struct {
	Name    string
	Address []string
}

// EventType names the kinds of events of SPEC §2.3.
type EventType string

const (
	StockSplit        EventType = "stock-split"
	Combination       EventType = "combination"
	StockDividend     EventType = "stock-dividend"
	Distribution      EventType = "distribution"
	Issuance          EventType = "issuance"
	CSEIssuance       EventType = "cse-issuance"
	CSEExpiry         EventType = "cse-expiry"
	CSEPriceIncrease  EventType = "cse-price-increase"
	DividendAbandoned EventType = "dividend-abandoned"
	TriggeringEvent   EventType = "triggering-event"
)

// EventTypes lists every event type, for error messages.
var EventTypes = []EventType{StockSplit, Combination, StockDividend, Distribution, Issuance,
	CSEIssuance, CSEExpiry, CSEPriceIncrease, DividendAbandoned, TriggeringEvent}

// Section is the section of the Warrant an event type falls under.
func (t EventType) Section() string {
	switch t {
	case StockSplit, Combination, StockDividend:
		return "4(b)"
	case Distribution:
		return "4(c)"
	case Issuance:
		return "4(d)"
	case CSEIssuance:
		return "4(e)"
	case CSEExpiry, CSEPriceIncrease:
		return "4(f)"
	case DividendAbandoned:
		return "4(g)(iv)"
	case TriggeringEvent:
		return "4(a)"
	}
	return ""
}

// Ratio is new:old for a split or combination, both positive.
type Ratio struct {
	New, Old decimal.Decimal
}

func (r Ratio) String() string { return r.New.String() + ":" + r.Old.String() }

// Event is one event of the history (SPEC §2.3). Only the fields of its Type
// are set.
type Event struct {
	Index       int // 1-based position in the file
	Line        int // line in the case file
	ID          string
	Type        EventType
	Date        Date // date of occurrence; the record date for dividends and distributions
	PaidDate    Date // stock-dividend: when not fully paid on the record date (§4(b) last ¶)
	Description string

	Ratio          Ratio           // stock-split, combination
	SharesPerShare decimal.Decimal // stock-dividend

	Kind          string          // distribution: cash|indebtedness|securities|property|rights; triggering-event: merger|…
	PerShareValue decimal.Decimal // distribution
	MarketValue   MarketValue     // distribution
	FromEarnings  bool            // distribution

	Shares            decimal.Decimal // issuance
	Consideration     decimal.Decimal // issuance, cse-issuance, cse-price-increase
	OutstandingBefore decimal.Decimal // issuance, cse-issuance, cse-price-increase
	FromCSE           string          // issuance

	MaxShares          decimal.Decimal // cse-issuance
	Ref                string          // cse-expiry, cse-price-increase, dividend-abandoned
	RemainingMaxShares decimal.Decimal // cse-price-increase

	Successor             string              // triggering-event
	ConsiderationPerShare []ConsiderationItem // triggering-event
	Assumed               bool                // triggering-event §4(a)(ii)
}

// Name is the event's id, or "#k" for the k-th event of the file.
func (e Event) Name() string {
	if e.ID != "" {
		return e.ID
	}
	return "#" + itoa(e.Index)
}

// Effective is the date the event's adjustment is made: the paid date of a
// stock dividend that has one, else the date.
func (e Event) Effective() Date {
	if e.Type == StockDividend && !e.PaidDate.IsZero() {
		return e.PaidDate
	}
	return e.Date
}

// ConsiderationItem is one kind of consideration per share of Common Stock in
// a Triggering Event.
type ConsiderationItem struct {
	Description string
	Amount      decimal.Decimal
	Kind        string // cash|security|property
}

func itoa(n int) string { return strconv.Itoa(n) }
