package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/render/pdftest"
)

// form warrant fills the Warrant of a warrant a transaction of the ledger
// created: its holder, and its Warrant Share Number when issued (the
// assignee's 40,000 shares of the fixture's gift).
func TestFormOfCreatedWarrant(t *testing.T) {
	out := filepath.Join(t.TempDir(), "w.pdf")
	r := runBinary(t, "form", "warrant", "testdata/ledger-case.yaml", "--warrant", "W-L-01-004", "-o", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pdftest.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages, "\n")
	for _, want := range []string{"W-L-01-004", "Müller GmbH", "(40,000"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Warrant lacks %q", want)
		}
	}
	if r := runBinary(t, "form", "warrant", "testdata/ledger-case.yaml", "--warrant", "W-L-01-099", "-o", out); r.code != exitInvalid {
		t.Errorf("a number never issued: exit %d, want %d", r.code, exitInvalid)
	}
}
