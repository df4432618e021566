package books

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// Exercise computes the exercise of the warrant numbered num, outstanding
// in the ledger (compute.ExerciseOn: §2, §6, §7, on the state the ledger's
// replay gives it on the date) and, when out is not "", writes its documents
// into out (absent or empty): the filled Exercise Form with its schedule,
// the new warrant for the balance (§2(d)(ii)) and the issuer's record of the
// exercised warrant; then the ledger with the exercise appended (SPEC §5.2)
// and, last, exercise.json. With record, the case file is then replaced by
// that ledger. Every document is made before the first file is written.
func (b *Books) Exercise(num string, in compute.ExerciseInput, out string, record bool, opt Options) (*compute.ExerciseResult, error) {
	if err := compute.ExerciseWindow(b.Terms, in); err != nil {
		return nil, err
	}
	adj, err := b.acting(num, in.Date)
	if err != nil {
		return nil, err
	}
	w := adj.Subject
	w.Number = adj.Warrant
	res, err := compute.ExerciseOn(b.Terms, w, adj, in)
	if err != nil {
		return nil, InCaseFile(err, b.CasePath)
	}
	if out == "" {
		return res, nil
	}
	if err := b.Printable(opt.Documents.Font); err != nil {
		return nil, err
	}
	tx := b.next(compute.TxExercise, num, in.Date)
	tx.Shares, tx.Method, tx.MarketValue = in.Shares, in.Method, in.MarketValue
	if in.Method == compute.MethodCombined {
		tx.CashlessShares = in.CashlessShares
	}
	if res.Values.Remaining.Sign() > 0 {
		nn, err := b.NewNumbers(opt.FirstNumber, 1) // checked before anything is written
		if err != nil {
			return nil, err
		}
		tx.Balance = nn[0]
	}
	st, err := b.perform(tx)
	if err != nil {
		return nil, err
	}
	return res, b.writeExercise(out, w, st, res, record, opt)
}

func (b *Books) writeExercise(dir string, w compute.Warrant, st *ledgerStep, res *compute.ExerciseResult, record bool, opt Options) error {
	c, docs := b.Case, opt.Documents
	v := res.Values
	rec, err := newRecord(b, "exercise", w, v.State, opt)
	if err != nil {
		return err
	}
	t := c.Terms
	rec.Exercise = &folder.Exercise{Date: res.Date, Method: res.Method, WarrantPrice: res.WarrantPrice, MarketValue: res.MarketValue,
		SharesExercised: res.SharesExercised, CashlessShares: v.Exercised.Sub(v.CashPart).StringFixed(t.ShareDecimals), CashShares: v.CashPart.StringFixed(t.ShareDecimals),
		SharesIssued: res.SharesIssued, SharesCanceled: res.SharesCanceled, Fraction: res.Fraction, CashInLieu: res.CashInLieu,
		AggregatePrice: res.AggregatePrice, RemainingShares: res.RemainingShares}
	rec.exercise = res
	doc, err := templates.ExerciseForm(c, templates.ExerciseInput{Warrant: w, Result: res, Date: st.tx.Date}, docs)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, "exercise-form-"+fileName(w.Number)+".pdf", doc); err != nil {
		return err
	}
	return b.finishTransaction(dir, rec, st, w, record, docs)
}

// finishTransaction renders the new warrants of st and the issuer's record,
// lists them in rec, appends st to the ledger and writes everything into dir.
func (b *Books) finishTransaction(dir string, rec *pendingRecord, st *ledgerStep, old compute.Warrant, record bool, docs templates.Options) error {
	news, err := b.newWarrantDocs(rec, st, docs)
	if err != nil {
		return err
	}
	for i, nw := range news {
		rec.NewWarrants = append(rec.NewWarrants, recordWarrant(st.news[i].CreatedBy.Role, b.Case, nw.Number, nw.Holder, nw.Shares, st.news[i].Initial.Price))
	}
	ri := templates.RecordOf(b.Terms, st.tx, old, news)
	ri.Exercise = rec.exercise
	rdoc, err := templates.IssuerRecord(b.Case, ri, docs)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, "records/"+fileName(old.Number)+".pdf", rdoc); err != nil {
		return err
	}
	if st.tx.Type == compute.TxReplacement {
		if err := replacementAffidavit(b.Case, rec, st.tx, old, docs); err != nil {
			return err
		}
	}
	if err := b.record(st); err != nil {
		return err
	}
	return b.finishStep(dir, rec, st, record)
}

