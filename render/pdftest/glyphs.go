package pdftest

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Glyph is one character drawn, with the font that draws it: which font
// prints a character, not only which character the text says.
type Glyph struct {
	Text string // the character(s) the code extracts as
	Font string // the font's /BaseFont, e.g. "ABCDEF+LiberationSerif"
	Code int    // the character code shown
	// GID is the glyph the code selects in the embedded font: through the
	// CIDFont's /CIDToGIDMap, or the code itself when there is none; -1
	// when the font is not a CIDFontType2.
	GID int
	// FontFile is the font program embedded for Font (/FontFile2),
	// decoded; nil when the font embeds none.
	FontFile []byte
}

// Glyphs lists the glyphs drawn on each page, in the order they are drawn.
func Glyphs(pdf []byte) (pages [][]Glyph, err error) {
	defer guard("glyphs", &err)
	err = eachPage(pdf, "glyphs", func(runs []run) {
		var page []Glyph
		for _, r := range runs {
			for _, g := range r.glyphs {
				page = append(page, g.drawn)
			}
		}
		pages = append(pages, page)
	})
	return pages, err
}

// drawnGlyph is g of font f as Glyphs reports it.
func drawnGlyph(f *fontInfo, code int, text string) Glyph {
	g := Glyph{Text: text, Font: f.base, Code: code, GID: -1, FontFile: f.fontFile}
	switch {
	case f.cidToGID != nil:
		g.GID = 0
		if 2*code+1 < len(f.cidToGID) {
			g.GID = int(f.cidToGID[2*code])<<8 | int(f.cidToGID[2*code+1])
		}
	case f.fontFile != nil:
		g.GID = code
	}
	return g
}

// embedded reads a CIDFont's base font, CIDToGIDMap and font file into f.
func (fc *fontCache) embedded(f *fontInfo, cd types.Dict) {
	if b := fc.name(cd, "BaseFont"); b != "" {
		f.base = b
	}
	if fc.name(cd, "Subtype") != "CIDFontType2" {
		return
	}
	if o, ok := cd.Find("CIDToGIDMap"); ok {
		if sd, _, err := fc.x.DereferenceStreamDict(o); err == nil && sd != nil && sd.Decode() == nil {
			f.cidToGID = sd.Content
		}
	}
	fd, err := fc.x.DereferenceDict(cd["FontDescriptor"])
	if err != nil || fd == nil {
		return
	}
	if o, ok := fd.Find("FontFile2"); ok {
		if sd, _, err := fc.x.DereferenceStreamDict(o); err == nil && sd != nil && sd.Decode() == nil {
			f.fontFile = sd.Content
		}
	}
}
