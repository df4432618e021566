package books

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/warrantkit/warrantkit/compute/casefile"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/render"
)

// A reissue re-issues every warrant of a register after the case's events
// (SPEC §5.1): per warrant its certificates of adjustment, the replacement
// warrant and the issuer's cancellation record; then register.csv,
// summary.csv and, last, manifest.json. The register streams through a pool
// of workers; results are put back in register order, so the output does not
// depend on the number of workers.

// Reissue re-issues the warrants of the register at registerPath, after the
// events of the case file at casePath, into the directory out: absent, empty,
// or (with opt.Resume) a reissue of the same inputs and options that was
// stopped. Every row is checked before the first file is written.
//
// Canceled (ctx) after it claimed out, it returns a *Stopped; the files
// written stay, for opt.Resume to keep.
func Reissue(ctx context.Context, casePath, registerPath, out string, opt Options) (Stats, error) {
	r, err := plan(casePath, registerPath, out, opt)
	if err != nil {
		return Stats{}, err
	}
	if ctx.Err() != nil {
		return Stats{}, fmt.Errorf("reissue %w before writing anything", context.Cause(ctx))
	}
	if err := r.claimOutput(); err != nil {
		return Stats{}, err
	}
	defer r.release()
	stallAt("claimed")
	stats, err := r.run(ctx)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			return stats, &Stopped{Cause: context.Cause(ctx), Done: stats.Done, Total: r.count, Dir: out}
		}
		return stats, err
	}
	stallAt("done")
	if opt.Record {
		return stats, RecordCase(casePath, r.caseData, r.ledgerData)
	}
	return stats, nil
}

// reissueRun is one reissue (or its verification): the case, the options and
// where the files go.
type reissueRun struct {
	c      *compute.Case
	opt    Options
	ro     folder.Options
	date   compute.Date
	out    string
	resume bool
	count  int
	// ledger is the case's ledger with the reissue appended; reissue is
	// that transaction, reissued the number of warrants it re-issues.
	ledger     *compute.Ledger
	reissue    compute.Transaction
	reissued   int
	ledgerName string                // case.yaml or case.json
	ledgerData []byte                // the case file with the reissue appended (SPEC §5.2)
	txs        []compute.Transaction // the case's transactions and the reissue, for the Schedules
	regPath    string                // the register to stream (the copy in out/inputs)
	caseHash   folder.File
	regHash    folder.File
	// srcCase and srcReg are the inputs as given, named in messages and
	// copied into out/inputs by the claim.
	srcCase, srcReg string
	caseData        []byte
	// sink, when set, receives each document instead of the file system:
	// verify checks them. Unset, run writes them (startSink).
	sink sinkFunc
	// contact: the register view has the email and tax_id_last4 columns.
	contact bool
	// lock is out, locked against a second run until release.
	lock *os.File
}

// sinkFunc receives one document of the run.
type sinkFunc func(rel string, data []byte) (folder.File, error)

// prepare plans a reissue and claims its output directory.
func prepare(casePath, regPath, out string, opt Options) (*reissueRun, error) {
	r, err := plan(casePath, regPath, out, opt)
	if err != nil {
		return nil, err
	}
	return r, r.claimOutput()
}

