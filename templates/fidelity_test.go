package templates

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// Fidelity: the rendered Warrant says exactly what the filing says
// (testdata/seed-warrant.txt), word for word and blank for blank.

var (
	pageNumberLine = regexp.MustCompile(`(?m)^[ \t]*[0-9]+[ \t]*$`)
	underscores    = regexp.MustCompile(`_+`)
	dashRule       = regexp.MustCompile(`-{3,}`)
	footer         = regexp.MustCompile(`Page [0-9]+ of [0-9]+`)
	spaces         = regexp.MustCompile(`\s+`)
	// A blank (an underscore run in the filing, an empty underline in the
	// rendering) may leave a space beside punctuation on one side and not
	// on the other: "(_____________)" is "()" in the filing and may extract
	// as "( )". The filing has no "( ", " )", " ," or " ." anywhere else,
	// so closing these up on both sides hides no difference of words.
	blankGap = strings.NewReplacer("( ", "(", " )", ")", " ,", ",", " .", ".")
)

// normalizeSeed is the filing's text as the rendering should read:
//  1. the page-number lines ("2" … "16", alone on a line) are removed — the
//     rendering numbers its pages in a footer instead;
//  2. the "EXHIBIT 4.1" line is removed — it is the exhibit label of the SEC
//     filing, not part of the instrument;
//  3. every run of underscores (a blank: "____", "W-F-05-___", "(_____)") is
//     removed — the rendering draws blanks as empty underlines, which have
//     no text;
//  4. every run of three or more hyphens is removed — the signature rule
//     under "By:" and the fraction bar of the §2(c) formula, which the
//     rendering draws as lines;
//  5. whitespace is collapsed to single spaces, and the gap a blank leaves
//     beside punctuation is closed up (blankGap).
func normalizeSeed(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = pageNumberLine.ReplaceAllString(s, "")
	s = strings.Replace(s, "EXHIBIT 4.1", "", 1)
	s = underscores.ReplaceAllString(s, " ")
	s = dashRule.ReplaceAllString(s, " ")
	return normalizeCommon(s)
}

// normalizeRendered is the text extracted from the rendering: its pages
// joined with spaces, the "Page X of Y" footers removed, then the same
// whitespace and blank-gap rules.
//
// One more: the §2(c) formula is a displayed fraction whose numerator sits
// above the line of its left side, so text read top to bottom gives
// "(A)(Y) X = Y - B"; the filing, typed on a grid, has the numerator on the
// line of the left side: "X = Y - (A)(Y)" over "B". The rendering's order is
// put back to the filing's (the test fails if the formula is in neither).
func normalizeRendered(pages []string) string {
	s := strings.Join(pages, " ")
	s = footer.ReplaceAllString(s, " ")
	s = normalizeCommon(s)
	const filing, read = "X = Y - (A)(Y) B Where", "(A)(Y) X = Y - B Where"
	if strings.Count(s, read) == 1 && !strings.Contains(s, filing) {
		s = strings.Replace(s, read, filing, 1)
	}
	return s
}

func normalizeCommon(s string) string {
	s = strings.TrimSpace(spaces.ReplaceAllString(s, " "))
	for {
		t := blankGap.Replace(s)
		if t == s {
			return s
		}
		s = t
	}
}

