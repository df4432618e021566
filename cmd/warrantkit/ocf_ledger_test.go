package main

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/internal/testfiles"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/ocf"
)

// ledgerView is the register view (SPEC §4.5) of the case file with the
// register reg: per outstanding warrant, in ascending order of number, its
// number, holder, address, shares, price, issued and parent.
func ledgerView(t *testing.T, caseFile, reg string) [][]string {
	t.Helper()
	c, err := books.LoadCase(caseFile, reg)
	if err != nil {
		t.Fatal(err)
	}
	return testfiles.RegisterView(t, c)
}

// viewOf is the register view a reissue wrote, as ledgerView gives one.
func viewOf(t *testing.T, caseFile, view string) [][]string {
	t.Helper()
	c, err := casefile.Load(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(view)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := casefile.ReadRegisterView(view, bytes.NewReader(data), c.Terms)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, v := range vs {
		rows = append(rows, []string{v.Number, v.Holder.Name, strings.Join(v.Holder.Address, "|"), v.Shares.StringFixed(c.Terms.ShareDecimals)})
	}
	return rows
}

// TestOCFLedger: the fixture imports as its ledger (the transfer of
// W-F-05-003 an assignment, the cancellation of 007); ocf export of a case
// file writes its ledger as a whole package, which imports back to the same
// register view; an export that says what the ledger cannot is refused
// (exit 3), a missing flag is a usage error (exit 2), and nothing is written.
func TestOCFLedger(t *testing.T) {
	dir := t.TempDir()
	caseFile := filepath.Join(dir, "fixture.yaml")
	r := runBinary(t, "ocf", "import", ocfFixture, "--series", "W-F-05", "-o", caseFile, "--terms", ocfTerms)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 12 warrants of series W-F-05 (12 original, 2 transactions, 1 events)") {
		t.Fatalf("import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	data, _ := os.ReadFile(caseFile)
	for _, want := range []string{
		`  - {type: "assignment", date: "2005-06-01", warrant: "W-F-05-003", shares: "33333", to: {name: "Transferee Capital LP", address: ["2 Park Plaza", "Boston, MA 02116", "US"]}, number: "W-F-05-013", balance: "W-F-05-014", note: "OCF TX_WARRANT_TRANSFER tx-transfer-003"}`,
		`  - {type: "cancellation", date: "2005-08-01", warrant: "W-F-05-007", reason: "Surrendered by the holder", note: "OCF TX_WARRANT_CANCELLATION tx-cancel-007"}`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the case lacks\n%s\n%s", want, data)
		}
	}

	const ledger, terms = "../../ocf/testdata/ledger/case.yaml", "../../ocf/testdata/ledger/terms.yaml"
	out := filepath.Join(dir, "ocf")
	r = runBinary(t, "ocf", "export", ledger, "-o", out, "--formation-date", "2000-01-01", "--country", "us", "--holder-type", "institution")
	if r.code != 0 || !strings.Contains(r.stdout, "exported the ledger of series W-F-05 (4 warrants, 5 transactions) as OCF 1.2.0: 4 files") {
		t.Fatalf("export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	back := filepath.Join(dir, "back.yaml")
	if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", back, "--terms", terms); r.code != 0 {
		t.Fatalf("import of the export: %d %s", r.code, r.stderr)
	}
	if got, want := ledgerView(t, back, ""), ledgerView(t, ledger, ""); !slices.EqualFunc(got, want, slices.Equal) || len(got) != 4 {
		t.Errorf("the view after the round trip:\n%q\nwant\n%q", got, want)
	}

	// A price the export states and the ledger does not give.
	tx := filepath.Join(out, "Transactions.ocf.json")
	before, _ := os.ReadFile(tx)
	after := strings.Replace(string(before), `"amount": "0.8000",`, `"amount": "0.7000",`, 1)
	os.WriteFile(tx, []byte(after), 0o644)
	oldSum, newSum := md5.Sum(before), md5.Sum([]byte(after))
	man, _ := os.ReadFile(filepath.Join(out, ocf.ManifestName))
	os.WriteFile(filepath.Join(out, ocf.ManifestName), []byte(strings.Replace(string(man), hex.EncodeToString(oldSum[:]), hex.EncodeToString(newSum[:]), 1)), 0o644)
	r = runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", filepath.Join(dir, "bad.yaml"), "--terms", terms)
	if r.code != 3 || !strings.Contains(r.stderr, "/exercise_price/amount: W-F-05-006 (issued by the assignment of W-F-05-002 on 2007-01-05) has the exercise price 0.7 for 100000 shares; the ledger gives 100000.00 shares at 0.8000") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a price the ledger does not give: %d %s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--formation-date", "2000-01-01", "--country", "US"}, 2, "--holder-type"},
		{[]string{"--formation-date", "2000-01-01", "--country", "USA", "--holder-type", "individual"}, 3, `--country: "USA" is not a country code`},
		{[]string{"--formation-date", "2000-01-01", "--country", "US", "--holder-type", "individual", "--ocf", ocfFixture}, 2, "a case file's ledger is exported as a whole package"},
	} {
		o := filepath.Join(dir, "refused")
		r := runBinary(t, append([]string{"ocf", "export", ledger, "-o", o}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d %s, want %d %s", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
		if _, err := os.Stat(o); !os.IsNotExist(err) {
			t.Errorf("%v: the refused export wrote %s", tc.args, o)
		}
	}
}

// TestOCFExerciseAfterSplit: an exercise after the split, exported and
// imported again, is a transaction of the ledger — the balance at the
// adjusted price is no longer a warrant of another price (750,000 − 300,000
// = 450,000 at 2.40 / 3 = 0.8000).
func TestOCFExerciseAfterSplit(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", ocfOriginals, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	od, out := filepath.Join(dir, "exercise"), filepath.Join(dir, "ocf")
	if r := runBinary(t, "exercise", caseFile, "--register", reg, "--warrant", "W-F-05-001", "--shares", "300000", "--date", "2006-06-01", "--outstanding", "50000000", "--out", od, "--font", sampleFont); r.code != 0 {
		t.Fatalf("exercise: %d %s", r.code, r.stderr)
	}
	if r := runBinary(t, "ocf", "export", od, "--ocf", ocfOriginals, "-o", out); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	case2, reg2 := filepath.Join(dir, "case2.yaml"), filepath.Join(dir, "register2.csv")
	if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", case2, "--register", reg2, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import of the export: %d %s", r.code, r.stderr)
	}
	view := ledgerView(t, case2, reg2)
	want := []string{"W-F-05-015", "Alpha Capital Anstalt", "Pradafant 7|Vaduz, 9490|LI", "450000.00", "0.8000", "2006-06-01", "W-F-05-001"}
	if i := slices.IndexFunc(view, func(r []string) bool { return r[0] == "W-F-05-015" }); i < 0 || !slices.Equal(view[i], want) || view[0][0] != "W-F-05-002" {
		t.Errorf("view:\n%q\nwant W-F-05-001 gone and %q", view, want)
	}
}

// TestOCFLedgerCommands: the fixture's ledger → an exercise of W-F-05-014
// (the balance of the fixture's transfer) and an assignment of 013 after
// the split, each recorded in the ledger by the command → ocf export of the
// command's directory → ocf import: the register view is the one of the
// ledger the command wrote.
func TestOCFLedgerCommands(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", ocfFixture, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		export []string
		n      int // outstanding after it
	}{
		{"exercise", []string{"exercise", caseFile, "--register", reg, "--warrant", "W-F-05-014", "--shares", "30000", "--date", "2006-06-01", "--outstanding", "50000000"}, nil, 12},
		{"assign", []string{"assign", caseFile, "--register", reg, "--warrant", "W-F-05-013", "--to", "Nu Capital GmbH", "--to-address", "Hauptstrasse 5|10115 Berlin|DE", "--shares", "40000", "--date", "2006-06-01"},
			[]string{"--assignee-type", "institution"}, 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			od, out := filepath.Join(dir, tc.name), filepath.Join(dir, tc.name+"-ocf")
			if r := runBinary(t, append(tc.args, "--out", od, "--font", sampleFont)...); r.code != 0 {
				t.Fatalf("%s: %d %s", tc.name, r.code, r.stderr)
			}
			if r := runBinary(t, append([]string{"ocf", "export", od, "--ocf", ocfFixture, "-o", out}, tc.export...)...); r.code != 0 {
				t.Fatalf("export: %d %s", r.code, r.stderr)
			}
			case2, reg2 := filepath.Join(dir, tc.name+"-case.yaml"), filepath.Join(dir, tc.name+"-register.csv")
			if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", case2, "--register", reg2, "--terms", ocfTerms); r.code != 0 {
				t.Fatalf("import of the export: %d %s", r.code, r.stderr)
			}
			got, want := ledgerView(t, case2, reg2), ledgerView(t, filepath.Join(od, "case.yaml"), reg)
			if !slices.EqualFunc(got, want, slices.Equal) || len(got) != tc.n {
				t.Errorf("view after the round trip:\n%q\nwant the command's ledger's\n%q", got, want)
			}
		})
	}
}

