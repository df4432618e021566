package books

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// minimalCase is the smallest case the CLI tests use.
const minimalCase = "../cmd/warrantkit/testdata/minimal-case.yaml"

// TestRecordWritesNothingUntilFinished: an exercise or assign renders every
// document to memory; the directory stays empty until finishRecord, so a
// failure on the way leaves nothing behind.
func TestRecordWritesNothingUntilFinished(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	c, err := OpenCase(minimalCase)
	if err != nil {
		t.Fatal(err)
	}
	w := c.Warrants[0]
	rec, err := newRecord(&Books{Case: c, CasePath: minimalCase}, "exercise", w, compute.State{Price: c.Terms.InitialWarrantPrice, Shares: w.Shares}, testOptions(1))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Warrant(c, templates.WarrantInput{Warrant: w}, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := recordDoc(rec, "warrants/"+w.Number+".pdf", doc); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("%s written before finishRecord: %v", dir, err)
	}
	if err := finishRecord(dir, rec); err != nil {
		t.Fatal(err)
	}
	want := []string{"exercise.json", "inputs/case.yaml", "warrants/W-M-01-001.pdf"}
	if got := slices.Sorted(maps.Keys(tree(t, dir))); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v", got, want)
	}
}
