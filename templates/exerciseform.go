package templates

import (
	"fmt"

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
// of §2(c) with the numbers) and the §7 beneficial-ownership line. With a nil
// Result it is the blank form.
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
			"exercise_owned": group(r.Owned),
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

// exerciseSchedule is the computation schedule under the Exercise Form.
func exerciseSchedule(c *compute.Case, in ExerciseInput) []render.Block {
	t, r := c.Terms, in.Result
	out := []render.Block{render.Spacer{Height: 6}, render.Heading{Text: "SCHEDULE: COMPUTATION OF THE EXERCISE", Level: 2}}
	rows := [][]string{
		{"Warrant No.", in.Warrant.Number},
		{"Method of payment (Section 2(b))", r.Method},
		{"Warrant Price in effect (A)", "$" + r.WarrantPrice},
		{"Shares of Warrant Stock exercised (Y)", group(r.SharesExercised)},
	}
	if r.MarketValue != "" {
		rows = append(rows, []string{"Per Share Market Value (B)", "$" + r.MarketValue})
	}
	if r.Method == compute.MethodCombined {
		rows = append(rows, []string{"of which exercised cashless", group(r.CashlessShares)})
	}
	rows = append(rows,
		[]string{"Aggregate Warrant Price payable in cash", "$" + group(r.AggregatePrice)},
		[]string{"Shares canceled in payment (cashless)", group(r.SharesCanceled)},
		[]string{"Shares of Common Stock to be issued", group(r.SharesIssued)},
		[]string{"Cash in lieu of a fractional share (Section 6)", "$" + group(r.CashInLieu)},
		[]string{"Shares remaining under the Warrant", group(r.RemainingShares)},
		[]string{"Certificates to be delivered by (Section 2(d))", longDateString(r.DeliveryDeadline)},
	)
	out = append(out, render.Table{Widths: []float64{100, 65}, Align: []render.Align{render.Left, render.Right}, Rows: rows})
	if r.Method != compute.MethodCash {
		y := r.SharesExercised
		if r.Method == compute.MethodCombined {
			y = r.CashlessShares
		}
		out = append(out,
			para(render.T("Cashless exercise under Section 2(c), where X is the number of shares of Common Stock to be issued, Y the shares exercised cashless, A the Warrant Price and B the Per Share Market Value:")),
			render.Fraction{Left: "X = Y −", Numerator: "(A)(Y)", Denominator: "B"},
			render.Fraction{Left: fmt.Sprintf("X = %s −", y), Numerator: fmt.Sprintf("(%s)(%s)", r.WarrantPrice, y), Denominator: r.MarketValue, Right: "(before pooling and rounding down)"},
		)
	}
	out = append(out, para(render.T("Computation: "+r.Computation+".")))
	cap := fmt.Sprintf("Section 7: the Holder owns %s shares of Common Stock before this exercise", group(r.Owned))
	if r.Outstanding != "" {
		cap += fmt.Sprintf(" of %s outstanding", group(r.Outstanding))
	}
	if r.Cap.Applies {
		cap += fmt.Sprintf("; at most %s shares may be issued without the Holder owning more than %s%% of the Common Stock outstanding, and this exercise issues %s.", group(r.Cap.MaxShares), t.OwnershipCapPercent, group(r.SharesIssued))
	} else {
		cap += "; the ownership cap does not apply: " + r.Cap.Reason + "."
	}
	return append(out, para(render.T(cap)))
}