// plan checks everything that can be checked before a file is written: the
// options, the case, every row of the register.
func plan(casePath, regPath, out string, opt Options) (*reissueRun, error) {
	c, caseData, err := openCaseData(casePath)
	if err != nil {
		return nil, err
	}
	if err := checkFileNames(c, casePath); err != nil {
		return nil, err
	}
	if err := CheckPrintable(c, "", opt.Documents.Font); err != nil {
		return nil, err
	}
	var scan registerScan
	regHash, count, issued, err := readRegisterFile(regPath, c, &scan, opt.Documents.Font)
	if err != nil {
		return nil, err
	}
	day, err := reissueDate(c, opt.Date)
	if err != nil {
		return nil, err
	}
	l, tx, err := reissueLedger(c, casePath, scan.numbers, issued, day, opt.FirstNumber)
	if err != nil {
		return nil, err
	}
	ledgerData, err := casefile.AppendTransactions(casePath, caseData, []compute.Transaction{tx}, c.Terms)
	if err != nil {
		return nil, InCaseFile(err, casePath)
	}
	docs := opt.Documents
	ro := folder.Options{FirstNumber: tx.FirstNumber, ESign: docs.ESign, EmbedData: docs.EmbedData, Bundle: opt.Bundle, Date: day.String()}
	if !docs.Created.IsZero() {
		ro.Created = docs.Created.Format(time.RFC3339)
	}
	if docs.Font != nil {
		ro.Font = docs.Font.SHA256()
	}
	r := &reissueRun{c: c, opt: opt, ro: ro, date: day, out: out, resume: opt.Resume, count: count,
		ledger: l, reissue: tx, reissued: len(l.Surrendered(tx.Index)),
		ledgerName: LedgerName(casePath, caseData), ledgerData: ledgerData, txs: append(slices.Clone(c.Transactions), tx),
		caseHash: entry(folder.CaseCopy(casePath), caseData),
		regHash:  regHash, srcCase: casePath, srcReg: regPath, caseData: caseData,
		contact: scan.contact,
	}
	r.regPath = filepath.Join(out, r.regHash.Path)
	// The first warrant's lineage is replayed before anything is written: an
	// event the engine refuses for every warrant is refused here, not by
	// every worker once the directory is claimed. (One refused for some
	// warrants only, by their share number, still ends the run at that row:
	// replaying every row first would cost a run of 100,000 warrants ~15 s.)
	if _, err := l.Lineage(scan.first, c.Events, day); err != nil {
		return nil, r.rowError(job{index: 0, w: scan.first}, err)
	}
	return r, nil
}

// registerScan is what readRegisterFile notes of the rows besides their
// count: the first warrant, and whether any row has an email or a tax id
// (the register view then has those columns, registerview.go).
type registerScan struct {
	first   compute.Warrant
	contact bool
	numbers []string // every row's, for the ledger
}

// readRegisterFile reads and validates every row of the register, as a
// stream, before anything is written; it keeps no rows: only its hash, the
// count, the numbers issued and what scan notes. A holder's name or address
// with characters that would print blank, in the embedded font or the
// fallback font, is refused (RowPrintable).
func readRegisterFile(path string, c *compute.Case, scan *registerScan, font *render.Font) (in folder.File, count int, issued *issuedNumbers, err error) {
	in = folder.File{Path: folder.RegisterCopy}
	f, err := safepath.OpenRegular(path, "register")
	if errors.As(err, new(*safepath.Error)) {
		return in, 0, nil, err
	}
	if err != nil {
		return in, 0, nil, &compute.InputError{File: path, Field: "register", Problem: fmt.Sprintf("cannot read the register: %v", safepath.Unwrap(err))}
	}
	defer f.Close()
	counted := newHashWriter()
	rr, err := casefile.NewRegisterReader(path, bufio.NewReader(io.TeeReader(f, counted)), c.Terms)
	if err != nil {
		return in, 0, nil, err
	}
	issued = newIssued(c.Terms.Series)
	for {
		w, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return in, 0, nil, err
		}
		if count++; count == 1 {
			scan.first = w
		}
		scan.contact = scan.contact || w.Email != "" || w.TaxID4 != ""
		// A clone: w.Number is a slice of the row's text, which the CSV
		// reader allocates whole; the ledger keeps the number to the end of
		// the run, and would keep the row with it (11 MB of 100,000 rows).
		scan.numbers = append(scan.numbers, strings.Clone(w.Number))
		if ie := issued.add(w.Number); ie != nil {
			ie.File, ie.Row, ie.Field = path, w.Line, "number"
			return in, 0, nil, ie
		}
		if err := RowPrintable(path, w, font); err != nil {
			return in, 0, nil, err
		}
	}
	if count == 0 {
		return in, 0, nil, &compute.InputError{File: path, Field: "register", Problem: "the register has a header but no warrants", Allowed: "one row per outstanding warrant"}
	}
	if _, err := io.Copy(counted, f); err != nil { // whatever the CSV reader left unread
		return in, 0, nil, err
	}
	in.SHA256, in.Size = counted.sum(), counted.size
	return in, count, issued, nil
}

