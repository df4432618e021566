package ocf

// The series' ledger as an OCF export has it (SPEC §2.5): the original
// warrants, and the transactions that ended a warrant of the series and
// issued new ones for it. OCF links them by security id: an exercise's
// resulting_security_ids hold the balance warrant beside the stock, a
// transfer's the assignee's warrant (or, to the same stakeholder, the
// warrants it was exchanged for) and its balance_security_id the
// transferor's balance. Quantities the ledger needs that OCF does not state
// (the shares of an exercise) are worked out later, with the terms
// (ledgercase.go).

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// Step is one transaction of the ledger as the export has it: the OCF
// transaction that ended a warrant of the series and the warrants of the
// series it issued.
type Step struct {
	Tx      *Tx
	Type    compute.TransactionType // exercise, assignment, exchange or cancellation
	Date    compute.Date
	Warrant string // the number surrendered
	Root    Row    // the original warrant it descends from
	New     []Row  // assignment: the assignee's warrant; exchange: the new warrants, in order
	Balance *Row   // exercise, assignment: the warrant for what is left
	Reason  string // cancellation
	depth   int    // generations from the original: a same-day step acts after its parent's
}

// ledger sorts the rows (every warrant of the series ever issued, in
// issuance order) into originals and warrants issued by the transactions
// that ended a warrant of the series, in the order they apply, and lists
// the warrants outstanding at the end.
func (s *seriesImport) ledger(txs []*Tx, rows []Row, warrants, ended map[string]*Tx) {
	bySec := make(map[string]*Row, len(rows))
	for i := range rows {
		bySec[rows[i].SecurityID] = &rows[i]
	}
	createdBy := map[string]*Tx{}
	for _, t := range txs {
		if ended[t.SecurityID] != t || bySec[t.SecurityID] == nil {
			continue
		}
		for _, id := range newWarrantIDs(t, warrants) {
			if r := bySec[id]; r == nil {
				s.bad(t, "resulting_security_ids", fmt.Sprintf("security %q issued by %s for warrant %s is not a warrant of series %s", id, t.ID, bySec[t.SecurityID].Number, s.imp.Series), "new warrants of the same series")
			} else if first := createdBy[id]; first != nil {
				s.bad(t, "resulting_security_ids", fmt.Sprintf("security %q (%s) was already issued by %s", id, r.Number, first.ID), "each new warrant issued by one transaction")
			} else {
				createdBy[id] = t
				r.Parent = bySec[t.SecurityID].Number
			}
		}
	}
	for _, r := range rows {
		if createdBy[r.SecurityID] == nil {
			s.imp.Originals = append(s.imp.Originals, r)
		}
		if ended[r.SecurityID] == nil {
			s.imp.Rows = append(s.imp.Rows, r)
		}
	}
	for _, t := range txs {
		if w := bySec[t.SecurityID]; ended[t.SecurityID] == t && w != nil {
			if st, ok := s.step(t, w, bySec, createdBy); ok {
				s.imp.Steps = append(s.imp.Steps, st)
			}
		}
	}
	slices.SortStableFunc(s.imp.Steps, func(a, b Step) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.depth, b.depth)
	})
}

// newWarrantIDs are the warrants (of any series) t names as issued for
// the one it ended: an exercise's other resulting securities are stock,
// and a transfer's that no warrant issuance issued are reported by
// checkResulting.
func newWarrantIDs(t *Tx, warrants map[string]*Tx) []string {
	ids := slices.Clone(t.ResultingSecurityIDs)
	if t.BalanceSecurityID != "" {
		ids = append(ids, t.BalanceSecurityID)
	}
	return slices.DeleteFunc(ids, func(id string) bool { return warrants[id] == nil })
}

