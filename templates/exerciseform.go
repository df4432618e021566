package templates

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Exercise Form (§2(b)), filled for an exercise or blank.

// ExerciseInput is a filled Exercise Form.
type ExerciseInput struct {
	Warrant compute.Warrant
	Result  *compute.ExerciseResult
	Date    compute.Date
}

// ExerciseForm is the Warrant's Exercise Form filled for an exercise, with
// the computation schedule (for a cashless or combined exercise, the formula
// of §2(c) with the numbers and its result) and the §7 beneficial-ownership
// line. The form's ownership line is filled only when the Holder stated
// what it owns (compute.ExerciseInput.OwnedStated). With a nil Result it is
// the blank form.
func ExerciseForm(c *compute.Case, in ExerciseInput, opt Options) (*render.Doc, error) {
	t := c.Terms
	number := in.Warrant.Number
	d, err := newDoc(c, opt, "Exercise Form — Warrant No. "+number, "Exercise of the Warrant under Section 2", number, "Exercise Form", in.Date)
	if err != nil {
		return nil, err
	}
	fields := map[string]string{}
	r := in.Result
	if r == nil && in.Warrant.Holder.Name != "" {
		a1, a2 := holderAddress(in.Warrant.Holder)
		fields = map[string]string{"exercise_holder": in.Warrant.Holder.Name, "exercise_address_1": a1, "exercise_address_2": a2}
	}
	if r != nil {
		a1, a2 := holderAddress(in.Warrant.Holder)
		fields = map[string]string{
			"exercise_holder": in.Warrant.Holder.Name, "exercise_shares": figuresOnly(t, r.Values.Exercised),
			"exercise_date": LongDate(in.Date), "exercise_address_1": a1, "exercise_address_2": a2,
		}
		if r.Values.OwnedStated {
			fields["exercise_owned"] = figs(t, r.Owned)
		}
		fields["exercise_signature.tag"] = opt.tags(1).Signature
	}
	blocks, err := WarrantText("exercise-form", merge(c, fields))
	if err != nil {
		return nil, err
	}
	d.Add(blocks...)
	if r != nil {
		d.Add(exerciseSchedule(c, in)...)
	}
	if err := attachData(d, opt, "exercise.json", r); err != nil {
		return nil, err
	}
	return d, nil
}

// methodWords names the method of payment of §2(b).
var methodWords = map[string]string{
	compute.MethodCash:     "cash (Section 2(b)(i))",
	compute.MethodCashless: "cashless exercise (Section 2(c))",
	compute.MethodCombined: "cash and cashless (Section 2(b)(iii))",
}

// exerciseSchedule is the computation schedule under the Exercise Form: the
// figures in a table, the §2(c) formula with its numbers and result, the
// computation in sentences, and the §7 limit.
func exerciseSchedule(c *compute.Case, in ExerciseInput) []render.Block {
	t, r := c.Terms, in.Result
	out := []render.Block{render.Spacer{Height: 3}, render.Heading{Text: "SCHEDULE: COMPUTATION OF THE EXERCISE OF WARRANT NO. " + in.Warrant.Number, Level: 2}}
	out = append(out, render.Table{Widths: []float64{100, 65}, Align: []render.Align{render.Left, render.Right}, Rows: exerciseRows(t, in)})
	// The computation is read as a whole: it is never split across pages.
	var comp []render.Block
	if r.Method != compute.MethodCash {
		comp = cashlessFormula(t, r)
	}
	comp = append(comp, para(render.T(exerciseSentences(t, r))), para(render.T(capSentence(t, r))))
	return append(out, render.Keep{Blocks: comp})
}

// indentRow sets a table row's label in under the row above (no-break
// spaces, which the engine keeps).
const indentRow = "\u00a0\u00a0\u00a0\u00a0"

// exerciseRows are the schedule's figures, only those that apply to the
// method of payment.
func exerciseRows(t compute.Terms, in ExerciseInput) [][]string {
	r, v := in.Result, in.Result.Values
	rows := [][]string{
		{"Method of payment", methodWords[r.Method]},
		{"Warrant Price in effect (A)", "$" + group(r.WarrantPrice)},
	}
	if r.MarketValue != "" {
		rows = append(rows, []string{"Per Share Market Value (B)", "$" + group(r.MarketValue)})
	}
	rows = append(rows, []string{"Shares of Warrant Stock exercised (Y)", group(r.SharesExercised)})
	if r.Method == compute.MethodCombined {
		rows = append(rows,
			[]string{indentRow + "of which paid for in cash", shares(t, v.CashPart)},
			[]string{indentRow + "of which exercised cashless", group(r.CashlessShares)})
	}
	if r.Method != compute.MethodCashless {
		rows = append(rows, []string{"Warrant Price paid in cash", "$" + group(r.AggregatePrice)})
	}
	if r.Method != compute.MethodCash {
		rows = append(rows, []string{"Shares canceled in payment of the Warrant Price", group(r.SharesCanceled)})
	}
	return append(rows,
		[]string{"Shares of Common Stock to be issued", group(r.SharesIssued)},
		[]string{"Cash in lieu of a fractional share (Section 6)", "$" + group(r.CashInLieu)},
		[]string{"Shares remaining under the Warrant", group(r.RemainingShares)},
		[]string{"Certificates to be delivered by (Section 2(d))", longDateString(r.DeliveryDeadline)},
	)
}

