package render

import (
	"math"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// layoutSpans breaks and places spans as a paragraph does (no label).
func layoutSpans(spans []Span, size, x0, avail float64, align Align) ([]line, []setLine) {
	ls := breakLines(words(spans, size, avail, nil), size, avail, avail)
	sls := make([]setLine, len(ls))
	for i, l := range ls {
		sls[i] = place(l, align, x0, avail)
	}
	return ls, sls
}

func TestBreakLines_Justified(t *testing.T) {
	const x0, avail = 12.7, 152.4
	ls, sls := layoutSpans([]Span{T(lorem)}, 11, x0, avail, Justify)
	if len(ls) < 3 {
		t.Fatalf("%d lines, want several", len(ls))
	}
	var got []string
	for i, sl := range sls {
		for _, it := range sl.items {
			got = append(got, it.text)
			if end := it.x + width(it.style, 11, it.text); end > x0+avail+1e-9 {
				t.Errorf("line %d: %q ends at %.4f, past %.4f", i, it.text, end, x0+avail)
			}
		}
		if sl.items[0].x != x0 {
			t.Errorf("line %d starts at %.4f, want %.4f", i, sl.items[0].x, x0)
		}
		last := i == len(sls)-1
		if !last && math.Abs(sl.end-(x0+avail)) > 0.01 {
			t.Errorf("justified line %d ends at %.4f, want %.4f", i, sl.end, x0+avail)
		}
		if last && sl.end >= x0+avail-1 {
			t.Errorf("last line ends at %.4f: it was justified", sl.end)
		}
	}
	if strings.Join(got, " ") != lorem {
		t.Errorf("words out of order or lost:\n got %q\nwant %q", strings.Join(got, " "), lorem)
	}
	t.Run("greedy", func(t *testing.T) {
		// Each line is full: the next line's first word would not fit.
		for i := 0; i+1 < len(ls); i++ {
			next := ls[i+1].words[0]
			if ls[i].natural+width(Regular, 11, " ")+next.w <= avail {
				t.Errorf("line %d (%.2f mm) had room for the next word", i, ls[i].natural)
			}
		}
	})
}

func TestBreakLines_Alignments(t *testing.T) {
	for _, c := range []struct {
		align Align
		start func(w float64) float64
	}{
		{Left, func(float64) float64 { return 10 }},
		{Center, func(w float64) float64 { return 10 + (100-w)/2 }},
		{Right, func(w float64) float64 { return 110 - w }},
	} {
		_, sls := layoutSpans([]Span{T("Short line.")}, 11, 10, 100, c.align)
		w := width(Regular, 11, "Short line.")
		if got, want := sls[0].items[0].x, c.start(w); math.Abs(got-want) > 1e-9 {
			t.Errorf("align %d: starts at %.4f, want %.4f", c.align, got, want)
		}
	}
}

func TestBreakLines_Fields(t *testing.T) {
	t.Run("blank field is an underline MinWidth wide", func(t *testing.T) {
		_, sls := layoutSpans([]Span{T("Price: "), F("", 40), T(" per share")}, 11, 0, 165.1, Left)
		if len(sls[0].rules) != 1 {
			t.Fatalf("rules = %v, want one", sls[0].rules)
		}
		r := sls[0].rules[0]
		if math.Abs(r.x2-r.x1-40) > 1e-9 {
			t.Errorf("blank is %.4f mm, want 40", r.x2-r.x1)
		}
		if want := width(Regular, 11, "Price: "); math.Abs(r.x1-want) > 1e-9 {
			t.Errorf("blank starts at %.4f, want %.4f", r.x1, want)
		}
	})
	t.Run("filled field underlines max(text, MinWidth)", func(t *testing.T) {
		for _, min := range []float64{0, 10, 60} {
			_, sls := layoutSpans([]Span{F("Łukasz Żółć", min)}, 11, 0, 165.1, Left)
			tw := width(Regular, 11, "Łukasz Żółć")
			r := sls[0].rules
			if len(r) != 1 || math.Abs(r[0].x2-r[0].x1-math.Max(tw, min)) > 1e-9 {
				t.Errorf("MinWidth %v: rules %v, want one of %.4f mm", min, r, math.Max(tw, min))
			}
		}
	})
	t.Run("a long field breaks across lines, underlined on each", func(t *testing.T) {
		value := strings.Repeat("name and address ", 12)
		_, sls := layoutSpans([]Span{B("Holder: "), F(value, 20), B(" end.")}, 11, 0, 100, Justify)
		if len(sls) < 3 {
			t.Fatalf("%d lines, want ≥ 3", len(sls))
		}
		var text []string
		for i, sl := range sls {
			if len(sl.rules) != 1 {
				t.Fatalf("line %d: rules %v, want one", i, sl.rules)
			}
			// The rule runs under every field word of the line, gaps included.
			r := sl.rules[0]
			for _, it := range sl.items {
				if it.text == "Holder:" || it.text == "end." {
					continue
				}
				text = append(text, it.text)
				if it.x < r.x1-1e-9 || it.x+width(Regular, 11, it.text) > r.x2+1e-9 {
					t.Errorf("line %d: %q at %.2f not over its rule %v", i, it.text, it.x, r)
				}
			}
		}
		if strings.Join(text, " ") != strings.TrimSpace(value) {
			t.Errorf("field text %q, want %q", strings.Join(text, " "), value)
		}
	})
}

func TestBreakLines_Breaks(t *testing.T) {
	t.Run("newlines force breaks", func(t *testing.T) {
		ls, _ := layoutSpans([]Span{T("Glowpoint, Inc.\n430 Mountain Avenue\n\nMurray Hill")}, 11, 0, 165.1, Justify)
		var got []string
		for _, l := range ls {
			var ws []string
			for _, w := range l.words {
				for _, f := range w.frags {
					ws = append(ws, f.text)
				}
			}
			got = append(got, strings.Join(ws, " "))
			if !l.last {
				t.Errorf("line %q would be justified", got[len(got)-1])
			}
		}
		want := []string{"Glowpoint, Inc.", "430 Mountain Avenue", "", "Murray Hill"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("lines %q, want %q", got, want)
		}
	})
	t.Run("a word wider than the line is broken by characters", func(t *testing.T) {
		long := strings.Repeat("Supercalifragilistic", 10)
		_, sls := layoutSpans([]Span{T("Before " + long + " after")}, 11, 5, 50, Justify)
		var all string
		for i, sl := range sls {
			for _, it := range sl.items {
				all += it.text
				if it.x+width(it.style, 11, it.text) > 55+1e-9 {
					t.Errorf("line %d: %q past the margin", i, it.text)
				}
			}
		}
		if strings.ReplaceAll(all, " ", "") != "Before"+long+"after" {
			t.Errorf("characters lost: %q", all)
		}
		var first []string
		for _, it := range sls[0].items {
			first = append(first, it.text)
		}
		if !strings.HasPrefix(strings.Join(first, " "), "Before Super") {
			t.Errorf("the long word does not start on the first line: %+v", sls[0].items)
		}
	})
	t.Run("tags take no room and stay with the next word", func(t *testing.T) {
		_, sls := layoutSpans([]Span{T("Sign: "), Tag("{{Sig}}"), F("", 50)}, 11, 0, 165.1, Left)
		it := sls[0].items
		if len(it) != 2 || it[1].text != "{{Sig}}" || !it[1].tag {
			t.Fatalf("items %+v", it)
		}
		if r := sls[0].rules[0]; r.x1 != it[1].x {
			t.Errorf("blank at %.4f, tag at %.4f", r.x1, it[1].x)
		}
	})
}

// TestBreakLines_Property checks, on random paragraphs, that no line passes
// its width, that justified lines end at it, and that no character is lost.
func TestBreakLines_Property(t *testing.T) {
	vocabulary := []string{"the", "Warrant", "Price", "adjustment", "Łukasz", "Żółć", "山田太郎", "(250,000)", "—", "Supercalifragilisticexpialidocious", "x", "\n", "  "}
	rapid.Check(t, func(t *rapid.T) {
		size := rapid.SampledFrom([]float64{9.5, 11, 12, 14}).Draw(t, "size")
		avail := rapid.Float64Range(20, TextWidth).Draw(t, "avail")
		x0 := TextWidth - avail
		align := rapid.SampledFrom([]Align{Justify, Left, Center, Right}).Draw(t, "align")
		n := rapid.IntRange(1, 12).Draw(t, "spans")
		var spans []Span
		var want strings.Builder
		for i := 0; i < n; i++ {
			ws := rapid.SliceOfN(rapid.SampledFrom(vocabulary), 1, 8).Draw(t, "words")
			text := strings.Join(ws, " ")
			style := Style(rapid.IntRange(0, 3).Draw(t, "style"))
			switch rapid.IntRange(0, 5).Draw(t, "kind") {
			case 0:
				min := rapid.Float64Range(0, 80).Draw(t, "min")
				if rapid.Bool().Draw(t, "blank") {
					text = ""
				}
				spans = append(spans, Span{Text: text, Field: true, MinWidth: min, Style: style})
				text = strings.TrimSpace(text)
			case 1:
				spans = append(spans, Tag("{{tag}}"))
				text = "{{tag}}"
			default:
				spans = append(spans, Span{Text: text, Style: style})
			}
			want.WriteString(text)
		}
		ls, sls := layoutSpans(spans, size, x0, avail, align)
		var got strings.Builder
		for i, sl := range sls {
			for _, it := range sl.items {
				got.WriteString(it.text)
				w := 0.0
				if !it.tag {
					w = width(it.style, size, it.text)
				}
				if it.x < x0-1e-9 || it.x+w > x0+avail+1e-6 {
					t.Fatalf("line %d: %q spans %.4f–%.4f, outside %.4f–%.4f", i, it.text, it.x, it.x+w, x0, x0+avail)
				}
			}
			for _, r := range sl.rules {
				if r.x1 < x0-1e-9 || r.x2 > x0+avail+1e-6 || r.x2 < r.x1 {
					t.Fatalf("line %d: rule %v outside %.4f–%.4f", i, r, x0, x0+avail)
				}
			}
			if align == Justify && !ls[i].last && len(ls[i].words) > 1 && math.Abs(sl.end-(x0+avail)) > 0.01 {
				t.Fatalf("justified line %d ends at %.4f, want %.4f", i, sl.end, x0+avail)
			}
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(got.String()) != strip(want.String()) {
			t.Fatalf("text changed:\n got %q\nwant %q", strip(got.String()), strip(want.String()))
		}
	})
}
