package main

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute/casefile"
)

// holdersLikeFormulas are holder names a spreadsheet would run as formulas.
var holdersLikeFormulas = []string{`=HYPERLINK("http://example.com/x","Click")`, "+1 Holdings", "-2 Partners", "@x Capital"}

// TestCSVInjectionRoundTrip: the CSVs a reissue writes quote every cell a
// spreadsheet would take for a formula (and so does register), which the
// view reader takes off again; the names in the documents are the holders'
// names.
func TestCSVInjectionRoundTrip(t *testing.T) {
	var b strings.Builder
	b.WriteString("number,holder_name,holder_address,shares\n")
	for i, name := range holdersLikeFormulas {
		b.WriteString("W-F-05-00" + string(rune('1'+i)) + `,"` + strings.ReplaceAll(name, `"`, `""`) + `",-1 Main Street|Town,1000` + "\n")
	}
	reg := filepath.Join(t.TempDir(), "register.csv")
	if err := os.WriteFile(reg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(t.TempDir(), "first")
	if r := runBinary(t, "reissue", sample, "--register", reg, "--out", first); r.code != 0 {
		t.Fatalf("reissue: exit %d: %s", r.code, r.stderr)
	}
	for _, table := range []string{"register.csv", "summary.csv"} {
		rows := readCSV(t, filepath.Join(first, table))
		for i, row := range rows[1:] {
			for j, cell := range row {
				if cell != "" && strings.ContainsAny(cell[:1], "=+-@\t\r") {
					t.Errorf("%s row %d column %s: %q would run as a formula", table, i+1, rows[0][j], cell)
				}
			}
			if name := row[indexOf(rows[0], "holder_name")]; name != "'"+holdersLikeFormulas[i] {
				t.Errorf("%s row %d: holder_name %q", table, i+1, name)
			}
		}
	}
	if r := runBinary(t, "verify", first); r.code != 0 {
		t.Fatalf("verify: exit %d: %s", r.code, r.stderr)
	}
	// The written register is the view (SPEC §4.5): read as one, its names
	// are the holders' names; given back as --register it is refused, its
	// share numbers being current ones (§2.2).
	data, err := os.ReadFile(filepath.Join(first, "register.csv"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := casefile.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	view, err := casefile.ReadRegisterView("register.csv", bytes.NewReader(data), c.Terms)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range view {
		if w.Holder.Name != holdersLikeFormulas[i] || w.Holder.Address[0] != "-1 Main Street" {
			t.Errorf("view row %d: %q %q", i+1, w.Holder.Name, w.Holder.Address)
		}
	}
	r := runBinary(t, "reissue", sample, "--register", filepath.Join(first, "register.csv"), "--out", filepath.Join(t.TempDir(), "second"))
	checkRefused(t, r, exitInvalid, filepath.Join(first, "register.csv"), `column "warrant_price" is the register view's`, "is never an input")
	// register prints the same view, its cells quoted the same way.
	r = runBinary(t, "register", sample, "--register", reg)
	if r.code != 0 {
		t.Fatalf("register: exit %d: %s", r.code, r.stderr)
	}
	printed, written := readCSVText(t, r.stdout), readCSV(t, filepath.Join(first, "register.csv"))
	for i := 1; i < len(written); i++ {
		if printed[i][1] != written[i][1] || printed[i][2] != written[i][2] {
			t.Errorf("row %d: register prints %q %q, reissue wrote %q %q", i, printed[i][1], printed[i][2], written[i][1], written[i][2])
		}
	}
	for _, dir := range []string{first} {
		warrants := map[string][]byte{}
		for name, data := range tree(t, filepath.Join(dir, "warrants")) {
			warrants[name] = data
		}
		texts := checkPDFs(t, warrants, true)
		all := strings.Join(valuesOf(texts), "\n")
		for _, name := range holdersLikeFormulas {
			if !strings.Contains(all, name) || strings.Contains(all, "'"+name) {
				t.Errorf("%s: the warrants do not name %q as it is", filepath.Base(dir), name)
			}
		}
	}
}

// TestSampleRegisterQuotesFormulas: a series that begins with '-' gives
// numbers sample-register quotes, and reissue reads back.
func TestSampleRegisterQuotesFormulas(t *testing.T) {
	r := runBinary(t, "sample-register", "-n", "2", "--series", "-X")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if !strings.HasPrefix(lines[1], "'-X-001,") {
		t.Errorf("row 1: %q", lines[1])
	}
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

func valuesOf(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// TestOCFImportQuotesFormulas: the register ocf import writes quotes a
// holder whose name a spreadsheet would run, and reads back to the name.
func TestOCFImportQuotesFormulas(t *testing.T) {
	pkg := t.TempDir()
	files := tree(t, ocfFixture)
	old := files["Stakeholders.ocf.json"]
	edited := []byte(strings.Replace(string(old), `"legal_name": "Alpha Capital Anstalt"`, `"legal_name": "=1+2 Capital"`, 1))
	files["Stakeholders.ocf.json"] = edited
	oldSum, newSum := md5.Sum(old), md5.Sum(edited)
	files["Manifest.ocf.json"] = []byte(strings.Replace(string(files["Manifest.ocf.json"]), hex.EncodeToString(oldSum[:]), hex.EncodeToString(newSum[:]), 1))
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(pkg, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", pkg, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	rows := readCSV(t, reg)
	if rows[1][1] != "'=1+2 Capital" {
		t.Errorf("row 1 holder_name %q, want it quoted", rows[1][1])
	}
	r := runBinary(t, "adjust", caseFile, "--register", reg)
	if r.code != 0 || !strings.Contains(r.stdout, "  =1+2 Capital  ") {
		t.Errorf("adjust: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
}
