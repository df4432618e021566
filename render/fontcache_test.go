package render

import (
	"bytes"
	"sync"
	"testing"

	"github.com/go-pdf/fpdf"
)

// A face copied from the prototype gives the bytes AddUTF8FontFromBytes
// gives, and copies in concurrent documents share nothing they write.
func TestFaceCopyMatchesFpdf(t *testing.T) {
	protoOnce.Do(loadProtoFaces)
	for i, p := range protoFaces {
		if !p.IsValid() {
			t.Fatalf("face %d: no prototype (fpdf's font table is not as expected)", i)
		}
	}
	render := func(add func(pdf *fpdf.Fpdf, st Style)) []byte {
		pdf := fpdf.New("P", "mm", "Letter", "")
		pdf.SetCompression(true)
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(epoch)
		pdf.SetModificationDate(epoch)
		pdf.AliasNbPages(nbAlias)
		pdf.AddPage()
		y := 30.0
		for _, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
			add(pdf, st)
			pdf.SetFont(family, faceOf(st).key, 11)
			for _, s := range []string{"Łukasz Żółć — José Ñúñez García", "Ἀθηνᾶ Юрий € № → ≤", "Page 1 of " + nbAlias} {
				pdf.Text(30, y, s)
				y += 6
			}
		}
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	want := render(func(pdf *fpdf.Fpdf, st Style) {
		f := faceOf(st)
		pdf.AddUTF8FontFromBytes(family, f.key, f.ttf)
	})
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for j := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[j] = render(addFace)
		}()
	}
	wg.Wait()
	for j, g := range got {
		if !bytes.Equal(g, want) {
			t.Fatalf("document %d: copied faces give %d bytes, fpdf %d", j, len(g), len(want))
		}
	}
}

// A document within basic is subset from the basic cuts, to the bytes the
// repertoire gives.
func TestBasicFacesSameBytes(t *testing.T) {
	protoOnce.Do(loadProtoFaces)
	for i, p := range protoBasic {
		if !p.IsValid() {
			t.Fatalf("face %d: no basic prototype", i)
		}
	}
	render := func(basic bool) []byte {
		d, err := New(Meta{Title: "T", Footer: "Warrant No. W-1"})
		if err != nil {
			t.Fatal(err)
		}
		d.Add(Heading{Text: "Title — “quoted”", Level: 1}, Paragraph{Spans: []Span{T("Łukasz Żółć and José Ñúñez García → € "), B("bold "), I("italic "), {Text: "both", Style: Bold | Italic}}})
		impl := d.impl
		impl.written = true
		impl.flush(true)
		if basic {
			fonts, _ := fontTable(impl.pdf)
			file := func(i int) uintptr { return fonts.MapIndex(protoKeys[i]).FieldByName("utf8File").Pointer() }
			var before [4]uintptr
			for i := range 4 {
				before[i] = file(i)
			}
			useBasicFaces(impl.pdf, impl.faces)
			for i := range 4 {
				if before[i] == file(i) {
					t.Fatalf("face %d: not subset from the basic cut", i)
				}
			}
		}
		var b bytes.Buffer
		if err := impl.pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := render(false), render(true); !bytes.Equal(a, b) {
		t.Errorf("subset from the basic cuts: %d bytes, from the repertoire %d", len(b), len(a))
	}
}
