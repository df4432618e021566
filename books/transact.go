package books

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/templates"
)

// A transaction on the books (SPEC §2.5, §5.2): checked against the ledger
// (the case file's transactions), its documents made from the lineage the
// engine computes with it, and the ledger written with it appended.

// ledgerStep is one transaction performed on the books.
type ledgerStep struct {
	tx      compute.Transaction
	lineage []*compute.Adjustment // every warrant of the surrendered warrant's lineage, with tx
	old     *compute.Adjustment   // the surrendered warrant's history: Final is the state tx acted on
	news    []*compute.Adjustment // the warrants tx issued, in the order it names them
	ledger  []byte                // the case file with tx appended
	name    string                // the ledger's file name in an output directory: case.yaml or case.json
}

// ledger is the structure of the books' ledger with extra transactions
// appended; without any, the ledger as read, built once.
func (b *Books) ledger(extra ...compute.Transaction) (*compute.Ledger, error) {
	if len(extra) == 0 && b.base != nil {
		return b.base, nil
	}
	numbers := make([]string, len(b.Warrants))
	for i, w := range b.Warrants {
		numbers[i] = w.Number
	}
	l, err := compute.NewLedger(b.Terms, numbers, append(b.transactions(), extra...))
	if err != nil {
		return nil, InCaseFile(err, b.CasePath)
	}
	if len(extra) == 0 {
		b.base = l
	}
	return l, nil
}

// transactions are the case's transactions, a copy the caller may append to.
func (b *Books) transactions() []compute.Transaction {
	return append([]compute.Transaction(nil), b.Transactions...)
}

// next is the next transaction of the ledger, as appended: its position and
// where errors place it.
func (b *Books) next(tt compute.TransactionType, num string, date compute.Date) compute.Transaction {
	return compute.Transaction{Index: len(b.Transactions) + 1, Type: tt, Warrant: num, Date: date}
}

// Outstanding is the number of warrant num as the ledger spells it, if it is
// outstanding after every transaction of the ledger.
func (b *Books) Outstanding(num string) (string, error) {
	l, err := b.ledger()
	if err != nil {
		return "", err
	}
	return l.Outstanding(num)
}

// NewNumbers are count new numbers for a transaction: from first if given,
// else the next free numbers of the series (one above the highest number of
// any warrant of the ledger). A number already used is refused when the
// transaction is checked against the ledger.
func (b *Books) NewNumbers(first string, count int) ([]string, error) {
	originals := newIssued(b.Terms.Series)
	for i, w := range b.Warrants { // new numbers can follow the originals'
		if ie := originals.add(w.Number); ie != nil {
			ie.File, ie.Line, ie.Field = b.CasePath, w.Line, fmt.Sprintf("warrants[%d].number", i+1)
			if b.RegisterPath != "" {
				ie.File, ie.Line, ie.Row, ie.Field = b.RegisterPath, 0, w.Line, "number"
			}
			return nil, ie
		}
	}
	l, err := b.ledger()
	if err != nil {
		return nil, err
	}
	start := first
	if start == "" {
		start = l.NextNumber()
	}
	nn, err := newIssued(b.Terms.Series).numbers(start, count)
	if err != nil {
		return nil, err
	}
	out := make([]string, count)
	for i := range out {
		if out[i] = nn.take(); l.Used(out[i]) {
			return nil, &compute.InputError{Field: "first_number", Problem: fmt.Sprintf("%s is already issued", out[i]),
				Allowed: fmt.Sprintf("%s not used by any warrant of the ledger, such as from %s", newNumbersText(count), l.NextNumber())}
		}
	}
	return out, nil
}

// acting is the history of the warrant numbered num up to a transaction on
// date that surrenders it: the adjustments of every event before date, the
// pending ones made. It is found by appending a cancellation, which names
// no quantity, and replaying its lineage.
func (b *Books) acting(num string, date compute.Date) (*compute.Adjustment, error) {
	probe := b.next(compute.TxCancellation, num, date)
	st, err := b.perform(probe)
	if err != nil {
		return nil, err
	}
	return st.old, nil
}

// perform checks tx against the ledger, replays the lineage of the warrant
// it surrenders and returns the step. Nothing is written.
func (b *Books) perform(tx compute.Transaction) (*ledgerStep, error) {
	if err := b.checkAppend(tx); err != nil {
		return nil, err
	}
	l, err := b.ledger(tx)
	if err != nil {
		return nil, asFlags(err, tx)
	}
	root, err := FindWarrant(b.Case, l.Root(tx.Warrant))
	if err != nil {
		return nil, err
	}
	// The documents are of the day of the transaction: events after it are
	// not known yet.
	adjs, err := l.Lineage(root, b.Events, tx.Date)
	if err != nil {
		return nil, asFlags(InCaseFile(err, b.CasePath), tx)
	}
	st := &ledgerStep{tx: tx, lineage: adjs}
	for _, a := range adjs {
		switch {
		case a.Surrendered != nil && a.Surrendered.Index == tx.Index:
			st.old = a
		case a.CreatedBy != nil && a.CreatedBy.Index == tx.Index:
			st.news = append(st.news, atIssue(a))
		}
	}
	if st.old == nil {
		return nil, fmt.Errorf("the %s of %s on %s surrendered nothing", tx.Type, tx.Warrant, tx.Date)
	}
	return st, nil
}

