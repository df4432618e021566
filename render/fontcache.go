package render

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/go-pdf/fpdf"
)

// fpdf's AddUTF8FontFromBytes parses the whole TrueType font and hashes its
// 65,536-entry width table (as JSON) to name it, for every document and
// face: about a third of the time of a short document. The result depends
// only on the font and on whether a page-count alias is set, so each face is
// registered once, in a prototype document, and its parsed definition is
// copied into every Doc's font table (addFace).
//
// fpdf keeps that table unexported; it is reached by reflection. The copy is
// what AddUTF8FontFromBytes would have stored: the same definition and name,
// its own set of used runes (the one fpdf starts a font with) and its own
// copy of the parsed-font state, which fpdf's subsetting rewrites at output
// (it starts by rewinding a reader and allocating fresh tables, and never
// writes to the width table or the font bytes shared by the copies). When the
// table is not laid out as this expects (another fpdf version), addFace falls
// back to AddUTF8FontFromBytes; TestFaceCopyMatchesFpdf compares the bytes.

var (
	protoOnce  sync.Once
	protoFaces [4]reflect.Value // fontDefType, by faceIndex; invalid: not available
	protoKeys  [4]reflect.Value // their keys in the font table
	protoBasic [4]reflect.Value // *utf8FontFile of the faces cut to basic
)

// fontTable is pdf's map[string]fontDefType, made settable.
func fontTable(pdf *fpdf.Fpdf) (reflect.Value, bool) {
	f := reflect.ValueOf(pdf).Elem().FieldByName("fonts")
	if !f.IsValid() || f.Kind() != reflect.Map || f.Type().Key().Kind() != reflect.String || f.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), true
}

// settable is field name of struct value v (addressable), made settable.
func settable(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	if !f.IsValid() {
		return f
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

func loadProtoFaces() {
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.AliasNbPages(nbAlias)
	fonts, ok := fontTable(pdf)
	if !ok {
		return
	}
	for i, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		f := faceOf(st)
		before := fonts.Len()
		pdf.AddUTF8FontFromBytes(family, f.key, f.ttf)
		if pdf.Error() != nil || fonts.Len() != before+1 {
			return
		}
		var key, def reflect.Value
		iter := fonts.MapRange()
		for iter.Next() {
			if !slicesContainsKey(protoKeys[:i], iter.Key()) {
				key, def = iter.Key(), iter.Value()
			}
		}
		// The definition must hold what addFace copies.
		d := reflect.New(def.Type()).Elem()
		d.Set(def)
		u, runes := settable(d, "utf8File"), settable(d, "usedRunes")
		if !u.IsValid() || u.Kind() != reflect.Pointer || u.IsNil() || !runes.IsValid() || runes.Kind() != reflect.Map {
			return
		}
		r := settable(u.Elem(), "fileReader")
		if !r.IsValid() || r.Kind() != reflect.Pointer || r.IsNil() ||
			!settable(r.Elem(), "readerPosition").CanSet() || !settable(r.Elem(), "array").CanSet() {
			return
		}
		protoKeys[i] = key
		protoFaces[i] = d
	}
	// The basic cuts, parsed, for useBasicFaces.
	bpdf := fpdf.New("P", "mm", "Letter", "")
	bpdf.AliasNbPages(nbAlias)
	bfonts, ok := fontTable(bpdf)
	if !ok {
		return
	}
	for i, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		cutOnce.Do(cutFaces)
		bpdf.AddUTF8FontFromBytes("basic", faceOf(st).key, cutBasic[i])
		if bpdf.Error() != nil {
			return
		}
	}
	if bfonts.Len() != 4 {
		return
	}
	for i, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		// fpdf's key: the family in lower case, then the style.
		def := bfonts.MapIndex(reflect.ValueOf("basic" + faceOf(st).key).Convert(bfonts.Type().Key()))
		if !def.IsValid() || def.Type() != protoFaces[i].Type() {
			return
		}
		d := reflect.New(def.Type()).Elem()
		d.Set(def)
		protoBasic[i] = settable(d, "utf8File")
	}
}

// ownFile is a copy of the parsed-font state file (a *utf8FontFile), with
// its own reader over the same font bytes: fpdf's subsetting rewrites the
// state and moves the reader.
func ownFile(file reflect.Value) reflect.Value {
	own := reflect.New(file.Type().Elem())
	own.Elem().Set(file.Elem())
	reader := settable(own.Elem(), "fileReader")
	rd := reflect.New(reader.Type().Elem())
	settable(rd.Elem(), "array").Set(settable(reader.Elem(), "array"))
	reader.Set(rd)
	return own
}

// useBasicFaces has fpdf subset, at output, each face of pdf whose used
// runes are all in basic (or in no face: they print as .notdef either way)
// from the face cut to basic instead of the whole repertoire: the same glyphs
// and widths (the definition, its widths and its name are unchanged), in a
// font a sixth of the size for the subsetter to walk. faces are the faces
// registered.
func useBasicFaces(pdf *fpdf.Fpdf, faces [4]bool) {
	fonts, ok := fontTable(pdf)
	if !ok {
		return
	}
	for i, used := range faces {
		if !used || !protoBasic[i].IsValid() {
			continue
		}
		def := fonts.MapIndex(protoKeys[i])
		if !def.IsValid() {
			continue
		}
		d := reflect.New(def.Type()).Elem()
		d.Set(def)
		small := true
		iter := settable(d, "usedRunes").MapRange()
		for iter.Next() {
			r := rune(iter.Key().Int())
			if r >= 0x20 && !inRanges(r, basic) && inRanges(r, repertoire) {
				small = false
				break
			}
		}
		if !small {
			continue
		}
		settable(d, "utf8File").Set(ownFile(protoBasic[i]))
		fonts.SetMapIndex(protoKeys[i], d)
	}
}

func slicesContainsKey(keys []reflect.Value, k reflect.Value) bool {
	for _, x := range keys {
		if x.IsValid() && x.String() == k.String() {
			return true
		}
	}
	return false
}

// addFace registers face st with pdf, as AddUTF8FontFromBytes does.
func addFace(pdf *fpdf.Fpdf, st Style) {
	protoOnce.Do(loadProtoFaces)
	i := faceIndex(st)
	proto := protoFaces[i]
	fonts, ok := fontTable(pdf)
	if !proto.IsValid() || !ok {
		f := faceOf(st)
		pdf.AddUTF8FontFromBytes(family, f.key, f.ttf)
		return
	}
	d := reflect.New(proto.Type()).Elem()
	d.Set(proto)
	// Its own used runes, as fpdf starts them.
	runes := settable(d, "usedRunes")
	own := reflect.MakeMapWithSize(runes.Type(), runes.Len())
	iter := runes.MapRange()
	for iter.Next() {
		own.SetMapIndex(iter.Key(), iter.Value())
	}
	runes.Set(own)
	// Its own parsed-font state and reader over the shared bytes.
	u := settable(d, "utf8File")
	u.Set(ownFile(u))
	fonts.SetMapIndex(protoKeys[i], d)
}
