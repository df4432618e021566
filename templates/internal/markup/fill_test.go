package markup

import (
	"reflect"
	"testing"

	"github.com/warrantkit/warrantkit/render"
)

func TestFill_Small(t *testing.T) {
	src := `# a comment
== s
@title A {{=who:upper}} TITLE
@item 1 (i)
The **bold** and __caption__ with {{f:40|No. {{=series}}-}}
# a comment inside
and {{g}} joined.

@hang 4 3 (A)
hanging
@symbol 3 Where  X =
defined
@lines 2
{{=who}}
{{=addr}}
`
	d, err := Parse("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	s := d.Section("s")
	if fields, texts := s.Placeholders(); !reflect.DeepEqual(fields, []string{"f", "g"}) || !reflect.DeepEqual(texts, []string{"who", "series", "addr"}) {
		t.Fatalf("placeholders %q %q", fields, texts)
	}
	bs, missing := s.Fill(map[string]string{"who": "Acme", "series": "W-A", "addr": "1 Road\nTown", "g": "x"})
	if len(missing) != 0 {
		t.Fatal(missing)
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
	// A symbol's label ends before its text, whatever its width.
	level := 3.0 // computed at run time, as the filler does
	if y := bs[3].(render.Paragraph); y.Label != "Where X =" || y.LabelAlign != render.Right || y.Indent != level*indentUnit || y.First != 0 || y.Spans[0].Text != "defined" {
		t.Fatalf("symbol: %+v", y)
	}
	l := bs[4].(render.Paragraph)
	if len(l.Spans) != 1 || l.Spans[0].Text != "Acme\n1 Road\nTown" || l.Align != render.Left {
		t.Fatalf("lines: %+v", l)
	}
}

// A required text left empty is reported once, in order of first
// appearance; an optional one is an empty underline of its width.
func TestFill_Missing(t *testing.T) {
	d, err := Parse("t.txt", "== s\n@center {{=b}} {{=a}} {{=b:stop}}\n@p\n{{=c?40}} and {{=a}}\n")
	if err != nil {
		t.Fatal(err)
	}
	bs, missing := d.Section("s").Fill(nil)
	if !reflect.DeepEqual(missing, []string{"b", "a"}) {
		t.Fatalf("missing = %q", missing)
	}
	p := bs[1].(render.Paragraph)
	if !reflect.DeepEqual(p.Spans, []render.Span{render.F("", 40), render.T(" and ")}) {
		t.Fatalf("optional: %+v", p.Spans)
	}
}

// The run-in number of a numbered item, a pair, a formula, a keep and a
// signature block.
func TestFill_Blocks(t *testing.T) {
	src := `== s
@item 0 1.
**Term.** The term.

@pair Left {{=a}} || Right
@keep
@formula X = | (A)(Y) | B
@signature 3
heading {{=a:upper}}
sign By: {{sig}}
line Name: {{=name}}
@endkeep
`
	d, err := Parse("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	bs, missing := d.Section("s").Fill(map[string]string{"a": "Acme", "sig": "", "sig.tag": "[sig]", "name": "A\nB"})
	if len(missing) != 0 || len(bs) != 3 {
		t.Fatalf("%d blocks, missing %q", len(bs), missing)
	}
	item := bs[0].(render.Paragraph)
	if !reflect.DeepEqual(item.Spans, []render.Span{render.T("1. "), render.B("Term."), render.T(" The term.")}) || item.Label != "" || item.First != indentUnit {
		t.Fatalf("item: %+v", item)
	}
	// A pair is one line with a part at each margin.
	if pair := bs[1].(render.Split); !reflect.DeepEqual(pair, render.Split{Left: []render.Span{render.T("Left Acme")}, Right: []render.Span{render.T("Right")}}) {
		t.Fatalf("pair: %+v", pair)
	}
	keep := bs[2].(render.Keep)
	if f := keep.Blocks[0].(render.Fraction); f.Left != "X =" || f.Numerator != "(A)(Y)" || f.Denominator != "B" || f.Right != "" {
		t.Fatalf("formula: %+v", f)
	}
	sig := keep.Blocks[1].(render.Signature)
	level := 3.0 // computed at run time, as the filler does
	wantLines := []render.SignatureLine{{Label: "By:", Tag: "[sig]", Tall: true}, {Value: "Name: A"}, {Value: "B"}}
	if sig.Heading != "ACME" || sig.Indent != level*indentUnit || sig.Width != signatureWidth || !reflect.DeepEqual(sig.Lines, wantLines) {
		t.Fatalf("signature: %+v", sig)
	}
}

// A filled value's closing comma is set after its underline, as the
// sentence's punctuation.
func TestFill_CommaAfterField(t *testing.T) {
	d, err := Parse("t.txt", "== s\n@p\nFrom {{g:30}} hereby.\n")
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := d.Section("s").Fill(map[string]string{"g": "Acme, as Holder,"})
	want := []render.Span{render.T("From "), render.F("Acme, as Holder", 30), render.T(", hereby.")}
	if p := bs[0].(render.Paragraph); !reflect.DeepEqual(p.Spans, want) {
		t.Fatalf("spans %+v, want %+v", p.Spans, want)
	}
}