// renderSections lays out sections of the Warrant with values into one PDF
// and returns its text, page by page. It skips the test while the render
// engine is a skeleton.
func renderSections(t *testing.T, values map[string]string, sections ...string) []string {
	t.Helper()
	d, err := render.New(render.Meta{Title: "Warrant", Author: "Glowpoint, Inc.", Created: time.Date(2005, 3, 14, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sections {
		blocks, err := WarrantText(s, values)
		if err != nil {
			t.Fatal(err)
		}
		d.Add(blocks...)
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		if strings.Contains(err.Error(), "not implemented") {
			t.Skip("render not implemented")
		}
		t.Fatal(err)
	}
	if err := pdftest.Validate(buf.Bytes(), true); err != nil {
		t.Fatalf("the PDF does not pass strict validation: %v", err)
	}
	if path := os.Getenv("WARRANTKIT_WRITE_PDF"); path != "" {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := pdftest.Text(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestWarrantFidelity renders the Warrant and its four forms, every blank
// empty and the Glowpoint texts filled in, and checks that the PDF's text is
// the filing's text word for word (after the normalisations documented on
// normalizeSeed and normalizeRendered). A word missing, added or changed in
// warrant.txt fails it.
func TestWarrantFidelity(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-warrant.txt")
	if err != nil {
		t.Fatal(err)
	}
	pages := renderSections(t, glowpointTexts(), WarrantSections()...)
	got := normalizeRendered(pages)
	want := normalizeSeed(string(seed))
	if got != want {
		t.Fatalf("the rendered Warrant differs from the filing:\n%s", firstDifference(want, got))
	}
	// The forms start new pages as in the filing: the Exercise Form with the
	// Assignment and Partial Assignment after it, then the issuer's record.
	at := func(s string) int {
		for i, p := range pages {
			if strings.Contains(p, s) {
				return i
			}
		}
		t.Fatalf("%q is on no page", s)
		return -1
	}
	ex, as, pa, rec, sig := at("EXERCISE FORM"), at("ASSIGNMENT"), at("PARTIAL ASSIGNMENT"), at("FOR USE BY THE ISSUER ONLY"), at("IN WITNESS WHEREOF")
	if !(sig < ex && ex == as && as == pa && pa < rec) {
		t.Errorf("pages: signature %d, exercise form %d, assignment %d, partial assignment %d, record %d", sig, ex, as, pa, rec)
	}
}

// firstDifference shows where two texts first differ, word by word.
func firstDifference(want, got string) string {
	w, g := strings.Fields(want), strings.Fields(got)
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	ctx := func(ws []string) string {
		lo, hi := max(0, i-12), min(len(ws), i+12)
		return strings.Join(ws[lo:i], " ") + " >>>" + strings.Join(ws[i:hi], " ")
	}
	return fmt.Sprintf("at word %d (filing %d words, rendering %d):\n filing:    …%s\n rendering: …%s", i, len(w), len(g), ctx(w), ctx(g))
}

// TestWarrantFilled renders the Warrant filled for a holder whose name needs
// the embedded font, and finds the blanks' values in the PDF's text.
func TestWarrantFilled(t *testing.T) {
	v := with(glowpointTexts(),
		"number", "W-F-05-004",
		"holder", "Łukasz Żółć",
		"shares_words", "Forty-One Thousand Six Hundred Sixty-Seven",
		"shares", "41,667",
	)
	text := normalizeRendered(renderSections(t, v, "warrant"))
	for _, s := range []string{
		"No.: W-F-05-004",
		"Number of Shares: 41,667",
		"hereby certifies that Łukasz Żółć or its registered assigns",
		"up to Forty-One Thousand Six Hundred Sixty-Seven (41,667) shares",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the filled Warrant does not say %q", s)
		}
	}
	if strings.Contains(text, "W-F-05-W-F-05") {
		t.Error("the series is printed twice before a filled number")
	}
}

func TestWarrantBlanks(t *testing.T) {
	const mark = "\u2423" // ␣
	seed, err := os.ReadFile("testdata/seed-warrant.txt")
	if err != nil {
		t.Fatal(err)
	}
	before := func(s string) []string { // the word before each blank
		var out []string
		f := strings.Fields(strings.ReplaceAll(s, mark, " "+mark+" "))
		for i, w := range f {
			if w == mark {
				out = append(out, f[i-1])
			}
		}
		return out
	}
	want := before(underscores.ReplaceAllString(string(seed), mark))

	var text strings.Builder
	var walk func([]render.Block)
	spans := func(sp []render.Span) {
		for _, s := range sp {
			switch {
			case s.Field:
				text.WriteString(mark)
			case !s.Tag:
				text.WriteString(s.Text)
			}
		}
	}
	walk = func(bs []render.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case render.Paragraph:
				text.WriteString(" " + b.Label + " ")
				spans(b.Spans)
			case render.Split:
				text.WriteString(" ")
				spans(b.Left)
				text.WriteString(" ")
				spans(b.Right)
			case render.Keep:
				walk(b.Blocks)
			}
		}
	}
	for _, s := range WarrantSections() {
		blocks, err := WarrantText(s, glowpointTexts())
		if err != nil {
			t.Fatal(err)
		}
		walk(blocks)
	}
	got := before(text.String())
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the blanks follow\n %q in the rendering,\n %q in the filing", got, want)
	}
	if len(want) != 35 {
		t.Fatalf("%d blanks in the filing, expected 35", len(want))
	}
}
