package templates

import (
	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// DefaultInput is a §2(d) Exercise Default Notice. The caller computes the
// Deadline (compute.AddTradingDays: ExerciseDate plus
// terms.delivery_trading_days Trading Days). A zero ExerciseDate is the
// blank notice; a zero Shares or Date leaves its blank to fill by hand.
type DefaultInput struct {
	Warrant      compute.Warrant
	ExerciseDate compute.Date
	Deadline     compute.Date
	Shares       decimal.Decimal // the shares of Warrant Stock whose certificates were due
	Date         compute.Date    // the notice's date
}

// ExerciseDefaultNotice is the Holder's Exercise Default Notice under
// Section 2(d): the certificates for the shares of Warrant Stock purchased
// were not delivered "within a reasonable time, not exceeding three (3)
// Trading Days after such exercise", and the Holder, "upon written notice to
// the Issuer (an "Exercise Default Notice"), regain[s] on the date of such
// notice the rights of the Holder under the exercised portion of this
// Warrant". Filled, it states the exercise date, the delivery deadline and
// the shares due, and quotes the remedy.
func ExerciseDefaultNotice(c *compute.Case, in DefaultInput, opt Options) (*render.Doc, error) {
	t, w := c.Terms, in.Warrant
	blank := blankWarrant(w)
	date := in.Date
	if date.IsZero() {
		date = in.ExerciseDate
	}
	d, err := newDoc(c, opt, "Exercise Default Notice — Warrant No. "+w.Number, "Notice of an Exercise Default under Section 2(d)", w.Number, "Exercise Default Notice", date)
	if err != nil {
		return nil, err
	}
	d.Add(paperHead(c, w, "EXERCISE DEFAULT NOTICE", "Section 2(d) of the Warrant")...)
	d.Add(toIssuer(c))
	due := render.F("", 30)
	if !in.Shares.IsZero() {
		due = render.T(figuresOnly(t, in.Shares))
	}
	body := append([]render.Span{render.T("The undersigned, "), holderSpans(w), render.T(", the Holder of ")}, warrantSpans(c, w)...)
	body = append(body, render.T(" (the “Warrant”), exercised the Warrant on "), dateSpan(in.ExerciseDate, 45),
		render.T(" in accordance with its terms, and certificates for "), due, render.T(" shares of Warrant Stock were due to be delivered to the Holder."))
	d.Add(text(blank, body...))
	d.Add(text(blank, render.T("Section 2(d) of the Warrant requires the certificates for the shares of Warrant Stock so purchased to be delivered within a reasonable time, not exceeding "+
		numberWordsFigures(t.DeliveryTradingDays)+" Trading Days after such exercise, that is, on or before "), dateSpan(in.Deadline, 45),
		render.T(". They were not delivered within that time, which is an Exercise Default.")))
	d.Add(text(blank, render.T("The Holder hereby gives the Issuer written notice of the Exercise Default (an “Exercise Default Notice”) and regains, on the date of this notice, the rights of the Holder under the exercised portion of the Warrant that is the subject of the Exercise Default. "+
		"The Holder retains all of the Holder's rights and remedies with respect to the Issuer's failure to deliver such shares of Warrant Stock, including the right to pursue actual damages.")))
	d.Add(quoteAndSign("Section 2(d) of the Warrant provides:", quoteSection2d, w, in.Date, opt))
	if err := attachData(d, opt, "exercise-default.json", in); err != nil {
		return nil, err
	}
	return d, nil
}