// TestOCFLedgerReissue: the fixture's ledger re-issued after the split (the
// originals outstanding and the transfer's two warrants, 015…026), exported
// with the OCF export it came from and imported again: the register view of
// the imported ledger is, byte for byte, the reissue's register.csv.
func TestOCFLedgerReissue(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", ocfFixture, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	re, out := filepath.Join(dir, "reissue"), filepath.Join(dir, "ocf")
	if r := runBinary(t, "reissue", caseFile, "--register", reg, "--out", re, "-j", "2", "--font", sampleFont); r.code != 0 {
		t.Fatalf("reissue: %d %s", r.code, r.stderr)
	}
	if r := runBinary(t, "ocf", "export", re, "--ocf", ocfFixture, "-o", out, "--font", sampleFont); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	case2, reg2 := filepath.Join(dir, "case2.yaml"), filepath.Join(dir, "register2.csv")
	if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", case2, "--register", reg2, "--terms", ocfTerms); r.code != 0 || !strings.Contains(r.stdout, "(12 original, 14 transactions, 1 events)") {
		t.Fatalf("import of the export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r := runBinary(t, "register", case2, "--register", reg2)
	want, _ := os.ReadFile(filepath.Join(re, "register.csv"))
	if r.code != 0 || r.stdout != string(want) || !strings.Contains(r.stdout, "W-F-05-026,José Ñúñez García,") {
		t.Errorf("register of the imported ledger (%d %s):\n%s\nwant the reissue's\n%s", r.code, r.stderr, r.stdout, want)
	}
}
