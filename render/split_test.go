package render

import (
	"math"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/render/pdftest"
)

// Where a Split and a right-aligned label put their text, read back from the
// PDF (points, y upwards).

// runsOf renders blocks and returns the runs of text of its first page.
func runsOf(t *testing.T, blocks ...Block) []pdftest.Run {
	t.Helper()
	pages, err := pdftest.Runs(render(t, Meta{}, blocks...))
	if err != nil {
		t.Fatal(err)
	}
	return pages[0]
}

// runAt finds the run that begins with prefix.
func runAt(t *testing.T, runs []pdftest.Run, prefix string) pdftest.Run {
	t.Helper()
	for _, r := range runs {
		if strings.HasPrefix(r.Text, prefix) {
			return r
		}
	}
	t.Fatalf("no run begins with %q in %+v", prefix, runs)
	return pdftest.Run{}
}

const (
	leftEdge  = Margin * k
	rightEdge = (Margin + TextWidth) * k
)

func TestSplit_OneLine(t *testing.T) {
	runs := runsOf(t,
		Split{Left: []Span{T("No.: "), F("W-F-05-004", 25)}, Right: []Span{T("Number of Shares: 41,667")}},
		Paragraph{Spans: []Span{T("Next")}},
	)
	no, shares, next := runAt(t, runs, "No.:"), runAt(t, runs, "Number of Shares:"), runAt(t, runs, "Next")
	if no.Y != shares.Y {
		t.Errorf("not one baseline: %v and %v", no.Y, shares.Y)
	}
	if math.Abs(no.X0-leftEdge) > 0.01 || math.Abs(shares.X1-rightEdge) > 0.01 {
		t.Errorf("left part from %.2f (want %.2f), right part to %.2f (want %.2f)", no.X0, leftEdge, shares.X1, rightEdge)
	}
	// One line high, with a paragraph's space after it.
	if gap := no.Y - next.Y; math.Abs(gap-(lineHeight(defaultSize)+defaultSpaceAfter)*k) > 0.01 {
		t.Errorf("the next paragraph is %.2f pt below", gap)
	}
}

// Parts too wide to share a line: the right part is set below, flush right;
// a part with a line break wraps.
func TestSplit_TooWide(t *testing.T) {
	long := strings.Repeat("word ", 14) // about 90 mm
	for _, s := range []Split{
		{Left: []Span{T("Left " + long)}, Right: []Span{T("Right " + long)}},
		{Left: []Span{T("Left\nsecond line")}, Right: []Span{T("Right")}},
		{Left: []Span{T("Left "), F(strings.Repeat("x", 150), 0)}, Right: []Span{T("Right")}},
	} {
		runs := runsOf(t, s)
		l, r := runAt(t, runs, "Left"), runAt(t, runs, "Right")
		if !(r.Y < l.Y) {
			t.Errorf("%q: the right part is not below the left: %v, %v", s.Left[0].Text, l.Y, r.Y)
		}
		last := runs[len(runs)-2] // before the footer
		if math.Abs(last.X1-rightEdge) > 0.01 || math.Abs(l.X0-leftEdge) > 0.01 {
			t.Errorf("%q: left from %.2f, right to %.2f", s.Left[0].Text, l.X0, last.X1)
		}
	}
	// Kept together: a Split that does not fit at the foot of a page moves whole.
	fill := capacity - 2*lineHeight(defaultSize) + 1
	pages, err := pdftest.Runs(render(t, Meta{}, Spacer{Height: fill}, Paragraph{Spans: []Span{T("x")}},
		Split{Left: []Span{T("Left " + long)}, Right: []Span{T("Right " + long)}}))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || !strings.HasPrefix(pages[1][0].Text, "Left") {
		t.Errorf("split across pages: %+v", pages)
	}
}

func TestSplit_Empty(t *testing.T) {
	runs := runsOf(t, Split{}, Split{Right: []Span{T("Signature")}})
	if r := runAt(t, runs, "Signature"); math.Abs(r.X1-rightEdge) > 0.01 {
		t.Errorf("right part alone ends at %.2f", r.X1)
	}
}

// Right-aligned labels end in one column, an em before the text, whatever
// their width; a label wider than the room starts at the margin.
func TestLabelAlignRight(t *testing.T) {
	const indent = 38.1
	runs := runsOf(t,
		Paragraph{Label: "Where X =", LabelAlign: Right, Indent: indent, Spans: []Span{T("the number of shares.")}},
		Paragraph{Label: "Y =", LabelAlign: Right, Indent: indent, Spans: []Span{T("the shares exercised.")}},
		Paragraph{Label: "A much wider label than the room =", LabelAlign: Right, Indent: 10, Spans: []Span{T("text")}},
	)
	x, y := runAt(t, runs, "Where X ="), runAt(t, runs, "Y =")
	end := (Margin + indent - ptToMM(defaultSize)) * k
	if math.Abs(x.X1-end) > 0.01 || math.Abs(y.X1-end) > 0.01 {
		t.Errorf("labels end at %.2f and %.2f, want %.2f", x.X1, y.X1, end)
	}
	for _, s := range []string{"the number", "the shares"} {
		if r := runAt(t, runs, s); math.Abs(r.X0-(Margin+indent)*k) > 0.01 {
			t.Errorf("%q starts at %.2f", s, r.X0)
		}
	}
	wide, text := runAt(t, runs, "A much wider"), runAt(t, runs, "text")
	if math.Abs(wide.X0-leftEdge) > 0.01 || !(text.X0 > wide.X1) || text.Y != wide.Y {
		t.Errorf("wide label %+v, text %+v", wide, text)
	}
}
