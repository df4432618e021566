package books

import (
	"fmt"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// Exercise computes the exercise of w (compute.Exercise: §2, §6, §7) and,
// when out is not "", writes its documents into out (absent or empty): the
// filled Exercise Form with its schedule, the new warrant for the balance
// (§2(d)(ii)) and the issuer's record of the exercised warrant; then, last,
// exercise.json. Every document is made before the first file is written.
func (b *Books) Exercise(w compute.Warrant, in compute.ExerciseInput, out string, opt Options) (*compute.ExerciseResult, error) {
	res, err := compute.Exercise(b.Terms, w, b.Events, in)
	if err != nil {
		return nil, InCaseFile(err, b.CasePath)
	}
	if out == "" {
		return res, nil
	}
	return res, b.writeExercise(out, w, in.Date, res, opt)
}

func (b *Books) writeExercise(dir string, w compute.Warrant, date compute.Date, res *compute.ExerciseResult, opt Options) error {
	c, docs := b.Case, opt.Documents
	nn, err := numbering(c, opt.FirstNumber, 1) // checked before anything is written
	if err != nil {
		return err
	}
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
	doc, err := templates.ExerciseForm(c, templates.ExerciseInput{Warrant: w, Result: res, Date: date}, docs)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, dir, "exercise-form-"+fileName(w.Number)+".pdf", doc); err != nil {
		return err
	}
	record := templates.RecordInput{Old: w, Date: date, IssuedTo: w.Holder.Name,
		Reason: fmt.Sprintf("was exercised for %s shares of Warrant Stock (%s)", templates.Figures(v.Exercised, t.ShareDecimals), res.Method)}
	if v.Remaining.Sign() > 0 {
		nw, err := writeReplacement(rec, dir, c, w, w.Holder, v.Remaining, nn.take(), v.Adjustment, date, docs)
		if err != nil {
			return err
		}
		record.New, record.Shares = append(record.New, nw), append(record.Shares, nw.Shares)
		rec.NewWarrants = append(rec.NewWarrants, recordWarrant("balance", c, nw.Number, nw.Holder, nw.Shares, v.State.Price))
	}
	rdoc, err := templates.IssuerRecord(c, record, docs)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, dir, "records/"+fileName(w.Number)+".pdf", rdoc); err != nil {
		return err
	}
	return finishRecord(dir, rec)
}