// checkAppend refuses a transaction a command would append that the ledger
// cannot take at its end: dated outside the Term (§1), before the ledger's
// latest transaction (a command records what happens now, after what is
// recorded), or on the day a reissue issued its warrant (the reissue applies
// at the end of that day).
func (b *Books) checkAppend(tx compute.Transaction) error {
	if err := b.inTerm(tx.Date); err != nil {
		return err
	}
	l, err := b.ledger()
	if err != nil {
		return err
	}
	if last := l.Last(); tx.Date.Before(last) {
		return &compute.InputError{Field: "transaction_date", Problem: fmt.Sprintf("%s is before %s, the date of the ledger's latest transaction: a new transaction is recorded after those already recorded", tx.Date, last),
			Allowed: fmt.Sprintf("%s or later", last)}
	}
	if by := l.IssuedBy(tx.Warrant); by != nil && by.Type == compute.TxReissue && by.Date == tx.Date {
		return &compute.InputError{Field: "transaction_date", Problem: fmt.Sprintf("%s is issued at the end of %s, by the reissue %s, after that day's events", tx.Warrant, tx.Date, by.Name()),
			Allowed: "a date after " + tx.Date.String()}
	}
	return nil
}

// asFlags places an error about the transaction a command appends (its
// fields are the command's flags, not lines of the case file).
func asFlags(err error, tx compute.Transaction) error {
	var ie *compute.InputError
	if !errors.As(err, &ie) {
		return err
	}
	field, ok := strings.CutPrefix(ie.Field, tx.Path()+".")
	if !ok {
		return err
	}
	switch {
	case field == "date":
		field = "transaction_date"
	case field == "balance", field == "number", field == "first_number", strings.HasPrefix(field, "into["):
		field = "first_number"
	}
	ie.Field, ie.File, ie.Line = field, "", 0
	return err
}

// atIssue is a created warrant's history as it stood when issued: its
// initial state, before the events of its day (§4(g)(ii): they occur at the
// close of business).
func atIssue(a *compute.Adjustment) *compute.Adjustment {
	c := *a
	c.Entries, c.Final, c.Pending, c.Surrendered = nil, a.Initial, nil, nil
	return &c
}

// record appends st's transaction to the case file's bytes: the ledger the
// command writes into its directory, and with --record over the case file.
func (b *Books) record(st *ledgerStep) error {
	data, err := casefile.AppendTransactions(b.CasePath, b.caseData, []compute.Transaction{st.tx}, b.Terms)
	if err != nil {
		return InCaseFile(err, b.CasePath)
	}
	st.ledger, st.name = data, LedgerName(b.CasePath, b.caseData)
	return nil
}

// newWarrantDocs renders each warrant st issued, full text with its
// Schedule of Adjustments along its lineage, into rec.
func (b *Books) newWarrantDocs(rec *pendingRecord, st *ledgerStep, opt templates.Options) ([]compute.Warrant, error) {
	txs := append(b.transactions(), st.tx)
	var out []compute.Warrant
	for _, a := range st.news {
		chain := templates.Lineage(b.Terms.Series, replaceAdj(st.lineage, a), a.Warrant)
		in := templates.CreatedWarrant(chain, txs)
		in.Issued = st.tx.Date
		doc, err := templates.Warrant(b.Case, in, opt)
		if err != nil {
			return nil, err
		}
		if err := recordDoc(rec, "warrants/"+fileName(a.Warrant)+".pdf", doc); err != nil {
			return nil, err
		}
		w := a.Subject
		w.Number = a.Warrant
		out = append(out, w)
	}
	return out, nil
}

// replaceAdj is all with the adjustment of a's warrant replaced by a.
func replaceAdj(all []*compute.Adjustment, a *compute.Adjustment) []*compute.Adjustment {
	out := make([]*compute.Adjustment, len(all))
	for i, x := range all {
		out[i] = x
		if x.Warrant == a.Warrant {
			out[i] = a
		}
	}
	return out
}

// finishStep writes rec with the ledger into dir and, when opt.Record,
// replaces the case file with the ledger: the directory first, so that a
// failure leaves the case file as it was. A binary built with -tags
// testhooks stalls at "record" in between, for the tests of a case file
// changed meanwhile and of a kill (cmd/warrantkit/ledger_record_test.go).
func (b *Books) finishStep(dir string, rec *pendingRecord, st *ledgerStep, record bool) error {
	ledger := rec.add(st.name, st.ledger)
	rec.Ledger = &ledger
	if err := finishRecord(dir, rec); err != nil {
		return err
	}
	if record {
		stallAt("record")
		err := RecordCase(b.CasePath, b.caseData, st.ledger)
		if errors.Is(err, ErrCaseChanged) {
			// dir holds documents and a ledger made from the file as it was.
			return fmt.Errorf("%w (to the case file; %s, made from the file as it was read, is void: delete it first)", err, dir)
		}
		return err
	}
	return nil
}

// LedgerPath is where a command writes the ledger in dir.
func LedgerPath(dir, casePath string, data []byte) string {
	return filepath.Join(dir, LedgerName(casePath, data))
}