// step is the transaction of the ledger that t, ending warrant w, is; false
// once a problem is reported.
func (s *seriesImport) step(t *Tx, w *Row, bySec map[string]*Row, createdBy map[string]*Tx) (Step, bool) {
	st := Step{Tx: t, Date: w.Date, Warrant: w.Number}
	d, err := compute.ParseDate(t.Date)
	if err != nil {
		s.bad(t, "date", err.Error(), "YYYY-MM-DD")
		return st, false
	}
	st.Date = d
	root := w
	for tx := createdBy[root.SecurityID]; tx != nil; tx = createdBy[root.SecurityID] {
		root = bySec[tx.SecurityID]
		if st.depth++; st.depth > len(bySec) {
			s.bad(t, "security_id", fmt.Sprintf("%s descends from itself: each of its ancestors was issued by a transaction ending another", w.Number), "a lineage that starts at an original warrant")
			return st, false
		}
	}
	st.Root = *root
	var resulting []Row
	for _, id := range t.ResultingSecurityIDs {
		if r := bySec[id]; r != nil {
			resulting = append(resulting, *r)
		}
	}
	if r := bySec[t.BalanceSecurityID]; r != nil {
		st.Balance = r
	}
	for _, r := range append(slices.Clone(resulting), derefRows(st.Balance)...) {
		if r.Date.Compare(d) != 0 {
			s.bad(r.Issuance, "date", fmt.Sprintf("%s was issued on %s by %s %s, dated %s", r.Number, r.Date, t.ObjectType, t.ID, t.Date), "the date of the transaction that issued it")
			return st, false
		}
	}
	switch t.ObjectType {
	case "TX_WARRANT_EXERCISE":
		return s.exerciseStep(st, w, resulting)
	case "TX_WARRANT_TRANSFER":
		return s.transferStep(st, w, resulting)
	case "TX_WARRANT_CANCELLATION", "TX_WARRANT_RETRACTION":
		if st.Balance != nil {
			s.bad(t, "balance_security_id", fmt.Sprintf("%s cancels part of %s and keeps the rest in %s: the ledger cancels whole warrants", t.ID, w.Number, st.Balance.Number),
				"a cancellation of the whole warrant; a part is exchanged first (an exchange to the same stakeholder, then the cancellation of one of the new warrants)")
			return st, false
		}
		st.Type, st.Reason = compute.TxCancellation, strings.TrimSpace(t.ReasonText)
		if t.ObjectType == "TX_WARRANT_RETRACTION" {
			st.Reason = strings.TrimSuffix("retracted: "+st.Reason, ": ")
		}
		return st, true
	}
	return st, false
}

// exerciseStep is an exercise (§2): its only new warrant, if any, is the
// balance, the exercising holder's.
func (s *seriesImport) exerciseStep(st Step, w *Row, resulting []Row) (Step, bool) {
	st.Type = compute.TxExercise
	t := st.Tx
	if len(resulting) > 1 || (len(resulting) == 1 && resulting[0].StakeholderID != w.StakeholderID) {
		s.bad(t, "resulting_security_ids", fmt.Sprintf("the exercise %s of %s issues the warrants %s: the ledger's exercise issues at most one, the balance, to the same holder", t.ID, w.Number, rowNumbers(resulting)),
			"at most one warrant among the resulting securities, the exercising holder's")
		return st, false
	}
	if len(resulting) == 1 {
		st.Balance = &resulting[0]
	}
	return st, true
}

// transferStep is a transfer (§2(e)): to another stakeholder an assignment
// (one assignee's warrant, and the balance, the transferor's); to the same
// stakeholder, without a balance, an exchange into the resulting warrants.
func (s *seriesImport) transferStep(st Step, w *Row, resulting []Row) (Step, bool) {
	t := st.Tx
	if st.Balance != nil && st.Balance.StakeholderID != w.StakeholderID {
		s.bad(t, "balance_security_id", fmt.Sprintf("the balance %s of the transfer %s of %s is not the transferor's", st.Balance.Number, t.ID, w.Number), "a balance held by the holder of the warrant transferred")
		return st, false
	}
	self := len(resulting) > 0
	for _, r := range resulting {
		self = self && r.StakeholderID == w.StakeholderID
	}
	switch {
	case len(resulting) == 0:
		s.bad(t, "resulting_security_ids", fmt.Sprintf("the transfer %s of %s issues no warrant of series %s", t.ID, w.Number, s.imp.Series), "the warrant issued to the assignee")
		return st, false
	case self && st.Balance == nil:
		st.Type, st.New = compute.TxExchange, resulting
		return st, true
	case len(resulting) > 1:
		s.bad(t, "resulting_security_ids", fmt.Sprintf("the transfer %s of %s issues %d warrants (%s): the ledger's assignment has one assignee", t.ID, w.Number, len(resulting), rowNumbers(resulting)),
			"one assignee's warrant (and a balance_security_id), or an exchange: warrants all held by the transferor, without balance")
		return st, false
	}
	st.Type, st.New = compute.TxAssignment, resulting
	return st, true
}

func derefRows(r *Row) []Row {
	if r == nil {
		return nil
	}
	return []Row{*r}
}

func rowNumbers(rows []Row) string {
	var ns []string
	for _, r := range rows {
		ns = append(ns, r.Number)
	}
	return strings.Join(ns, ", ")
}
