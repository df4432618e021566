package templates

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// Layout fidelity, read back from the PDFs of the sample documents: where the
// filing sets two things on one line ("No.: W-F-05-___    Number of Shares:
// ___", "Dated: ____    Signature ____"), so does the rendering, and no page
// holds only a signature block.

// layoutDocument is a sample document to check.
type layoutDocument struct {
	name string
	make func() (*render.Doc, error)
}

// layoutDocuments are the documents of the samples: the Warrant original,
// replacement and blank, the forms filled and blank, a notice, an issuer
// record, and a Certificate of Adjustment for every adjustment of every
// warrant of both samples.
func layoutDocuments(t *testing.T) []layoutDocument {
	f := newSampleFixture(t)
	c, alpha, jose, lukasz, adj, day, res, nw, notice := f.c, f.alpha, f.jose, f.lukasz, f.adj, f.day, f.res, f.nw, f.notice
	docs := []layoutDocument{
		{"warrant-original", func() (*render.Doc, error) { return Warrant(c, WarrantInput{Warrant: lukasz}, Options{}) }},
		{"warrant-replacement", func() (*render.Doc, error) {
			return Warrant(c, WarrantInput{Warrant: nw, Replacing: lukasz.Number, State: compute.State{Price: adj.Final.Price, Shares: nw.Shares}, Entries: adj.Entries, Issued: day}, Options{})
		}},
		{"warrant-blank", func() (*render.Doc, error) { return Warrant(c, WarrantInput{Blank: true}, Options{}) }},
		{"exercise-form-cashless", func() (*render.Doc, error) {
			return ExerciseForm(c, ExerciseInput{Warrant: lukasz, Result: res, Date: day}, Options{})
		}},
		{"exercise-form-blank", func() (*render.Doc, error) { return ExerciseForm(c, ExerciseInput{}, Options{}) }},
		{"assignment", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: jose, Assignee: compute.Holder{Name: "Łukasz Żółć"}, Date: day}, Options{})
		}},
		{"partial-assignment", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: alpha, Assignee: compute.Holder{Name: "José Ñúñez García"}, Shares: decimal.NewFromInt(100000), Partial: true, Date: day}, Options{})
		}},
		{"assignment-blank", func() (*render.Doc, error) { return Assignment(c, AssignInput{Blank: true}, Options{}) }},
		{"notice", func() (*render.Doc, error) {
			return Notice(c, jose, NoticeInput{Kind: compute.NoticeMerger, Result: notice, Description: "the merger with Acme", Date: compute.Date{Year: 2008, Month: 6, Day: 10}}, Options{})
		}},
		{"issuer-record", func() (*render.Doc, error) {
			return IssuerRecord(c, RecordInput{Old: lukasz, Date: day, IssuedTo: lukasz.Holder.Name, New: []compute.Warrant{nw}, Shares: []decimal.Decimal{nw.Shares}, Reason: "was exercised"}, Options{})
		}},
	}
	for _, p := range paperDocuments(t) {
		docs = append(docs, layoutDocument{p.name, p.make})
	}
	for _, sample := range []string{"glowpoint-2005.yaml", "glowpoint-2005-alt.yaml"} {
		c := loadSample(t, sample)
		for _, w := range c.Warrants {
			for i, e := range adjustment(t, c, w).Entries {
				docs = append(docs, layoutDocument{sample + "/" + w.Number + "/certificate-" + string(e.Status) + "-" + string(rune('a'+i%26)),
					func() (*render.Doc, error) { return Certificate(c, w, e, Options{}) }})
			}
		}
	}
	return docs
}

// pdfOf writes a document.
func pdfOf(t *testing.T, make func() (*render.Doc, error)) []byte {
	t.Helper()
	d, err := make()
	if err != nil {
		t.Fatal(err)
	}
	return bytesOf(t, d)
}

