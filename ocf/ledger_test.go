package ocf

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/internal/testfiles"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
)

const (
	ledgerCase  = "testdata/ledger/case.yaml"
	ledgerTerms = "testdata/ledger/terms.yaml"
)

var ledgerOpt = LedgerOptions{FormationDate: "2000-01-01", Country: "US", HolderType: "INSTITUTION"}

// registerView is the register view of SPEC §4.5 of c: per outstanding
// warrant, in ascending order of number: number, holder, address, shares,
// price, issued, parent.
func registerView(t *testing.T, c *compute.Case) [][]string {
	t.Helper()
	return testfiles.RegisterView(t, c)
}

// ledgerViewWant is the register view of testdata/ledger/case.yaml, worked
// by hand. W-F-05-001 (250,000) exercises 100,000 on 2005-11-01: 005 holds
// 150,000; the 3:1 split of 2006-01-17 makes it 450,000 at 0.8000 (and 002
// 500,001, 004 125,001); 002 assigns 100,000 on 2007-01-05: 006 to Müller,
// 007 keeps 400,001; 003 is canceled; 005 exercises 50,000 on 2008-03-03:
// 008 holds 400,000; the reissue of 2009-11-02 replaces 004, 006, 007, 008,
// in that order, by 009 to 012.
var ledgerViewWant = [][]string{
	{"W-F-05-009", "山田太郎", "丸の内1-1-1|千代田区 100-0005|JP", "125001.00", "0.8000", "2009-11-02", "W-F-05-004"},
	{"W-F-05-010", "Müller GmbH", "Königstraße 1|70173 Stuttgart|DE", "100000.00", "0.8000", "2009-11-02", "W-F-05-006"},
	{"W-F-05-011", "Gryphon Master Fund, L.P.", "100 Crescent Court, Suite 490|Dallas, TX 75201|US", "400001.00", "0.8000", "2009-11-02", "W-F-05-007"},
	{"W-F-05-012", "Alpha Capital Anstalt", "Pradafant 7|9490 Vaduz|LI", "400000.00", "0.8000", "2009-11-02", "W-F-05-008"},
}

// exportLedger exports testdata/ledger/case.yaml into a new directory.
func exportLedger(t *testing.T) (string, []OutFile) {
	t.Helper()
	c, err := casefile.Load(ledgerCase)
	if err != nil {
		t.Fatal(err)
	}
	files, notes, err := ExportLedger(c, ledgerOpt)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) > 0 {
		t.Errorf("notes: %v", notes)
	}
	dir := t.TempDir()
	if err := WriteFiles(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir, files
}

// importLedger imports the series from the export in dir, completed by the
// ledger's terms, and decodes the case it writes (with the register, if
// withRegister).
func importLedger(t *testing.T, dir string, withRegister bool) (*Import, *compute.Case, error) {
	t.Helper()
	p, err := Read(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, nil, err
	}
	imp, err := p.Warrants("W-F-05")
	if err != nil {
		return nil, nil, err
	}
	opt := CaseOptions{TermsFile: ledgerTerms, CaseName: "case.yaml", Source: dir}
	if withRegister {
		opt.Register = "register.csv"
	}
	data, reg, _, err := imp.Case(opt)
	if err != nil {
		return imp, nil, err
	}
	c, err := casefile.Decode("case.yaml", bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the imported case does not decode: %v\n%s", err, data)
	}
	if withRegister {
		if c.Warrants, err = casefile.ReadRegister("register.csv", bytes.NewReader(reg), c.Terms); err != nil {
			t.Fatal(err)
		}
	}
	return imp, c, nil
}

// TestLedgerRoundTrip: a ledger (originals, a split, an exercise with a
// balance, a partial assignment, a cancellation, a second exercise of the
// balance, a reissue) → ocf export → every file validates → ocf import:
// the register view is the one worked by hand, on both sides, with the
// warrants in the case or in a register; the export is byte-identical on a
// re-run.
func TestLedgerRoundTrip(t *testing.T) {
	c, err := casefile.Load(ledgerCase)
	if err != nil {
		t.Fatal(err)
	}
	if got := registerView(t, c); !slices.EqualFunc(got, ledgerViewWant, slices.Equal) {
		t.Fatalf("the ledger's view:\n%q\nwant\n%q", got, ledgerViewWant)
	}
	dir, files := exportLedger(t)
	for _, f := range files {
		if ps, err := ValidateFile(f.Path, f.Data); err != nil || len(ps) > 0 {
			t.Errorf("%s does not validate: %v %v", f.Path, err, ps)
		}
	}
	tx := string(files[2].Data)
	for _, want := range []string{
		`"object_type": "TX_WARRANT_EXERCISE"`, `"trigger_id": "W-F-05-001.exercise"`,
		`"balance_security_id": "wk-sec-W-F-05-007"`,
		// s × q₀ / N = 100000 × 166667 / 500001, in the units of 002 as issued
		`"quantity": "33333.3333333333"`,
		`"reason_text": "repurchased"`,
		`"custom_id": "W-F-05-008"`, `"quantity": "400000.00"`, `"amount": "0.8000"`,
		`"id": "split-2006"`, `"numerator": "3"`,
		// the Warrant Stock of the cashless exercise of 2008-03-03:
		// X = 50000 − 0.80 × 50000 / 1.50 = 23333.33…, 23333 issued
		`"custom_id": "EX-W-F-05-005"`, `"quantity": "23333"`, `"wk-sec-stock-4-W-F-05-005",` + "\n        " + `"wk-sec-W-F-05-008"`,
		`"custom_id": "EX-W-F-05-001"`, `"quantity": "100000"`,
	} {
		if !strings.Contains(tx, want) {
			t.Errorf("the transactions lack %s", want)
		}
	}
	for _, withRegister := range []bool{false, true} {
		imp, c2, err := importLedger(t, dir, withRegister)
		if err != nil {
			t.Fatalf("import (register %v): %v", withRegister, err)
		}
		if len(imp.Originals) != 4 || len(imp.Steps) != 8 || len(imp.Rows) != 4 {
			t.Errorf("%d originals, %d steps, %d outstanding; want 4, 8 (the reissue as 4 exchanges), 4", len(imp.Originals), len(imp.Steps), len(imp.Rows))
		}
		if c2.Warrants[0].Email != "warrants@alpha.example" {
			t.Errorf("the email of W-F-05-001: %q", c2.Warrants[0].Email)
		}
		if got := registerView(t, c2); !slices.EqualFunc(got, ledgerViewWant, slices.Equal) {
			t.Errorf("after the round trip (register %v):\n%q\nwant\n%q", withRegister, got, ledgerViewWant)
		}
		// The second exercise's shares come from the replayed 450,000
		// less the balance's 400,000.
		if x := c2.Transactions[3]; x.Type != compute.TxExercise || x.Warrant != "W-F-05-005" || x.Shares.String() != "50000" || x.Balance != "W-F-05-008" {
			t.Errorf("transactions[4] = %+v", x)
		}
	}
	_, again := exportLedger(t)
	for i := range files {
		if !bytes.Equal(files[i].Data, again[i].Data) {
			t.Errorf("%s differs between runs", files[i].Path)
		}
	}
}