// cashlessFormula is §2(c)'s formula as the Warrant typesets it, its
// symbols defined in words, then with the numbers and the result.
func cashlessFormula(t compute.Terms, r *compute.ExerciseResult) []render.Block {
	v := r.Values
	y, which := figs(t, r.SharesExercised), "the number of shares of Warrant Stock exercised"
	if r.Method == compute.MethodCombined {
		y, which = figs(t, r.CashlessShares), "the number of shares of Warrant Stock exercised cashless ("+figs(t, r.CashlessShares)+" of the "+figs(t, r.SharesExercised)+")"
	}
	a, b := "$"+group(r.WarrantPrice), "$"+group(r.MarketValue)
	return []render.Block{
		para(render.T("Cashless exercise, Section 2(c): X is the number of shares of Common Stock issued, Y " +
			which + ", A the Warrant Price and B the Per Share Market Value:")),
		render.Fraction{Left: "X = Y −", Numerator: "(A)(Y)", Denominator: "B"},
		render.Fraction{Left: "X = " + y + " −", Numerator: "(" + a + ")(" + y + ")", Denominator: b,
			Right: "= " + y + " − " + figs(t, r.SharesCanceled) + " = " + figuresOnly(t, v.Cashless)},
	}
}

// exerciseSentences is the computation in words, with its numbers.
func exerciseSentences(t compute.Terms, r *compute.ExerciseResult) string {
	v := r.Values
	y, a, b := figs(t, r.SharesExercised), "$"+group(r.WarrantPrice), "$"+group(r.MarketValue)
	var s string
	switch r.Method {
	case compute.MethodCash:
		s = fmt.Sprintf("The Holder exercises the Warrant for %s shares of Warrant Stock and pays the Warrant Price in cash (Section 2(b)(i)): %s shares at %s a share, $%s. ",
			y, y, a, group(r.AggregatePrice))
	case compute.MethodCashless:
		s = fmt.Sprintf("Of the %s shares of Warrant Stock exercised, %s are canceled in payment of the Warrant Price, (%s × %s) ÷ %s (Section 2(c)), and the other %s are due to the Holder. ",
			y, figs(t, r.SharesCanceled), a, y, b, figuresOnly(t, v.Cashless))
	default:
		y1, y2 := figuresOnly(t, v.CashPart), figs(t, r.CashlessShares)
		s = fmt.Sprintf("Of the %s shares of Warrant Stock exercised, %s are paid for in cash (Section 2(b)(i)): %s shares at %s a share, $%s. "+
			"The other %s are exercised cashless (Section 2(c)): %s of them are canceled in payment of their Warrant Price, (%s × %s) ÷ %s, and %s are due. "+
			"In all, %s + %s = %s shares are due to the Holder. ",
			y, y1, y1, a, group(r.AggregatePrice), y2, figs(t, r.SharesCanceled), a, y2, b, figuresOnly(t, v.Cashless),
			y1, figuresOnly(t, v.Cashless), figuresOnly(t, v.Due))
	}
	issued := figs(t, r.SharesIssued)
	if isZero(r.Fraction) && isZero(r.CashInLieu) {
		return s + fmt.Sprintf("%s shares of Common Stock are issued (Section 2(d)).", issued)
	}
	return s + fmt.Sprintf("%s whole shares of Common Stock are issued (Section 2(d)), and the fraction of a share is paid in cash at the Per Share Market Value of %s: $%s (Section 6).",
		issued, b, group(r.CashInLieu))
}

// capSentence states the §7 limit on beneficial ownership as it applied.
func capSentence(t compute.Terms, r *compute.ExerciseResult) string {
	days := numberWordsFigures(t.CapWaiverDays)
	k := r.Cap
	switch {
	case !k.WaiverNotice.IsZero():
		return fmt.Sprintf("Section 7: the limit on beneficial ownership does not apply to this exercise: the Holder gave a Waiver Notice on %s, at least %s days before.", LongDate(k.WaiverNotice), days)
	case !k.LastDaysFrom.IsZero():
		return fmt.Sprintf("Section 7: the limit on beneficial ownership does not apply to this exercise, made within the last %s days before the Warrant expires (from %s).", days, LongDate(k.LastDaysFrom))
	case !k.Applies:
		return "Section 7: the limit on beneficial ownership does not apply to this exercise."
	}
	owned := "the Holder has not stated the shares of Common Stock it owns, and none are counted."
	if r.Values.OwnedStated {
		owned = fmt.Sprintf("the Holder states that it owns %s shares of Common Stock before this exercise.", figs(t, r.Owned))
	}
	return fmt.Sprintf("Section 7: %s With %s shares of Common Stock outstanding, at most %s shares may be issued without the Holder owning more than %s%% of the Common Stock outstanding; this exercise issues %s.",
		owned, figs(t, r.Outstanding), figs(t, k.MaxShares), t.OwnershipCapPercent, figs(t, r.SharesIssued))
}

// figs writes a number of shares given as a decimal string in figures:
// "20,000", "14,982.67"; a string that is not a number is written as it is.
func figs(t compute.Terms, s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return figuresOnly(t, d)
}

// isZero reports whether a decimal string is zero ("0.00").
func isZero(s string) bool {
	d, err := decimal.NewFromString(s)
	return err == nil && d.IsZero()
}
