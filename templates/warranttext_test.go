package templates

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/render"
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

// spansOf collects the spans of the paragraphs and split lines of blocks, in
// order.
func spansOf(blocks []render.Block) []render.Span {
	var out []render.Span
	for _, b := range blocks {
		switch b := b.(type) {
		case render.Paragraph:
			out = append(out, b.Spans...)
		case render.Split: // the left part, then the right part
			out = append(append(append(out, b.Left...), render.T(" ")), b.Right...)
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