// runsStarting are the runs of a page that begin with prefix.
func runsStarting(page []pdftest.Run, prefix string) []pdftest.Run {
	var out []pdftest.Run
	for _, r := range page {
		if strings.HasPrefix(r.Text, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// sameLine checks that on every page each run beginning with left at the
// left margin has one beginning with right on its baseline, to its right and
// ending at the right margin or before it, and reports how many pairs it
// found.
func sameLine(t *testing.T, pages [][]pdftest.Run, left, right string) int {
	t.Helper()
	const (
		leftEdge  = render.Margin * 72 / 25.4
		rightEdge = (render.Margin + render.TextWidth) * 72 / 25.4
	)
	n := 0
	for p, page := range pages {
		var ls []pdftest.Run
		for _, r := range runsStarting(page, left) {
			if math.Abs(r.X0-leftEdge) < 0.01 {
				ls = append(ls, r)
			}
		}
		rs := runsStarting(page, right)
		if len(ls) != len(rs) {
			t.Errorf("page %d: %d %q and %d %q", p+1, len(ls), left, len(rs), right)
		}
		for _, l := range ls {
			found := false
			for _, r := range rs {
				if math.Abs(r.Y-l.Y) < 0.01 && r.X0 > l.X1 && r.X1 <= rightEdge+0.01 {
					found = true
				}
			}
			if !found {
				t.Errorf("page %d: %q at y=%.2f has no %q on its baseline", p+1, left, l.Y, right)
			}
			n++
		}
	}
	return n
}

func TestLayout_OneLineAsInTheFiling(t *testing.T) {
	for _, d := range layoutDocuments(t) {
		pages, err := pdftest.Runs(pdfOf(t, d.make))
		if err != nil {
			t.Fatal(err)
		}
		var numbers, dated int
		t.Run(d.name, func(t *testing.T) {
			numbers = sameLine(t, pages, "No.:", "Number of Shares:")
			dated = sameLine(t, pages, "Dated:", "Signature")
		})
		want := map[string][2]int{ // "No.:" lines, "Dated:" lines
			"warrant-original": {1, 3}, "warrant-replacement": {1, 3}, "warrant-blank": {1, 3},
			"exercise-form-cashless": {0, 1}, "exercise-form-blank": {0, 1},
			"assignment": {0, 1}, "partial-assignment": {0, 1}, "assignment-blank": {0, 1},
			"waiver-notice": {0, 1}, "waiver-notice-portion": {0, 1}, "waiver-notice-last-days": {0, 1}, "waiver-notice-blank": {0, 1},
			"exercise-default": {0, 1}, "exercise-default-blank": {0, 1},
			"affidavit-lost": {0, 1}, "affidavit-mutilated": {0, 1}, "affidavit-blank": {0, 1},
		}[d.name]
		if numbers != want[0] || dated != want[1] {
			t.Errorf("%s: %d \"No.:\" lines and %d \"Dated:\" lines, want %d and %d", d.name, numbers, dated, want[0], want[1])
		}
	}
}

// signatureLabel begins the lines of a signature block: the labels of
// render.Signature and of the forms.
var signatureLabel = regexp.MustCompile(`^(By|Name|Title|Date|Dated|Its):|^(Signature|Address)\b`)

// onlySignature tells whether a page's text, footer aside, is a signature
// block and nothing else: every line is short — a label ("By:", "Name:",
// "Dated:", "Signature"), a name, a title, the issuer's name above the block,
// at most five words — and one of them is a signature label. A page with a
// line of prose (a certification, a paragraph of a form) is not.
func onlySignature(page string) bool {
	lines := strings.Split(page, "\n")
	if n := len(lines); n > 0 && footer.MatchString(lines[n-1]) {
		lines = lines[:n-1]
	}
	labelled := false
	for _, l := range lines {
		if len(strings.Fields(l)) > 5 {
			return false
		}
		labelled = labelled || signatureLabel.MatchString(l)
	}
	return labelled
}

func TestLayout_NoPageOnlySignature(t *testing.T) {
	for _, page := range []struct {
		text string
		only bool
	}{
		{"GLOWPOINT, INC.\nBy:\nGerard E. Dorsey\nExecutive Vice President, Finance\nWarrant No. W-F-05-004 — Page 15 of 17", true},
		{"By:\nName: Gerard E. Dorsey\nTitle: Chief Financial Officer\nDate: March 14, 2005\nPage 2 of 2", true},
		{"Dated: Signature\nAddress", true},
		{"I, Gerard E. Dorsey, hereby certify, pursuant to Section 5 of the Warrant, that\nBy:\nName: Gerard E. Dorsey\nPage 2 of 2", false},
		{"SCHEDULE OF ADJUSTMENTS\nPage 3 of 3", false},
	} {
		if got := onlySignature(page.text); got != page.only {
			t.Errorf("onlySignature(%q) = %v", page.text, got)
		}
	}
	for _, d := range layoutDocuments(t) {
		pages, err := pdftest.Text(pdfOf(t, d.make))
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages {
			if onlySignature(p) {
				t.Errorf("%s: page %d of %d holds only a signature block:\n%s", d.name, i+1, len(pages), p)
			}
		}
	}
}
