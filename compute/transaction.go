package compute

// Transactions — the case file is the series' ledger (SPEC §2.5).
//
// Events are what the Issuer did (Section 4); transactions are what happened
// to individual warrants (Sections 2 and 3): each surrenders a warrant (a
// reissue: every warrant then outstanding) and issues new ones "of like
// tenor" (§2(e)). This file holds their types; ledger.go who is outstanding
// when, and lineage.go their place in the replay.

import "github.com/shopspring/decimal"

// TransactionType names the kinds of transactions of SPEC §2.5.
type TransactionType string

// The transaction types of SPEC §2.5.
const (
	TxExercise     TransactionType = "exercise"
	TxAssignment   TransactionType = "assignment"
	TxExchange     TransactionType = "exchange"
	TxReplacement  TransactionType = "replacement"
	TxReissue      TransactionType = "reissue"
	TxCancellation TransactionType = "cancellation"
)

// TransactionTypes lists every transaction type, for error messages.
var TransactionTypes = []TransactionType{TxExercise, TxAssignment, TxExchange, TxReplacement, TxReissue, TxCancellation}

// Section is the section of the Warrant a transaction type falls under.
func (t TransactionType) Section() string {
	switch t {
	case TxExercise:
		return "2"
	case TxAssignment, TxExchange:
		return "2(e)"
	case TxReplacement:
		return "3(d)"
	}
	return ""
}

// ReplacementReasons are the reasons §3(d) gives for a replacement.
var ReplacementReasons = []string{"lost", "stolen", "destroyed", "mutilated"}

// Transaction is one transaction of the ledger (SPEC §2.5). Only the fields
// of its Type are set.
type Transaction struct {
	Index int // 1-based position among the file's transactions
	Line  int // line in the case file
	ID    string
	Type  TransactionType
	Date  Date
	Note  string

	Warrant string // the number surrendered; every type but reissue

	// Shares is Y of an exercise, s of an assignment; zero when not given
	// (an assignment of the whole warrant).
	Shares         decimal.Decimal
	Method         string          // exercise: cash|cashless|combined
	CashlessShares decimal.Decimal // exercise, combined: Y₂
	MarketValue    *MarketValue    // exercise: B; required for cashless and combined

	Balance string // exercise, assignment: the number issued for what is left
	To      Holder // assignment: the assignee
	Number  string // assignment: the assignee's number; replacement: the new number
	Into    []ExchangeItem
	Reason  string // replacement: lost|stolen|destroyed|mutilated; cancellation: free text

	FirstNumber string // reissue: "" = one above the highest number issued before it
}

// ExchangeItem is one new warrant of an exchange (§2(e)): its number and
// Warrant Share Number; a zero Shares (only the last item's) takes the rest.
type ExchangeItem struct {
	Number string
	Shares decimal.Decimal
}

// Name is the transaction's id, or "#k" for the k-th transaction of the file.
func (x Transaction) Name() string {
	if x.ID != "" {
		return x.ID
	}
	return "#" + itoa(x.Index)
}

// Path is how errors name the transaction: transactions[k].
func (x Transaction) Path() string { return "transactions[" + itoa(x.Index) + "]" }

// endOfDay is 1 for a reissue, which applies at the end of its date, after
// the events effective that day (it re-issues what is outstanding at the end
// of the date, as the register view shows it: a reissue is made after an
// adjustment, SPEC §5.1), and 0 for every other transaction, which applies
// before them (§4(g)(ii) deems an event to occur at the close of business).
func (x Transaction) endOfDay() int {
	if x.Type == TxReissue {
		return 1
	}
	return 0
}
