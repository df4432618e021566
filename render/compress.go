package render

import (
	"bytes"
	"compress/zlib"
	"errors"
	"slices"
	"strconv"
	"sync"
)

// fpdf compresses each page's content with a new zlib writer, whose
// compressor state (about a megabyte, zeroed) costs more than compressing a
// page. Docs are rendered with fpdf's compression off and their page
// contents compressed here instead, with pooled writers at the level fpdf
// uses (zlib.BestSpeed), so the bytes are exactly those fpdf would write.

var zlibPool = sync.Pool{New: func() any {
	w, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(err) // the level is valid
	}
	return w
}}

// bufPool holds the buffers fpdf writes uncompressed documents into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// errLayout is returned when fpdf's output is not laid out as expected.
var errLayout = errors.New("render: unexpected pdf layout from fpdf")

// compressPages rewrites an uncompressed fpdf document: every page content
// stream ("N 0 obj\n<</Length L>>\nstream\n…\nendstream", named by a page's
// /Contents) becomes "<</Filter /FlateDecode /Length L'>>" with its data
// zlib-compressed; the cross-reference table and startxref are rebuilt for
// the new offsets. Everything else is copied unchanged.
func compressPages(in []byte, out *bytes.Buffer) error {
	contents := map[int]bool{}
	const contentsKey = "/Contents "
	for i := 0; ; {
		j := bytes.Index(in[i:], []byte(contentsKey))
		if j < 0 {
			break
		}
		i += j + len(contentsKey)
		n, rest, ok := atoi(in[i:])
		if !ok || !bytes.HasPrefix(rest, []byte(" 0 R")) {
			return errLayout
		}
		contents[n] = true
	}
	xref := bytes.LastIndex(in, []byte("\nxref\n"))
	if xref < 0 {
		return errLayout
	}
	xref++
	// "xref\n0 N\n" then N entries of 20 bytes, then the trailer.
	rest := in[xref+len("xref\n"):]
	if !bytes.HasPrefix(rest, []byte("0 ")) {
		return errLayout
	}
	count, rest, ok := atoi(rest[2:])
	if !ok || len(rest) < 1+20*count || rest[0] != '\n' {
		return errLayout
	}
	entries := rest[1 : 1+20*count]
	trailer := rest[1+20*count:]

	// The objects in file order, by the offsets fpdf recorded.
	type object struct{ n, off int }
	objs := make([]object, 0, count)
	for i := range count {
		e := entries[20*i : 20*i+20]
		if e[17] != 'n' {
			continue
		}
		off, _, ok := atoi(e[:10])
		if !ok || off >= xref {
			return errLayout
		}
		objs = append(objs, object{i, off})
	}
	slices.SortFunc(objs, func(a, b object) int { return a.off - b.off })

	out.Grow(len(in))
	zw := zlibPool.Get().(*zlib.Writer)
	defer zlibPool.Put(zw)
	offsets := make([]int, count)
	first := xref
	if len(objs) > 0 {
		first = objs[0].off
	}
	out.Write(in[:first])
	for k, o := range objs {
		end := xref
		if k+1 < len(objs) {
			end = objs[k+1].off
		}
		seg := in[o.off:end]
		offsets[o.n] = out.Len()
		if !contents[o.n] {
			out.Write(seg)
			continue
		}
		head := strconv.Itoa(o.n) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(seg, []byte(head)) {
			return errLayout
		}
		l, r, ok := atoi(seg[len(head):])
		const mid = ">>\nstream\n"
		if !ok || !bytes.HasPrefix(r, []byte(mid)) {
			return errLayout
		}
		data := r[len(mid):]
		if len(data) < l || !bytes.HasPrefix(data[l:], []byte("\nendstream\n")) {
			return errLayout
		}
		out.WriteString(strconv.Itoa(o.n))
		out.WriteString(" 0 obj\n<</Filter /FlateDecode /Length ")
		lenAt := out.Len()
		out.WriteString("0000000000") // patched below
		out.WriteString(mid)
		zstart := out.Len()
		zw.Reset(out)
		zw.Write(data[:l])
		if err := zw.Close(); err != nil {
			return err
		}
		zlen := strconv.Itoa(out.Len() - zstart)
		// Shift the data left over the unused digits of the placeholder.
		b := out.Bytes()
		copy(b[lenAt:], zlen)
		copy(b[lenAt+len(zlen):], b[lenAt+10:])
		out.Truncate(out.Len() - (10 - len(zlen)))
		out.Write(data[l:])
	}
	newXref := out.Len()
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(count))
	out.WriteByte('\n')
	for i := range count {
		e := entries[20*i : 20*i+20]
		if e[17] != 'n' {
			out.Write(e)
			continue
		}
		var num [20]byte
		s := strconv.AppendInt(num[:0], int64(offsets[i]), 10)
		for range 10 - len(s) {
			out.WriteByte('0')
		}
		out.Write(s)
		out.Write(e[10:])
	}
	const sx = "startxref\n"
	k := bytes.LastIndex(trailer, []byte(sx))
	if k < 0 {
		return errLayout
	}
	out.Write(trailer[:k+len(sx)])
	_, tail, ok := atoi(trailer[k+len(sx):])
	if !ok {
		return errLayout
	}
	out.WriteString(strconv.Itoa(newXref))
	out.Write(tail)
	return nil
}

// atoi reads a non-negative decimal number at the start of b.
func atoi(b []byte) (int, []byte, bool) {
	n, i := 0, 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' && i < 12 {
		n = n*10 + int(b[i]-'0')
		i++
	}
	return n, b[i:], i > 0
}
