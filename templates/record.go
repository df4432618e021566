package templates

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The record "For Use by the Issuer Only", filled.

// RecordInput is the Issuer's record of a warrant canceled, transferred or
// exchanged, and of what was issued for it.
type RecordInput struct {
	Old      compute.Warrant
	Date     compute.Date
	IssuedTo string // the name shares of Common Stock were issued in (exercise)
	New      []compute.Warrant
	Shares   []decimal.Decimal // the shares of each new warrant
	Reason   string            // e.g. "exercised", "transferred", "exchanged after the 2:1 split"
	// Notes are paragraphs after the reason: what the Warrant required of
	// the transaction (the §3(d) affidavit and indemnity), or that nothing
	// was issued.
	Notes []string `json:",omitempty"`
	// FillIn are labels of lines left to fill in by hand, e.g. "Affidavit
	// of loss received on:".
	FillIn []string `json:",omitempty"`
	// Exercise is the exercise the record is of (compute.Exercise), for it
	// to state the shares of Common Stock issued, the shares canceled, the
	// Warrant Price paid in cash and the cash in lieu of a fraction.
	Exercise *compute.ExerciseResult `json:",omitempty"`
}

// IssuerRecord is the "For Use by the Issuer Only" record, filled: the old
// warrant canceled and the new warrants issued for it.
func IssuerRecord(c *compute.Case, in RecordInput, opt Options) (*render.Doc, error) {
	t := c.Terms
	d, err := newDoc(c, opt, "Issuer Record — Warrant No. "+in.Old.Number, "Cancellation, transfer or exchange of the Warrant", in.Old.Number, "Issuer Record", in.Date)
	if err != nil {
		return nil, err
	}
	fields := map[string]string{
		"record_old_number": in.Old.Number,
		"record_day":        ordinalDay(in.Date),
		"record_month":      monthName(in.Date),
		"record_year":       yearOf(in.Date),
		"record_issued_to":  in.IssuedTo,
	}
	if len(in.New) > 0 {
		fields["record_new_number"], fields["record_new_shares"] = newWarrantsText(t, in)
		fields["record_new_holder"] = in.New[0].Holder.Name
	}
	blocks, err := WarrantText("issuer-record", merge(c, fields))
	if err != nil {
		return nil, err
	}
	d.Add(blocks...)
	if len(in.New) > 0 || in.Reason != "" {
		rows := make([][]string, 0, len(in.New))
		for i, w := range in.New {
			rows = append(rows, []string{w.Number, w.Holder.Name, shares(t, in.Shares[i])})
		}
		d.Add(render.Spacer{Height: 6})
		if in.Reason != "" {
			d.Add(para(render.T(fmt.Sprintf("On %s, Warrant No. %s, held by %s, %s.", LongDate(in.Date), in.Old.Number, in.Old.Holder.Name, in.Reason))))
		}
		if x := in.Exercise; x != nil {
			d.Add(render.Table{Widths: []float64{120, 45}, Align: []render.Align{render.Left, render.Right}, Rows: exerciseRecordRows(t, in, x)},
				render.Spacer{Height: 3})
		}
		if len(rows) > 0 {
			d.Add(render.Table{Header: []string{"New Warrant No.", "Holder", "Warrant Share Number"}, Widths: []float64{40, 80, 45},
				Align: []render.Align{render.Left, render.Left, render.Right}, Rows: rows})
		}
	}
	for _, n := range in.Notes {
		d.Add(para(render.T(n)))
	}
	if len(in.FillIn) > 0 {
		lines := make([]render.SignatureLine, len(in.FillIn))
		for i, l := range in.FillIn {
			lines[i] = render.SignatureLine{Label: l}
		}
		d.Add(render.Signature{Lines: lines, Width: 70})
	}
	if err := attachData(d, opt, "record.json", in); err != nil {
		return nil, err
	}
	return d, nil
}

// exerciseRecordRows are what the Issuer did on an exercise: the shares of
// Common Stock issued, the shares canceled in payment (cashless), the
// Warrant Price received in cash and the cash paid in lieu of a fraction.
func exerciseRecordRows(t compute.Terms, in RecordInput, x *compute.ExerciseResult) [][]string {
	rows := [][]string{
		{"Warrant Price in effect", "$" + group(x.WarrantPrice)},
		{"Shares of Warrant Stock exercised", group(x.SharesExercised)},
	}
	if x.Method != compute.MethodCash {
		rows = append(rows, []string{"Shares canceled in payment of the Warrant Price (Section 2(c))", group(x.SharesCanceled)})
	}
	if x.Method != compute.MethodCashless {
		rows = append(rows, []string{"Warrant Price received in cash", "$" + group(x.AggregatePrice)})
	}
	issued := "Shares of Common Stock issued"
	if in.IssuedTo != "" {
		issued += " in the name of " + in.IssuedTo
	}
	return append(rows,
		[]string{issued, figs(t, x.SharesIssued)},
		[]string{"Cash paid in lieu of a fractional share (Section 6)", "$" + group(x.CashInLieu)},
		[]string{"Shares remaining under the Warrant", group(x.RemainingShares)},
	)
}

// newWarrantsText fills the form's "Warrant No. W-___ issued for ___
// shares" with the new warrants: the first (as the form has room for one),
// or, when they all go to one holder (an exchange), every one of them: "W-F-05-010
// and W-F-05-011", "50,000 and 33,333".
func newWarrantsText(t compute.Terms, in RecordInput) (numbers, shares string) {
	n := 1
	if len(in.New) > 1 && sameHolder(in.New) {
		n = len(in.New)
	}
	ns, ss := make([]string, n), make([]string, n)
	for i := range n {
		ns[i], ss[i] = in.New[i].Number, figuresOnly(t, in.Shares[i])
	}
	return andList(ns), andList(ss)
}

func sameHolder(ws []compute.Warrant) bool {
	for _, w := range ws[1:] {
		if w.Holder.Name != ws[0].Holder.Name {
			return false
		}
	}
	return true
}

func ordinalDay(d compute.Date) string {
	if d.IsZero() {
		return ""
	}
	suffix := "th"
	switch {
	case d.Day%100 >= 11 && d.Day%100 <= 13:
	case d.Day%10 == 1:
		suffix = "st"
	case d.Day%10 == 2:
		suffix = "nd"
	case d.Day%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", d.Day, suffix)
}

func monthName(d compute.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Month.String()
}

func yearOf(d compute.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprint(d.Year)
}
