package templates

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// glowpointTexts are the plain-text values of the Glowpoint 2005 Warrant as
// the filing prints them (what a case file gives the templates).
func glowpointTexts() map[string]string {
	return map[string]string{
		"issuer_name":             "Glowpoint, Inc.",
		"jurisdiction":            "Delaware",
		"series":                  "W-F-05",
		"original_issue_date":     "March 14, 2005",
		"purchase_agreement_date": "March 14, 2005",
		"expiration_date":         "March 14, 2010",
		"expiration_time":         "5:00 p.m., eastern time",
		"exercise_start":          "September 15, 2005",
		"initial_price":           "$2.40",
		"cap_percent":             "4.999%",
		"cap_waiver_days":         "sixty-one (61)",
		"delivery_days":           "three (3)",
		"notice_days":             "twenty (20)",
		"deferral_threshold":      "one percent (1%)",
		"issuer_address":          "225 Long Avenue\nHillside, New Jersey 07205",
		"notice_attention":        "Chief Financial Officer",
		"notice_phone":            "973-391-2000",
		"notice_fax":              "973-923-3352",
		"signatory_name":          "Gerard E. Dorsey",
		"signatory_title":         "Chief Financial Officer,\nExecutive Vice President, Finance",
	}
}

func with(m map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func TestWarrantSectionsParse(t *testing.T) {
	want := []string{"warrant", "exercise-form", "assignment", "partial-assignment", "issuer-record"}
	if got := WarrantSections(); !reflect.DeepEqual(got, want) {
		t.Fatalf("WarrantSections() = %q, want %q", got, want)
	}
	for _, s := range want {
		blocks, err := WarrantText(s, glowpointTexts())
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if len(blocks) == 0 {
			t.Fatalf("%s: no blocks", s)
		}
	}
	if _, err := WarrantText("schedule", glowpointTexts()); err == nil {
		t.Fatal("an unknown section is not an error")
	}
}

// Every placeholder written in a section of warrant.txt is listed by
// WarrantPlaceholders, and nothing else is.
func TestWarrantPlaceholdersComplete(t *testing.T) {
	src, err := os.ReadFile("text/warrant.txt")
	if err != nil {
		t.Fatal(err)
	}
	var section string
	raw := map[string]map[string]bool{}
	ph := regexp.MustCompile(`\{\{(=?)([a-z][a-z0-9_]*)`)
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "== ") {
			section = strings.TrimSpace(l[3:])
			raw[section] = map[string]bool{}
			continue
		}
		for _, m := range ph.FindAllStringSubmatch(l, -1) {
			kind := "field"
			if m[1] == "=" {
				kind = "text"
			}
			raw[section][kind+":"+m[2]] = true
		}
	}
	for _, s := range WarrantSections() {
		fields, texts := WarrantPlaceholders(s)
		got := map[string]bool{}
		for _, f := range fields {
			got["field:"+f] = true
		}
		for _, x := range texts {
			got["text:"+x] = true
		}
		if !reflect.DeepEqual(got, raw[s]) {
			t.Errorf("%s: WarrantPlaceholders = %v, the text has %v", s, got, raw[s])
		}
		if len(got) != len(fields)+len(texts) {
			t.Errorf("%s: a name listed twice: %q %q", s, fields, texts)
		}
	}
	// The names the callers rely on.
	fields, texts := WarrantPlaceholders("warrant")
	for _, f := range []string{"number", "shares", "holder", "shares_words", "issuer_signature"} {
		if !slices.Contains(fields, f) {
			t.Errorf("warrant: no field %q in %q", f, fields)
		}
	}
	for x := range glowpointTexts() {
		if !slices.Contains(texts, x) {
			t.Errorf("warrant: text %q is not used", x)
		}
	}
	if f, x := WarrantPlaceholders("nonesuch"); f != nil || x != nil {
		t.Error("an unknown section has placeholders")
	}
}

func TestWarrantTextMissingText(t *testing.T) {
	v := glowpointTexts()
	delete(v, "expiration_time")
	v["exercise_start"] = ""
	_, err := WarrantText("warrant", v)
	if err == nil || !strings.Contains(err.Error(), "{{=expiration_time}}") || !strings.Contains(err.Error(), "{{=exercise_start}}") {
		t.Fatalf("err = %v, want one naming expiration_time and exercise_start", err)
	}
	// A form needs only the issuer's name.
	if _, err := WarrantText("exercise-form", map[string]string{"issuer_name": "Glowpoint, Inc."}); err != nil {
		t.Fatal(err)
	}
	if _, err := WarrantText("issuer-record", nil); err != nil {
		t.Fatal(err) // no plain texts at all
	}
}

