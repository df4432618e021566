package templates

import (
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Warrant's forms, filled and blank, and the papers of the transactions
// (issuer's record, notice): golden text for each, then a scan of every such
// golden for what a CFO or counsel would strike out.

// exercised computes an exercise of w in the sample case.
func exercised(t *testing.T, c *compute.Case, w compute.Warrant, in compute.ExerciseInput) *compute.ExerciseResult {
	t.Helper()
	r, err := compute.Exercise(c.Terms, w, c.Events, in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func marketValue(s string) *compute.MarketValue {
	return &compute.MarketValue{Method: compute.MVPlain, Value: dec(s)}
}

func TestForms_Golden(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	alpha, gryphon, jose, lukasz := c.Warrants[0], c.Warrants[1], c.Warrants[2], c.Warrants[3]
	day := date(2009, 10, 1)
	// Alpha's 500,000 shares (after the 2006 split) at $1.1237: 200,000
	// paid in cash, $224,740.00; 100,000 cashless at B = $1.50: canceled
	// 1.1237 × 100,000 / 1.5 = 74,913.33, X = 25,086.67; due 225,086.67:
	// 225,086 issued and 2/3 of a share at $1.50, $1.00.
	combined := exercised(t, c, alpha, compute.ExerciseInput{Date: day, Shares: dec("300000"), Method: compute.MethodCombined,
		CashlessShares: dec("100000"), MarketValue: marketValue("1.50"), Owned: dec("1000000"), OwnedStated: true, Outstanding: dec("110000000")})
	// Cash, 100,000.50 shares: $112,370.56 (1.1237 × 100,000.50 =
	// 112,370.56185); 100,000 issued, half a share at $1.50 = $0.75.
	cash := exercised(t, c, gryphon, compute.ExerciseInput{Date: day, Shares: dec("100000.50"), Method: compute.MethodCash,
		MarketValue: marketValue("1.50"), Outstanding: dec("110000000")})
	// In the last 61 days of the Term (from January 12, 2010) the cap does
	// not apply.
	lastDays := exercised(t, c, lukasz, compute.ExerciseInput{Date: date(2010, 2, 1), Shares: dec("41667"), Method: compute.MethodCashless,
		MarketValue: marketValue("2.00")})
	notice, err := compute.Notice(c.Terms, compute.NoticeInput{Kind: compute.NoticeMerger, RecordDate: date(2008, 6, 30),
		Sent: time.Date(2008, 6, 10, 16, 30, 0, 0, c.Terms.Location), Via: compute.ViaFax, HasSend: true})
	if err != nil {
		t.Fatal(err)
	}
	roe := compute.Holder{Name: "Jane Roe", Address: []string{"12 Elm Street", "Springfield, Illinois 62701"}}
	cases := []struct {
		name  string
		make  func() (*render.Doc, error)
		wants []string
	}{
		{"exercise-form-combined", func() (*render.Doc, error) {
			return ExerciseForm(c, ExerciseInput{Warrant: alpha, Result: combined, Date: day}, Options{})
		}, []string{"the date of Exercise: 1,000,000",
			"Shares of Warrant Stock exercised (Y) 300,000.00 of which paid for in cash 200,000.00 of which exercised cashless 100,000.00",
			"= 100,000 − 74,913.33 = 25,086.67",
			"Of the 300,000 shares of Warrant Stock exercised, 200,000 are paid for in cash (Section 2(b)(i)): 200,000 shares at $1.1237 a share, $224,740.00.",
			"74,913.33 of them are canceled in payment of their Warrant Price, ($1.1237 × 100,000) ÷ $1.5000, and 25,086.67 are due.",
			"In all, 200,000 + 25,086.67 = 225,086.67 shares are due to the Holder. 225,086 whole shares of Common Stock are issued (Section 2(d)), and the fraction of a share is paid in cash at the Per Share Market Value of $1.5000: $1.00 (Section 6).",
			"the Holder states that it owns 1,000,000 shares of Common Stock before this exercise."}},
		{"exercise-form-cash", func() (*render.Doc, error) {
			return ExerciseForm(c, ExerciseInput{Warrant: gryphon, Result: cash, Date: day}, Options{})
		}, []string{"pays the Warrant Price in cash (Section 2(b)(i)): 100,000.50 shares at $1.1237 a share, $112,370.56.",
			"100,000 whole shares of Common Stock are issued (Section 2(d)), and the fraction of a share is paid in cash at the Per Share Market Value of $1.5000: $0.75 (Section 6).",
			"the Holder has not stated the shares of Common Stock it owns, and none are counted."}},
		{"exercise-form-last-days", func() (*render.Doc, error) {
			return ExerciseForm(c, ExerciseInput{Warrant: lukasz, Result: lastDays, Date: date(2010, 2, 1)}, Options{})
		}, []string{"made within the last sixty-one (61) days before the Warrant expires (from January 12, 2010)"}},
		{"assignment-blank", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: compute.Warrant{Number: "W-F-05-"}, Blank: true}, Options{})
		}, []string{"FOR VALUE RECEIVED, hereby sells"}},
		{"partial-assignment-blank", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: compute.Warrant{Number: "W-F-05-"}, Blank: true, Partial: true}, Options{})
		}, []string{"the right to purchase shares of Warrant Stock"}},
		{"partial-assignment-for-warrant", func() (*render.Doc, error) { // form partial-assignment CASE --warrant NUM
			return Assignment(c, AssignInput{Warrant: jose, Partial: true}, Options{})
		}, []string{"José Ñúñez García, as Holder of Warrant No. W-F-05-003, hereby sells", "the right to purchase shares of Warrant Stock"}},
		{"partial-assignment-to-address", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: alpha, Assignee: roe, Shares: dec("100000"), Partial: true, Date: day, Attorney: "Morrison & Foerster LLP"}, Options{})
		}, []string{"unto Jane Roe, of 12 Elm Street, Springfield, Illinois 62701, the right to purchase 100,000 shares of Warrant Stock"}},
		{"notice-sent", func() (*render.Doc, error) {
			return Notice(c, jose, NoticeInput{Kind: compute.NoticeMerger, Result: notice, Description: "the merger with Acme", Date: date(2008, 6, 10)}, Options{})
		}, []string{"on June 10, 2008 at 4:30 p.m., eastern time; under Section 12 it is deemed given and effective on June 10, 2008."}},
		{"issuer-record-exercise-combined", func() (*render.Doc, error) {
			x := compute.Transaction{Index: 2, Type: compute.TxExercise, Date: day, Warrant: alpha.Number, Shares: dec("300000"), Method: compute.MethodCombined,
				CashlessShares: dec("100000"), MarketValue: marketValue("1.50"), Balance: "W-F-05-005"}
			in := RecordOf(c.Terms, x, alpha, []compute.Warrant{{Number: "W-F-05-005", Holder: alpha.Holder, Shares: combined.Values.Remaining}})
			in.Exercise = combined
			return IssuerRecord(c, in, Options{})
		}, []string{"On October 1, 2009, Warrant No. W-F-05-001, held by Alpha Capital Anstalt, was exercised for 300,000 shares of Warrant Stock, the Warrant Price paid partly in cash and partly by cashless exercise (Section 2(b)(iii)).",
			"Shares canceled in payment of the Warrant Price (Section 2(c)) 74,913.33", "Warrant Price received in cash $224,740.00",
			"Shares of Common Stock issued in the name of Alpha Capital Anstalt 225,086", "Cash paid in lieu of a fractional share (Section 6) $1.00",
			"as its 2nd transaction (exercise)."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text, pdf := rendered(t, tc.make, true)
			writePDF(t, tc.name, pdf)
			contains(t, text, tc.wants...)
			golden(t, tc.name, text)
		})
	}
}