// An ExerciseForm is an exercise as the holder states it, in text: what the
// Exercise Form attached to the Warrant asks (§2(a), §2(b)) and what the §7
// cap needs. The names of the problems are those of warrantkit exercise's
// flags.
type ExerciseForm struct {
	Shares         string // Y: shares of Warrant Stock exercised
	Date           string // YYYY-MM-DD, or YYYY-MM-DDTHH:MM in the Warrant's time zone
	Method         string // cash, cashless or combined
	CashlessShares string // with combined: the part of Shares exercised cashless
	MarketValue    string // B: the Per Share Market Value (§8)
	Owned          string // H: shares of Common Stock the holder owns; "": not stated, taken as 0
	Outstanding    string // O: shares of Common Stock outstanding
	WaiverNotice   string // the date a §7 Waiver Notice was given
}

// Input reads the form into the exercise compute takes, each field checked
// as it is read.
func (f ExerciseForm) Input(t compute.Terms) (compute.ExerciseInput, error) {
	in := compute.ExerciseInput{Method: f.Method}
	var err error
	if in.Date, in.Time, err = parseExerciseDate(f.Date, t.Location); err != nil {
		return in, err
	}
	if in.Shares, err = ParseDecimal("shares", f.Shares); err != nil {
		return in, err
	}
	if f.CashlessShares != "" {
		if in.CashlessShares, err = ParseDecimal("cashless_shares", f.CashlessShares); err != nil {
			return in, err
		}
	} else if f.Method == compute.MethodCombined {
		return in, &UsageError{Msg: "exercise: --method combined needs --cashless-shares"}
	}
	if f.MarketValue != "" {
		b, err := ParseDecimal("market_value", f.MarketValue)
		if err != nil {
			return in, err
		}
		if b.Sign() <= 0 {
			return in, &compute.InputError{Field: "market_value", Problem: fmt.Sprintf("%s is not positive", b), Allowed: "a price above 0"}
		}
		mv := compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{b}, t.PriceDecimals)
		in.MarketValue = &mv
	}
	if f.Owned != "" { // not stated: taken as 0, and the Exercise Form's §7 line stays blank
		if in.Owned, err = ParseDecimal("owned", f.Owned); err != nil {
			return in, err
		}
		in.OwnedStated = true
	}
	if f.Outstanding != "" {
		if in.Outstanding, err = ParseDecimal("outstanding", f.Outstanding); err != nil {
			return in, err
		}
		if in.Outstanding.Sign() <= 0 {
			return in, &compute.InputError{Field: "outstanding", Problem: fmt.Sprintf("%s is not positive", in.Outstanding), Allowed: "a number of shares above 0"}
		}
	}
	if in.Owned.Sign() < 0 {
		return in, &compute.InputError{Field: "owned", Problem: fmt.Sprintf("%s is negative", in.Owned), Allowed: "0 or more shares"}
	}
	if f.WaiverNotice != "" {
		if in.WaiverNotice, err = compute.ParseDate(f.WaiverNotice); err != nil {
			return in, &compute.InputError{Field: "waiver_notice", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
	}
	return in, nil
}

// parseExerciseDate accepts YYYY-MM-DD or a wall time YYYY-MM-DDTHH:MM[:SS]
// in the Warrant's time zone.
func parseExerciseDate(s string, loc *time.Location) (compute.Date, time.Time, error) {
	const allowed = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM on the last day of the Term"
	if !strings.Contains(s, "T") {
		d, err := compute.ParseDate(s)
		if err != nil {
			return d, time.Time{}, &compute.InputError{Field: "exercise_date", Problem: err.Error(), Allowed: allowed}
		}
		return d, time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			if _, err := compute.ParseDate(t.Format(time.DateOnly)); err != nil {
				return compute.Date{}, time.Time{}, &compute.InputError{Field: "exercise_date", Problem: err.Error(), Allowed: allowed}
			}
			return compute.DateOf(t), t, nil
		}
	}
	return compute.Date{}, time.Time{}, &compute.InputError{Field: "exercise_date", Problem: fmt.Sprintf("%q is not a date", s), Allowed: allowed}
}
