package templates

import (
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// The ledger's transactions in words (SPEC §2.5): what the Schedule of
// Adjustments of a created warrant says happened at each link of its
// lineage. Nothing here computes: every quantity is one the ledger names
// (Y, s, an exchange item's shares) or one the engine computed (the new
// warrant's Warrant Share Number when it was created).

// step is one link of a lineage: the warrant a transaction surrendered and
// the warrant of the same lineage it issued in its place.
type step struct {
	from    string               // the number surrendered
	sur     compute.Surrender    // the transaction, as the surrendered warrant records it
	tx      *compute.Transaction // its own fields; nil when the caller did not pass it
	to      compute.Warrant      // the warrant issued (of this lineage)
	role    string               // to's part in it: balance, assignee, exchange, replacement, reissue
	initial compute.State        // to's Warrant Price and Warrant Share Number when issued
}

// findTx is the transaction at 1-based position index of the case file
// among txs, or nil.
func findTx(txs []compute.Transaction, index int) *compute.Transaction {
	for i := range txs {
		if txs[i].Index == index {
			return &txs[i]
		}
	}
	return nil
}

// roleOf is the part a warrant numbered n plays in transaction x, when the
// engine did not say: for an assignment the assignee's number or the
// balance; otherwise what the type issues.
func roleOf(x compute.TransactionType, tx *compute.Transaction, n string) string {
	switch x {
	case compute.TxExercise:
		return "balance"
	case compute.TxAssignment:
		if tx != nil && tx.Balance == n {
			return "balance"
		}
		return "assignee"
	case compute.TxExchange:
		return "exchange"
	case compute.TxReplacement:
		return "replacement"
	case compute.TxReissue:
		return "reissue"
	}
	return ""
}

// methodText is how an exercise was paid, in words: "cash", "cashless",
// "combined: 5,000.00 cashless".
func methodText(t compute.Terms, x *compute.Transaction) string {
	switch x.Method {
	case "":
		return compute.MethodCash
	case compute.MethodCombined:
		if !x.CashlessShares.IsZero() {
			return "combined: " + shares(t, x.CashlessShares) + " cashless"
		}
	}
	return x.Method
}

// reasonText is why a warrant was replaced under §3(d): "reported lost", or
// "surrendered mutilated".
func reasonText(reason string) string {
	if reason == "mutilated" {
		return "surrendered mutilated"
	}
	if reason == "" {
		return "lost, stolen, destroyed or mutilated"
	}
	return "reported " + reason
}

// stepRow says in a line of the Schedule's table what the step did, e.g.
// "Exercise of 20,000.00 shares of W-F-05-004 (cashless); balance of
// 63,334.00 issued as W-F-05-007".
func stepRow(t compute.Terms, s step) string {
	x, n, got := s.tx, s.to.Number, shares(t, s.initial.Shares)
	if s.sur.Type == "" {
		return s.from + " replaced by " + n + " for " + got
	}
	if x == nil {
		return capitalize(string(s.sur.Type)) + " of " + s.from + "; " + n + " issued for " + got
	}
	switch x.Type {
	case compute.TxExercise:
		return "Exercise of " + shares(t, x.Shares) + " shares of " + s.from + " (" + methodText(t, x) + "); balance of " + got + " issued as " + n
	case compute.TxAssignment:
		what := s.from
		if !x.Shares.IsZero() {
			what = shares(t, x.Shares) + " shares of " + s.from
		}
		if s.role == "balance" {
			return "Partial assignment of " + what + " to " + x.To.Name + " (" + x.Number + "); balance of " + got + " issued as " + n
		}
		return "Assignment of " + what + " to " + x.To.Name + ", issued as " + n
	case compute.TxExchange:
		into := make([]string, len(x.Into))
		for i, it := range x.Into {
			into[i] = it.Number
		}
		return "Exchange of " + s.from + " for " + andList(into) + "; " + got + " issued as " + n
	case compute.TxReplacement:
		return "Replacement of " + s.from + ", " + reasonText(x.Reason) + ", issued as " + n
	case compute.TxReissue:
		return "Re-issue of " + s.from + " as " + n
	}
	return capitalize(string(x.Type)) + " of " + s.from + "; " + n + " issued for " + got
}

// creationClause says how the warrant s issued came to be, for the
// Schedule's opening paragraph: "it was issued on October 1, 2009 as the
// balance after the exercise of 20,000.00 shares of Warrant Stock (cashless)
// under that Warrant".
func creationClause(t compute.Terms, s step) string {
	on := "it was issued"
	if !s.sur.Date.IsZero() {
		on += " on " + LongDate(s.sur.Date)
	}
	x := s.tx
	if s.sur.Type == "" {
		return on + " in place of that Warrant"
	}
	if x == nil {
		return on + " on the " + string(s.sur.Type) + " of that Warrant"
	}
	switch x.Type {
	case compute.TxExercise:
		return on + " as the balance after the exercise of " + shares(t, x.Shares) + " shares of Warrant Stock (" + methodText(t, x) + ") under that Warrant (Section 2)"
	case compute.TxAssignment:
		what := "that Warrant"
		if !x.Shares.IsZero() {
			what = shares(t, x.Shares) + " shares of Warrant Stock under that Warrant"
		}
		if s.role == "balance" {
			return on + " as the balance after the assignment of " + what + " to " + x.To.Name + " (Section 2(e))"
		}
		return on + " to the Holder as assignee of " + what + " (Section 2(e))"
	case compute.TxExchange:
		var others []string
		for _, it := range x.Into {
			if it.Number != s.to.Number {
				others = append(others, it.Number)
			}
		}
		if len(others) == 0 {
			return on + " in exchange for that Warrant (Section 2(e))"
		}
		return on + " in exchange for that Warrant, together with Warrant No. " + andList(others) + " (Section 2(e))"
	case compute.TxReplacement:
		return on + " in lieu of that Warrant, " + reasonText(x.Reason) + " (Section 3(d))"
	case compute.TxReissue:
		return on + " on the re-issue of that Warrant after the adjustments listed below"
	}
	return on + " on the " + string(x.Type) + " of that Warrant"
}

// andList joins ["a", "b", "c"] as "a, b and c".
func andList(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
