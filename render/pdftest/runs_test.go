package pdftest

import (
	"math"
	"testing"
)

// Runs gives each text drawn with its place: texts drawn at known points,
// one Text call each, come back at those points (fpdf measures y from the
// top of the page, PDF from the bottom: Letter is 792 pt high).
func TestRuns(t *testing.T) {
	f := newDoc(t, true)
	f.AddPage()
	f.SetFont("serif", "", 12)
	f.Text(72, 100, "No.: W-F-05-004")
	f.Text(400, 100, "Number of Shares: 41,667")
	f.SetFont("serif", "", 9)
	f.Text(100, 700, "Łukasz Żółć")
	f.AddPage()
	f.AddPage()
	f.SetFont("serif", "", 12)
	f.Text(72, 72, "Third")
	pdf := output(t, f)

	pages, err := Runs(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 || len(pages[0]) != 3 || len(pages[1]) != 0 || len(pages[2]) != 1 {
		t.Fatalf("runs per page: %+v", pages)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	want := []struct {
		text     string
		x, y, sz float64
	}{
		{"No.: W-F-05-004", 72, 692, 12},
		{"Number of Shares: 41,667", 400, 692, 12},
		{"Łukasz Żółć", 100, 92, 9},
	}
	for i, w := range want {
		r := pages[0][i]
		width := f.GetStringWidth(w.text) // in the last font set: 12 pt
		if i == 2 {
			width = width * 9 / 12
		}
		if r.Text != w.text || !near(r.X0, w.x) || !near(r.Y, w.y) || !near(r.Size, w.sz) || math.Abs(r.X1-(w.x+width)) > 0.5 {
			t.Errorf("run %d = %+v, want %q at (%v, %v) size %v, %.2f wide", i, r, w.text, w.x, w.y, w.sz, width)
		}
	}
	if r := pages[2][0]; r.Text != "Third" || !near(r.Y, 720) {
		t.Errorf("page 3: %+v", r)
	}
	if _, err := Runs([]byte("%PDF-1.4 not a pdf")); err == nil {
		t.Error("no error for a broken PDF")
	}
}
