package render

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// A Laid's Pages measures without drawing: for mixes of every kind of block, it
// agrees with the page count of a Doc the same blocks are added to.
func TestPagesMeasuresAsDocLaysOut(t *testing.T) {
	sig := Signature{Heading: "ISSUER", Indent: 80, Lines: []SignatureLine{{Label: "By:", Tall: true}, {Label: "Name:", Value: "A. Name"}, {Label: "Date:"}}}
	kinds := []func(r *rand.Rand) Block{
		func(r *rand.Rand) Block {
			return Paragraph{Spans: []Span{T(lorem[:1+r.IntN(len(lorem)-1)])}, Size: 9 + float64(r.IntN(3))}
		},
		func(r *rand.Rand) Block { return Heading{Text: "Caption", Level: 1 + r.IntN(3)} },
		func(r *rand.Rand) Block {
			return Fraction{Left: "P′ = P ×", Numerator: "O + Q", Denominator: "O + S", Size: float64(r.IntN(12))}
		},
		func(r *rand.Rand) Block { sig.Tight = r.IntN(2) == 0; return sig },
		func(r *rand.Rand) Block { return Spacer{Height: float64(r.IntN(80))} },
		func(r *rand.Rand) Block { return PageBreak{} },
		func(r *rand.Rand) Block {
			return Keep{Blocks: []Block{Heading{Text: "Kept", Level: 3}, Paragraph{Spans: []Span{T(lorem)}}, sig}}
		},
		func(r *rand.Rand) Block {
			return Table{Header: []string{"A", "B"}, Rows: [][]string{{"1", "2"}, {"3", lorem[:200]}}, Widths: []float64{40, 100}}
		},
	}
	// Names the fallback font prints: its glyphs' advances break the lines.
	kinds = append(kinds, func(r *rand.Rand) Block {
		return Paragraph{Spans: []Span{T(strings.Repeat("山田太郎 東京都千代田区丸の内 ", 1+r.IntN(12)))}}
	})
	r := rand.New(rand.NewPCG(1, 2))
	for _, fb := range []*Font{nil, testFallback(t)} {
		for run := 0; run < 300; run++ {
			var blocks []Block
			for n := r.IntN(25); n >= 0; n-- {
				k := kinds[r.IntN(len(kinds))]
				if fb == nil {
					k = kinds[r.IntN(len(kinds)-1)] // no CJK without the fallback font
				}
				blocks = append(blocks, k(r))
			}
			d, err := New(Meta{Fallback: fb})
			if err != nil {
				t.Fatal(err)
			}
			d.Add(blocks...)
			if got, want := Lay(fb, blocks...).Pages(), d.Pages(); got != want {
				t.Fatalf("fallback %v, run %d: Lay(…).Pages() = %d, a Doc lays the same %d blocks out on %d", fb != nil, run, got, len(blocks), want)
			}
			// Added as laid out, after the blocks before it, the document is
			// the same, byte for byte (unless a run-in caption waits for the
			// paragraph that starts the layout: it is then set alone).
			k := r.IntN(len(blocks) + 1)
			if h, ok := lastBlock(blocks[:k]).(Heading); ok && h.Level == 3 {
				continue
			}
			laid, err := New(Meta{Fallback: fb})
			if err != nil {
				t.Fatal(err)
			}
			laid.Add(blocks[:k]...)
			laid.AddLaid(Lay(fb, blocks[k:]...))
			var want, got bytes.Buffer
			if err := d.Write(&want); err != nil {
				t.Fatal(err)
			}
			if err := laid.Write(&got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("fallback %v, run %d: the document with blocks %d.. added as laid out differs from the one with them added", fb != nil, run, k)
			}
		}
	}
}

// A Tight signature is shorter than the same block set normally, and still
// leaves at least 10 mm above the rule to sign on; a Fraction set at 9 pt
// is shorter than at 11.
func TestTightSignatureAndFractionSize(t *testing.T) {
	height := func(b Block) float64 {
		d := &doc{}
		var rs []*row
		d.capture = &rs
		d.layout(b)
		return groupHeight(rs)
	}
	lines := []SignatureLine{{Label: "By:", Tall: true}, {Label: "Name:"}, {Label: "Title:"}, {Label: "Date:"}}
	normal, tight := height(Signature{Heading: "ISSUER", Lines: lines}), height(Signature{Heading: "ISSUER", Lines: lines, Tight: true})
	if !(tight < normal-8) {
		t.Errorf("tight signature %.1f mm, normal %.1f mm: want at least 8 mm less", tight, normal)
	}
	if room := roomToSign(t, Signature{Heading: "ISSUER", Lines: lines, Tight: true}); room < 10 {
		t.Errorf("tight: %.1f mm between the heading's baseline and the signature rule, want ≥ 10", room)
	}
	f := Fraction{Left: "P′ = P ×", Numerator: "O + Q", Denominator: "O + S"}
	small := f
	small.Size = 9
	if h11, h9 := height(f), height(small); !(h9 < h11) || h9 < h11*9/11-0.5 {
		t.Errorf("fraction at 9 pt is %.2f mm high, at 11 pt %.2f mm: want smaller, in proportion", h9, h11)
	}
}

func lastBlock(bs []Block) Block {
	if len(bs) == 0 {
		return nil
	}
	return bs[len(bs)-1]
}

// A Laid is added once, to a document with its fallback font.
func TestAddLaidRefused(t *testing.T) {
	l := Lay(nil, Paragraph{Spans: []Span{T("Once.")}})
	d, _ := New(Meta{})
	d.AddLaid(l)
	d.AddLaid(l)
	if err := d.Write(io.Discard); err == nil || !strings.Contains(err.Error(), "added twice") {
		t.Errorf("a Laid added twice: %v", err)
	}
	other, _ := New(Meta{Fallback: testFallback(t)})
	other.AddLaid(Lay(nil, Paragraph{Spans: []Span{T("Other font.")}}))
	if err := other.Write(io.Discard); err == nil || !strings.Contains(err.Error(), "another fallback font") {
		t.Errorf("a Laid with another font: %v", err)
	}
}
