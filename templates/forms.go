package templates

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Warrant's attached forms (Exercise Form, Assignment, Partial
// Assignment, For Use by the Issuer Only) and the Warrant itself, filled from
// data or blank. Their text is the Warrant's own (warrant.txt); this file
// supplies the values of its blanks.

// plainValues are the texts of the Warrant that come from the case file.
func plainValues(c *compute.Case) map[string]string {
	t := c.Terms
	return map[string]string{
		"issuer_name":             c.Issuer.Name,
		"jurisdiction":            c.Issuer.Jurisdiction,
		"series":                  t.Series,
		"original_issue_date":     LongDate(t.OriginalIssueDate),
		"purchase_agreement_date": LongDate(t.OriginalIssueDate), // the Purchase Agreement is dated the Original Issue Date
		"expiration_date":         LongDate(t.ExpirationDate()),
		"expiration_time":         clockText(t),
		"exercise_start":          LongDate(t.ExerciseStart),
		"initial_price":           "$" + Money(t.InitialWarrantPrice),
		"cap_percent":             t.OwnershipCapPercent.String() + "%",
		"cap_waiver_days":         numberWordsFigures(t.CapWaiverDays),
		"delivery_days":           numberWordsFigures(t.DeliveryTradingDays),
		"notice_days":             numberWordsFigures(t.NoticeLeadDays),
		"deferral_threshold":      percentWords(t.DeferralThresholdPercent),
		"issuer_address":          strings.Join(c.Issuer.Address, "\n"),
		"notice_attention":        c.Issuer.Notice.Attention,
		"notice_phone":            c.Issuer.Notice.Phone,
		"notice_fax":              c.Issuer.Notice.Fax,
		"signatory_name":          c.Issuer.Signatory.Name,
		"signatory_title":         c.Issuer.Signatory.Title,
	}
}

// clockText writes the expiration time as §1 does: "5:00 p.m., eastern time".
func clockText(t compute.Terms) string {
	e := t.Expiration
	h, ampm := e.Hour()%12, "a.m."
	if e.Hour() >= 12 {
		ampm = "p.m."
	}
	if h == 0 {
		h = 12
	}
	zone := t.TimeZone
	if zone == "America/New_York" {
		zone = "eastern"
	}
	return fmt.Sprintf("%d:%02d %s, %s time", h, e.Minute(), ampm, zone)
}

// percentWords writes a percentage as §4(g)(ii) does: "one percent (1%)".
func percentWords(p decimal.Decimal) string {
	if p.IsInteger() {
		if w, err := Words(p.IntPart()); err == nil {
			return fmt.Sprintf("%s percent (%s%%)", strings.ToLower(w), p)
		}
	}
	return p.String() + "%"
}

// merge returns the plain values with the field values over them.
func merge(c *compute.Case, fields map[string]string) map[string]string {
	v := plainValues(c)
	for k, s := range fields {
		v[k] = s
	}
	return v
}

// holderAddress returns the holder's address as two lines.
func holderAddress(h compute.Holder) (string, string) {
	switch len(h.Address) {
	case 0:
		return "", ""
	case 1:
		return h.Address[0], ""
	}
	return h.Address[0], strings.Join(h.Address[1:], ", ")
}

// figuresOnly writes shares in figures with separators, dropping ".00".
func figuresOnly(t compute.Terms, n decimal.Decimal) string { return Figures(n, t.ShareDecimals) }

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

// AssignInput is a filled Assignment or Partial Assignment.
type AssignInput struct {
	Warrant  compute.Warrant
	Assignee compute.Holder
	Shares   decimal.Decimal // zero: the whole Warrant (Assignment)
	Attorney string
	Date     compute.Date
	Blank    bool
	Partial  bool
}

// Assignment is the Warrant's Assignment (the whole Warrant) or Partial
// Assignment (Shares of it), filled or blank.
func Assignment(c *compute.Case, in AssignInput, opt Options) (*render.Doc, error) {
	t := c.Terms
	section, kind := "assignment", "Assignment"
	if in.Partial {
		section, kind = "partial-assignment", "Partial Assignment"
	}
	d, err := newDoc(c, opt, kind+" — Warrant No. "+in.Warrant.Number, "Transfer of the Warrant under Section 2(e)", in.Warrant.Number, kind, in.Date)
	if err != nil {
		return nil, err
	}
	fields := map[string]string{}
	if !in.Blank {
		a1, a2 := holderAddress(in.Warrant.Holder)
		fields = map[string]string{
			"assignor": in.Warrant.Holder.Name, "assignee": in.Assignee.Name, "attorney": in.Attorney,
			"assign_date": LongDate(in.Date), "assign_address_1": a1, "assign_address_2": a2,
		}
		fields["assign_signature.tag"] = opt.tags(1).Signature
		if in.Partial {
			fields["assign_shares"] = figuresOnly(t, in.Shares)
		}
	}
	blocks, err := WarrantText(section, merge(c, fields))
	if err != nil {
		return nil, err
	}
	d.Add(blocks...)
	if err := attachData(d, opt, "assignment.json", in); err != nil {
		return nil, err
	}
	return d, nil
}

// RecordInput is the Issuer's record of a warrant canceled, transferred or
// exchanged, and of what was issued for it.
type RecordInput struct {
	Old      compute.Warrant
	Date     compute.Date
	IssuedTo string // the name shares of Common Stock were issued in (exercise)
	New      []compute.Warrant
	Shares   []decimal.Decimal // the shares of each new warrant
	Reason   string            // e.g. "exercised", "transferred", "exchanged after the 2:1 split"
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
		fields["record_new_number"] = in.New[0].Number
		fields["record_new_shares"] = figuresOnly(t, in.Shares[0])
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
			d.Add(para(render.T(fmt.Sprintf("Warrant No. %s, held by %s, %s on %s.", in.Old.Number, in.Old.Holder.Name, in.Reason, LongDate(in.Date)))))
		}
		if len(rows) > 0 {
			d.Add(render.Table{Header: []string{"New Warrant No.", "Holder", "Warrant Share Number"}, Widths: []float64{40, 80, 45},
				Align: []render.Align{render.Left, render.Left, render.Right}, Rows: rows})
		}
	}
	if err := attachData(d, opt, "record.json", in); err != nil {
		return nil, err
	}
	return d, nil
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
