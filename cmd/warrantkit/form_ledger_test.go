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
// replacement of the assignee's 40,000 shares of the fixture's gift). The
// warrant it replaced is surrendered: no form of it is made.
func TestFormOfCreatedWarrant(t *testing.T) {
	out := filepath.Join(t.TempDir(), "w.pdf")
	if r := runBinary(t, "form", "warrant", "testdata/ledger-case.yaml", "--warrant", "W-L-01-004", "-o", out); r.code != exitInvalid ||
		!strings.Contains(r.stderr, "W-L-01-004 is not outstanding any more: the replacement of 2008-04-02 surrendered it, issuing W-L-01-006") {
		t.Errorf("the surrendered W-L-01-004: exit %d, %s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a form of a surrendered warrant was written: %v", err)
	}
	r := runBinary(t, "form", "warrant", "testdata/ledger-case.yaml", "--warrant", "W-L-01-006", "-o", out)
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
	for _, want := range []string{"W-L-01-006", "Replacing Warrant No. W-L-01-004", "Müller GmbH", "(40,000"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Warrant lacks %q", want)
		}
	}
	if r := runBinary(t, "form", "warrant", "testdata/ledger-case.yaml", "--warrant", "W-L-01-099", "-o", out); r.code != exitInvalid {
		t.Errorf("a number never issued: exit %d, want %d", r.code, exitInvalid)
	}
}