// reissueLedger is the ledger of the case and the register's original
// warrants (numbers) with a reissue on day appended: every warrant
// outstanding at the end of day is surrendered and re-issued, numbered from
// first (default: the next free number of the ledger).
func reissueLedger(c *compute.Case, casePath string, numbers []string, issued *issuedNumbers, day compute.Date, first string) (*compute.Ledger, compute.Transaction, error) {
	tx := compute.Transaction{Index: len(c.Transactions) + 1, Type: compute.TxReissue, Date: day, FirstNumber: first}
	t := c.Terms
	if err := inTerm(t, "reissue_date", day); err != nil {
		return nil, tx, err
	}
	before, err := compute.NewLedger(t, numbers, c.Transactions)
	if err != nil {
		return nil, tx, InCaseFile(err, casePath)
	}
	if last := before.Last(); day.Before(last) {
		return nil, tx, &compute.InputError{Field: "reissue_date", Problem: fmt.Sprintf("%s is before %s, the date of the ledger's latest transaction: a reissue is recorded after those already recorded", day, last),
			Allowed: fmt.Sprintf("%s or later", last)}
	}
	// Nothing of the ledger before the reissue is kept while the one with
	// it is built: at 100,000 rows with a reissue in the ledger, holding
	// both peaked 30 MB higher.
	next := before.NextNumber()
	if tx.FirstNumber == "" {
		if _, err := issued.numbers("", 1); err != nil { // the register ends at the last number
			return nil, tx, err
		}
		tx.FirstNumber = next
	} else if _, err := newIssued(t.Series).numbers(first, 1); err != nil { // the form of --first-number
		return nil, tx, err
	}
	l, err := compute.NewLedger(t, numbers, append(slices.Clone(c.Transactions), tx))
	var ie *compute.InputError
	if errors.As(err, &ie) && strings.HasPrefix(ie.Field, tx.Path()+".first_number") {
		ie.Field, ie.Line = "first_number", 0 // the reissue's numbers are --first-number's
		ie.Allowed = "a first number from which as many numbers are free as warrants are outstanding, such as " + next
		return nil, tx, err
	}
	if err != nil {
		return nil, tx, InCaseFile(err, casePath)
	}
	n := len(l.Surrendered(tx.Index))
	if n == 0 {
		return nil, tx, &compute.InputError{Field: "reissue_date", Problem: fmt.Sprintf("no warrant is outstanding at the end of %s: every one was surrendered", day), Allowed: "a date on which warrants are outstanding"}
	}
	if _, err := issued.numbers(tx.FirstNumber, n); err != nil { // no number beyond 18 digits
		return nil, tx, err
	}
	return l, tx, nil
}

// reissueDate is --date, or the effective date of the last event or the
// date of the last transaction, whichever is later.
func reissueDate(c *compute.Case, date string) (compute.Date, error) {
	if date != "" {
		d, err := compute.ParseDate(date)
		if err != nil {
			return d, &compute.InputError{Field: "reissue_date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
		return d, nil
	}
	last := c.Terms.OriginalIssueDate
	for _, e := range c.Events {
		if e.Effective().After(last) {
			last = e.Effective()
		}
	}
	for _, x := range c.Transactions {
		if x.Date.After(last) {
			last = x.Date
		}
	}
	return last, nil
}