// spansOf collects the spans of the paragraphs of blocks, in order.
func spansOf(blocks []render.Block) []render.Span {
	var out []render.Span
	for _, b := range blocks {
		switch b := b.(type) {
		case render.Paragraph:
			out = append(out, b.Spans...)
		case render.Keep:
			out = append(out, spansOf(b.Blocks)...)
		}
	}
	return out
}

func TestWarrantTextFields(t *testing.T) {
	blank, err := WarrantText("warrant", glowpointTexts())
	if err != nil {
		t.Fatal(err)
	}
	// Blank: the series prints before the empty underline of the number.
	sp := spansOf(blank)
	i := slices.IndexFunc(sp, func(s render.Span) bool { return s.Field })
	if i < 1 || sp[i].Text != "" || !strings.HasSuffix(sp[i-1].Text, "No.: W-F-05-") {
		t.Fatalf("blank number: %+v", sp[:i+1])
	}
	filled, err := WarrantText("warrant", with(glowpointTexts(),
		"number", "W-F-05-004", "number.tag", "{{N}}", "holder", "Łukasz Żółć", "shares", "41,667"))
	if err != nil {
		t.Fatal(err)
	}
	sp = spansOf(filled)
	i = slices.IndexFunc(sp, func(s render.Span) bool { return s.Field })
	if sp[i].Text != "W-F-05-004" || sp[i-1].Text != "No.: " || !sp[i+1].Tag || sp[i+1].Text != "{{N}}" {
		t.Fatalf("filled number: %+v", sp[i-1:i+2])
	}
	var fields []string
	for _, s := range sp {
		if s.Field {
			fields = append(fields, s.Text)
		}
	}
	if want := []string{"W-F-05-004", "41,667", "Łukasz Żółć", "", "41,667"}; !reflect.DeepEqual(fields, want) {
		t.Fatalf("fields = %q, want %q", fields, want)
	}
	// The signature block: heading in capitals, the title on two lines.
	var sig *render.Signature
	var find func([]render.Block)
	find = func(bs []render.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case render.Signature:
				sig = &b
			case render.Keep:
				find(b.Blocks)
			}
		}
	}
	find(filled)
	if sig == nil || sig.Heading != "GLOWPOINT, INC." || len(sig.Lines) != 4 || sig.Lines[0].Label != "By:" || !sig.Lines[0].Tall ||
		sig.Lines[1].Value != "Gerard E. Dorsey" || sig.Lines[3].Value != "Executive Vice President, Finance" {
		t.Fatalf("signature: %+v", sig)
	}
}

func TestParseWarrantTextErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"== a\n@frobnicate x\n", "unknown directive @frobnicate"},
		{"== a\n@p\nsome {{name text\n", "unclosed placeholder"},
		{"== a\n@p\nsome {{=name text\n", "unclosed placeholder"},
		{"== a\n@p\nsome }} text\n", "}} without {{"},
		{"== a\n@p\n**bold text\n", "** not closed"},
		{"== a\n@p\n__under text\n", "__ not closed"},
		{"== a\n@p\n{{Bad-Name}}\n", "bad placeholder name"},
		{"== a\n@p\n{{name:wide}}\n", "bad width"},
		{"== a\n@p\n{{=name:lower}}\n", "unknown modifier"},
		{"== a\n@title {{field}}\n", "fill-in field"},
		{"== a\n@p\n\n", "without text"},
		{"@p\ntext\n", "before the first section"},
		{"== a\nloose text\n", "text outside a paragraph"},
		{"== a\n@center x\n== a\n@center y\n", "defined twice"},
		{"== a\n@keep\n@center x\n", "not closed by @endkeep"},
		{"== a\n@endkeep\n", "without @keep"},
		{"== a\n@hang 1 2 (A)\ntext\n", "left of the text"},
		{"== a\n@item 1\ntext\n", "one-word label"},
		{"== a\n@pair left only\n", "LEFT || RIGHT"},
		{"== a\n@formula a | b\n", "@formula needs"},
		{"== a\n@space lots\n", "@space needs"},
		{"== a\n@signature\nline x\nstamp y\n", "unknown line"},
		{"== a\n@signature\nsign By: plain\n", "sign needs"},
		{"== a\n", "is empty"},
	} {
		_, err := parseWarrantText("t.txt", c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.src, err, c.want)
		}
	}
	if _, err := parseWarrantText("t.txt", "== a\n@pagebreak\n"); err != nil {
		t.Errorf("a one-block section: %v", err)
	}
}

