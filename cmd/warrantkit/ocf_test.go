package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/warrantkit/warrantkit/ocf"
)

const ocfFixture = "../../ocf/testdata/glowpoint"
const ocfTerms = "../../ocf/testdata/glowpoint-terms.yaml"

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestOCFRoundTrip: import the fixture (with its 3:1 split) → reissue with
// the real binary → ocf export → every exported OCF file validates → import
// the export again: the register is the re-issued one, numbers, holders,
// adjusted shares and prices. The export is byte-identical on a re-run.
func TestOCFRoundTrip(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	r := runBinary(t, "ocf", "import", ocfFixture, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms)
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "not in the export, the Warrant's defaults apply: terms.time_zone") {
		t.Errorf("import does not name the fields it could not fill: %q", r.stderr)
	}
	re := filepath.Join(dir, "reissue")
	if r := runBinary(t, "reissue", caseFile, "--register", reg, "--out", re, "-j", "2"); r.code != 0 {
		t.Fatalf("reissue: %d %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "ocf")
	if r := runBinary(t, "ocf", "export", re, "--ocf", ocfFixture, "-o", out); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	// Every file the export wrote validates against the schemas.
	jsons, _ := filepath.Glob(filepath.Join(out, "*.ocf.json"))
	if len(jsons) != 6 {
		t.Errorf("%d OCF files, want 6 (3 copied, 2 new, the manifest): %v", len(jsons), jsons)
	}
	for _, f := range jsons {
		data, _ := os.ReadFile(f)
		ps, err := ocf.ValidateFile(f, data)
		if err != nil || len(ps) > 0 {
			t.Errorf("%s does not validate: %v %v", f, err, ps)
		}
	}
	tx, _ := os.ReadFile(filepath.Join(out, "Transactions.warrantkit-reissue-2006-01-17.ocf.json"))
	for _, want := range []string{`"TX_WARRANT_CANCELLATION"`, `"id": "wk-issue-W-F-05-015"`, `"quantity": "750000.00"`, `"amount": "0.8000"`,
		`Adjusted under §4(b) of the Warrant for event split-2006 (stock-split, effective 2006-01-17, applied): Warrant Price 2.4000 → 0.8000, Warrant Share Number 250000.00 → 750000.00.`} {
		if !strings.Contains(string(tx), want) {
			t.Errorf("transactions lack %s", want)
		}
	}
	docs, _ := os.ReadFile(filepath.Join(out, "Documents.warrantkit-reissue-2006-01-17.ocf.json"))
	if n := strings.Count(string(docs), `"object_type": "DOCUMENT"`); n != 36 {
		t.Errorf("%d documents, want 36 (12 certificates, warrants, records)", n)
	}

	// Import the export: the re-issued register.
	case2, reg2 := filepath.Join(dir, "case2.yaml"), filepath.Join(dir, "register2.csv")
	if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", case2, "--register", reg2, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import of the export: %d %s", r.code, r.stderr)
	}
	got, want := readCSV(t, reg2), readCSV(t, filepath.Join(re, "register.csv"))
	if len(got) != len(want) || len(got) != 13 {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := 1; i < len(want); i++ {
		g, w := got[i], want[i]
		if g[0] != w[0] || g[1] != w[1] || g[2] != w[2] || !decimal.RequireFromString(g[3]).Equal(decimal.RequireFromString(w[3])) {
			t.Errorf("row %d: got %q, want %q", i, g, w)
		}
	}
	c2, _ := os.ReadFile(case2)
	for _, s := range []string{`initial_warrant_price: "0.8"`, "split-2006 of 2006-01-17 is not an event"} {
		if !strings.Contains(string(c2), s) {
			t.Errorf("the re-imported case lacks %q:\n%s", s, c2)
		}
	}
	for _, rec := range readCSV(t, filepath.Join(re, "summary.csv"))[1:] {
		if rec[5] != "0.8000" {
			t.Errorf("summary price %s", rec[5])
		}
	}

	// Deterministic: a second export is byte-identical.
	out2 := filepath.Join(dir, "ocf2")
	if r := runBinary(t, "ocf", "export", re, "--ocf", ocfFixture, "-o", out2); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	for _, f := range append(jsons, filepath.Join(out, "warrants", "W-F-05-015.pdf")) {
		a, _ := os.ReadFile(f)
		b, _ := os.ReadFile(filepath.Join(out2, strings.TrimPrefix(f, out)))
		if string(a) != string(b) {
			t.Errorf("%s differs between runs", f)
		}
	}
}

// TestOCFRefused: bad exports exit 3 with one line naming file, JSON path
// and reason, and write nothing.
func TestOCFRefused(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "case.yaml")
	r := runBinary(t, "ocf", "import", "../../ocf/testdata/ocf-v1.2.0/samples", "--series", "W", "-o", out)
	if r.code != 3 {
		t.Fatalf("samples: exit %d, want 3: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, `Transactions.ocf.json: /items/69/stakeholder_id: stakeholder_id "stakeholder-id" of test-warrant-issuance-minimal resolves to no stakeholder`) {
		t.Errorf("samples: %s", r.stderr)
	}
	r = runBinary(t, "ocf", "import", dir, "--series", "W", "-o", out)
	if r.code != 3 || !strings.Contains(r.stderr, "holds no OCF manifest") {
		t.Errorf("no manifest: %d %s", r.code, r.stderr)
	}
	r = runBinary(t, "ocf", "import", ocfFixture, "--series", "W-F-05", "-o", out)
	if r.code != 3 || !strings.Contains(r.stderr, "terms: the OCF export cannot give terms.exercise_start, terms.market_value_at_issue") {
		t.Errorf("no terms: %d %s", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused imports wrote %v", entries)
	}
}