// TestFixtureLedger: the fixture's transfer of W-F-05-003 is an assignment
// to the transferee with the balance, its cancellation of 007 a
// cancellation; 013 and 014 are no originals.
func TestFixtureLedger(t *testing.T) {
	p, err := Read(filepath.Join(fixture, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	imp, err := p.Warrants("W-F-05")
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Originals) != 12 || imp.Originals[11].Number != "W-F-05-012" {
		t.Errorf("originals: %d", len(imp.Originals))
	}
	if len(imp.Steps) != 2 {
		t.Fatalf("steps: %+v", imp.Steps)
	}
	a, k := imp.Steps[0], imp.Steps[1]
	if a.Type != compute.TxAssignment || a.Warrant != "W-F-05-003" || a.New[0].Number != "W-F-05-013" || a.Balance.Number != "W-F-05-014" || a.Date.String() != "2005-06-01" {
		t.Errorf("assignment: %+v", a)
	}
	if k.Type != compute.TxCancellation || k.Warrant != "W-F-05-007" || k.Reason != "Surrendered by the holder" {
		t.Errorf("cancellation: %+v", k)
	}
}

// TestExportReissueOfLedger: a reissue of what the fixture's ledger has
// outstanding after the split (originals, and the assignee's and balance
// warrants of its transfer), exported as OCF and imported again: one
// exchange per re-issued warrant, and the register view is the reissue's.
func TestExportReissueOfLedger(t *testing.T) {
	p, err := Read(filepath.Join(fixture, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	imp, err := p.Warrants("W-F-05")
	if err != nil {
		t.Fatal(err)
	}
	data, reg, _, err := imp.Case(CaseOptions{TermsFile: "testdata/glowpoint-terms.yaml", CaseName: "case.yaml", Register: "register.csv", Source: fixture})
	if err != nil {
		t.Fatal(err)
	}
	c, err := casefile.Decode("case.yaml", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	originals, err := casefile.ReadRegister("register.csv", bytes.NewReader(reg), c.Terms)
	if err != nil {
		t.Fatal(err)
	}
	r := &Reissue{Dir: "reissue", Date: compute.Date{Year: 2006, Month: 1, Day: 17}, Case: c, Old: map[string]compute.Warrant{}, Prices: map[string]string{}}
	for _, w := range originals {
		r.Old[w.Number] = w
	}
	c.Warrants = originals
	var want [][]string
	for i, row := range imp.Rows { // outstanding, in the order issued: 001 … 012, 013, 014
		number := fmt.Sprintf("W-F-05-%03d", 15+i)
		shares := row.Shares.Mul(decimal.NewFromInt(3))
		r.New = append(r.New, compute.Warrant{Number: number, Holder: row.Holder, Shares: shares, Parent: row.Number, Line: i + 2})
		r.Prices[number] = "0.8000"
		want = append(want, []string{number, row.Holder.Name, strings.Join(row.Holder.Address, "|"), shares.StringFixed(2), "0.8000", "2006-01-17", row.Number})
	}
	files, err := ExportReissue(p, "W-F-05", r)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteFiles(dir, files); err != nil {
		t.Fatal(err)
	}
	p2, err := Read(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	imp2, err := p2.Warrants("W-F-05")
	if err != nil {
		t.Fatal(err)
	}
	data2, _, _, err := imp2.Case(CaseOptions{TermsFile: "testdata/glowpoint-terms.yaml", CaseName: "case2.yaml", Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := casefile.Decode("case2.yaml", bytes.NewReader(data2))
	if err != nil {
		t.Fatal(err)
	}
	if len(c2.Transactions) != 14 || c2.Transactions[13].Type != compute.TxExchange || c2.Transactions[13].Warrant != "W-F-05-014" {
		t.Errorf("transactions: %d, the last %+v", len(c2.Transactions), c2.Transactions[len(c2.Transactions)-1])
	}
	if got := registerView(t, c2); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("view:\n%q\nwant\n%q", got, want)
	}
}