func TestParseWarrantTextSmall(t *testing.T) {
	src := `# a comment
== s
@title A {{=who:upper}} TITLE
@item 1 (i)
The **bold** and __caption__ with {{f:40|No. {{=series}}-}}
# a comment inside
and {{g}} joined.

@hang 4 3 (A)
hanging
@lines 2
{{=who}}
{{=addr}}
`
	d, err := parseWarrantText("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	s := d.byName["s"]
	if !reflect.DeepEqual(s.fields, []string{"f", "g"}) || !reflect.DeepEqual(s.texts, []string{"who", "series", "addr"}) {
		t.Fatalf("placeholders %q %q", s.fields, s.texts)
	}
	f := &filler{values: map[string]string{"who": "Acme", "series": "W-A", "addr": "1 Road\nTown", "g": "x"}}
	bs := f.blocks(s.blocks)
	if len(f.missing) != 0 {
		t.Fatal(f.missing)
	}
	if h := bs[0].(render.Heading); h.Text != "A ACME TITLE" || h.Level != 1 {
		t.Fatalf("%+v", h)
	}
	p := bs[1].(render.Paragraph)
	// A lettered or roman item hangs: its label at the first-line indent, its text after it.
	want := []render.Span{render.T("The "), render.B("bold"), render.T(" and "), {Text: "caption", Style: render.Underline},
		render.T(" with No. W-A-"), render.F("", 40), render.T(" and "), render.F("x", 30), render.T(" joined.")}
	if !reflect.DeepEqual(p.Spans, want) || p.Label != "(i)" || p.Indent != 12.7+12.7+itemLabelWidth || p.First != -itemLabelWidth {
		t.Fatalf("item: %+v", p)
	}
	h := bs[2].(render.Paragraph)
	if h.Label != "(A)" || h.Indent != 4*12.7 || h.First != -12.7 {
		t.Fatalf("hang: %+v", h)
	}
	l := bs[3].(render.Paragraph)
	if len(l.Spans) != 1 || l.Spans[0].Text != "Acme\n1 Road\nTown" || l.Align != render.Left {
		t.Fatalf("lines: %+v", l)
	}
}

// ---- fidelity: the rendered Warrant says exactly what the filing says ----

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

func TestWarrantTextForms(t *testing.T) {
	// The issuer record: "W-" before a blank number, the whole number when
	// filled.
	blocks, err := WarrantText("issuer-record", map[string]string{"record_new_number": "W-F-05-007", "record_new_number.tag": ""})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := blocks[0].(render.PageBreak); !ok {
		t.Fatalf("the record does not start a page: %T", blocks[0])
	}
	var text strings.Builder
	for _, s := range spansOf(blocks) {
		if s.Field {
			fmt.Fprintf(&text, "[%s]", s.Text)
		} else {
			text.WriteString(s.Text)
		}
	}
	if got := text.String(); !strings.Contains(got, "This Warrant No. W-[] canceled") || !strings.Contains(got, "Warrant No. [W-F-05-007] issued for [] shares") {
		t.Fatalf("record: %s", got)
	}
	// {{=issuer_name:stop}} ends the sentence once.
	for name, want := range map[string]string{"Glowpoint, Inc.": "Common Stock of Glowpoint, Inc.", "Acme Corporation": "Common Stock of Acme Corporation."} {
		blocks, err := WarrantText("exercise-form", map[string]string{"issuer_name": name, "exercise_date.tag": "\\d1\\"})
		if err != nil {
			t.Fatal(err)
		}
		sp := spansOf(blocks)
		var all strings.Builder
		tagged := false
		for i, s := range sp {
			all.WriteString(s.Text)
			if s.Tag && s.Text == "\\d1\\" && i > 0 && sp[i-1].Field {
				tagged = true
			}
		}
		if !strings.Contains(all.String(), want+"Dated: ") { // the paragraphs run together here
			t.Errorf("%s: %q", name, all.String())
		}
		if !tagged {
			t.Errorf("%s: no e-sign tag after the date field", name)
		}
	}
	// The forms are set ragged right, not justified.
	blocks, err = WarrantText("assignment", map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks[0].(render.Keep).Blocks {
		if p, ok := b.(render.Paragraph); ok && p.Align == render.Justify {
			t.Errorf("a justified paragraph in the Assignment: %+v", p.Spans[0])
		}
	}
}

// TestWarrantBlanks checks the blanks, which the fidelity test cannot see
// (an empty underline has no text): the Warrant and its forms have a fill-in
// field exactly where the filing has a run of underscores, each after the
// same word ("that ____", "No.: W-F-05-___", "Address ____", …).
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
	walk = func(bs []render.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case render.Paragraph:
				text.WriteString(" " + b.Label + " ")
				for _, s := range b.Spans {
					switch {
					case s.Field:
						text.WriteString(mark)
					case !s.Tag:
						text.WriteString(s.Text)
					}
				}
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
