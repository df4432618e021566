package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/warrantkit/warrantkit/ocf"
)

const ocfFixture = "../../ocf/testdata/glowpoint"
const ocfTerms = "../../ocf/testdata/glowpoint-terms.yaml"

// ocfOriginals is the fixture's outstanding warrants with no transaction of
// the series: the exports of a reissue, an exercise or an assignment are
// tested on it, apart from the ledger.
const ocfOriginals = "../../ocf/testdata/glowpoint-originals"

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
// the export again: the originals and a ledger whose register view is the
// re-issued one, numbers, holders, adjusted shares and prices, parents. The
// export is byte-identical on a re-run.
func TestOCFRoundTrip(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	r := runBinary(t, "ocf", "import", ocfOriginals, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms)
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "not in the export, the Warrant's defaults apply: terms.time_zone") {
		t.Errorf("import does not name the fields it could not fill: %q", r.stderr)
	}
	re := filepath.Join(dir, "reissue")
	if r := runBinary(t, "reissue", caseFile, "--register", reg, "--out", re, "-j", "2", "--font", sampleFont); r.code != 0 {
		t.Fatalf("reissue: %d %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "ocf")
	if r := runBinary(t, "ocf", "export", re, "--ocf", ocfOriginals, "-o", out, "--font", sampleFont); r.code != 0 {
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
	for _, want := range []string{`"TX_WARRANT_TRANSFER"`, `"resulting_security_ids": [` + "\n        " + `"wk-sec-W-F-05-015"`, `"id": "wk-issue-W-F-05-015"`, `"quantity": "750000.00"`, `"amount": "0.8000"`,
		`Adjusted under §4(b) of the Warrant for event split-2006 (stock-split, effective 2006-01-17, applied): Warrant Price 2.4000 → 0.8000, Warrant Share Number 250000.00 → 750000.00.`} {
		if !strings.Contains(string(tx), want) {
			t.Errorf("transactions lack %s", want)
		}
	}
	docs, _ := os.ReadFile(filepath.Join(out, "Documents.warrantkit-reissue-2006-01-17.ocf.json"))
	if n := strings.Count(string(docs), `"object_type": "DOCUMENT"`); n != 36 {
		t.Errorf("%d documents, want 36 (12 certificates, warrants, records)", n)
	}

	// Import the export: the originals, the split and one exchange per
	// re-issued warrant, whose register view is the re-issued register.
	case2, reg2 := filepath.Join(dir, "case2.yaml"), filepath.Join(dir, "register2.csv")
	if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", case2, "--register", reg2, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import of the export: %d %s", r.code, r.stderr)
	}
	if got, want := readCSV(t, reg2), readCSV(t, reg); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("the originals changed:\n%v\nwant\n%v", got, want)
	}
	got, want := ledgerView(t, case2, reg2), viewOf(t, caseFile, filepath.Join(re, "register.csv"))
	if len(got) != len(want) || len(got) != 12 {
		t.Fatalf("%d outstanding, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if !slices.Equal(g[:4], w) || g[4] != "0.8000" || g[5] != "2006-01-17" || g[6] == "" {
			t.Errorf("row %d: got %q, want %q at 0.8000, issued 2006-01-17 for its parent", i+1, g, w)
		}
	}
	c2, _ := os.ReadFile(case2)
	for _, s := range []string{`initial_warrant_price: "2.4"`, `id: "split-2006"`, `{type: "exchange", date: "2006-01-17", warrant: "W-F-05-001", into: [{number: "W-F-05-015"}], note: "OCF TX_WARRANT_TRANSFER wk-reissue-W-F-05-001"}`} {
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
	if r := runBinary(t, "ocf", "export", re, "--ocf", ocfOriginals, "-o", out2, "--font", sampleFont); r.code != 0 {
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

// TestOCFExerciseAssignRoundTrip: import the fixture → exercise (a partial
// cash exercise, a cashless one) and assign (a partial assignment to a new
// stakeholder) with the real binary → ocf export → every written OCF file
// validates → importing the export gives a ledger whose register view is
// the one after the event: the exercised or assigned warrant gone, the new
// warrants with their shares.
func TestOCFExerciseAssignRoundTrip(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", ocfOriginals, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	base := []string{caseFile, "--register", reg}
	for _, tc := range []struct {
		name    string
		args    []string
		export  []string
		gone    string
		rows    [][]string // the new rows: number, holder, address, shares
		txTypes []string
		wants   []string
	}{
		{"cash", append([]string{"exercise"}, append(base, "--warrant", "W-F-05-001", "--shares", "100000", "--date", "2005-11-01", "--outstanding", "50000000")...), nil,
			"W-F-05-001", [][]string{{"W-F-05-015", "Alpha Capital Anstalt", "Pradafant 7|Vaduz, 9490|LI", "150000"}},
			[]string{"TX_WARRANT_EXERCISE", "TX_STOCK_ISSUANCE", "TX_WARRANT_ISSUANCE"},
			[]string{`"trigger_id": "W-F-05-001.exercise"`, `"quantity": "100000"`, `"stock_class_id": "class-common"`, `"amount": "2.4000"`, `"wk-sec-stock-W-F-05-001",` + "\n        " + `"wk-sec-W-F-05-015"`, "(cash, §2 of the Warrant) on 2005-11-01"}},
		{"cashless", append([]string{"exercise"}, append(base, "--warrant", "W-F-05-004", "--shares", "40000", "--date", "2005-12-01", "--method", "cashless", "--market-value", "3.00", "--outstanding", "50000000")...), nil,
			"W-F-05-004", [][]string{{"W-F-05-015", "Łukasz Żółć", "ul. Marszałkowska 84/92|Warszawa, 00-514|PL", "1667"}},
			[]string{"TX_WARRANT_EXERCISE", "TX_STOCK_ISSUANCE", "TX_WARRANT_ISSUANCE"},
			// X = Y − A·Y/B = 40000 − 2.40·40000/3.00 = 8000; 32000 canceled
			[]string{`"quantity": "8000"`, "(cashless, §2(c) of the Warrant) on 2005-12-01", "32000.00 Warrant Shares canceled at the Per Share Market Value 3.0000"}},
		{"assign", append([]string{"assign"}, append(base, "--warrant", "W-F-05-002", "--to", "Nu Capital GmbH", "--to-address", "Hauptstrasse 5|10115 Berlin", "--shares", "66667", "--date", "2005-12-01")...),
			[]string{"--assignee-country", "DE", "--assignee-type", "institution"},
			"W-F-05-002", [][]string{{"W-F-05-015", "Nu Capital GmbH", "Hauptstrasse 5|10115 Berlin|DE", "66667"}, {"W-F-05-016", "Gryphon Master Fund, L.P.", "100 Crescent Court, Suite 490|Dallas, TX 75201|US", "100000"}},
			[]string{"TX_WARRANT_TRANSFER", "TX_WARRANT_ISSUANCE", "TX_WARRANT_ISSUANCE"},
			[]string{`"balance_security_id": "wk-sec-W-F-05-016"`, `"quantity": "66667.00"`, "(§2(e) of the Warrant)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			od := filepath.Join(dir, tc.name)
			if r := runBinary(t, append(tc.args, "--out", od, "--font", sampleFont)...); r.code != 0 {
				t.Fatalf("%s: %d %s", tc.args[0], r.code, r.stderr)
			}
			out := filepath.Join(dir, tc.name+"-ocf")
			if r := runBinary(t, append([]string{"ocf", "export", od, "--ocf", ocfOriginals, "-o", out}, tc.export...)...); r.code != 0 {
				t.Fatalf("export: %d %s", r.code, r.stderr)
			}
			jsons, _ := filepath.Glob(filepath.Join(out, "*.ocf.json"))
			want := 6
			if tc.name == "assign" {
				want = 7 // and the new stakeholder
			}
			if len(jsons) != want {
				t.Errorf("%d OCF files, want %d: %v", len(jsons), want, jsons)
			}
			for _, f := range jsons {
				data, _ := os.ReadFile(f)
				ps, err := ocf.ValidateFile(f, data)
				if err != nil || len(ps) > 0 {
					t.Errorf("%s does not validate: %v %v", f, err, ps)
				}
			}
			txs, _ := filepath.Glob(filepath.Join(out, "Transactions.warrantkit-*.ocf.json"))
			if len(txs) != 1 {
				t.Fatalf("transactions files %v", txs)
			}
			tx, _ := os.ReadFile(txs[0])
			var got []string
			for _, l := range strings.Split(string(tx), "\n") {
				if s, ok := strings.CutPrefix(strings.TrimSpace(l), `"object_type": "`); ok {
					got = append(got, strings.TrimSuffix(s, `",`))
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.txTypes, " ") {
				t.Errorf("transactions %v, want %v", got, tc.txTypes)
			}
			for _, w := range tc.wants {
				if !strings.Contains(string(tx), w) {
					t.Errorf("transactions lack %s:\n%s", w, tx)
				}
			}
			docs, _ := filepath.Glob(filepath.Join(out, "Documents.warrantkit-*.ocf.json"))
			dd, _ := os.ReadFile(docs[0])
			if n := strings.Count(string(dd), `"object_type": "DOCUMENT"`); n != len(tc.rows)+2 {
				t.Errorf("%d documents, want %d", n, len(tc.rows)+2)
			}

			case2, reg2 := filepath.Join(dir, tc.name+"-case.yaml"), filepath.Join(dir, tc.name+"-register.csv")
			if r := runBinary(t, "ocf", "import", out, "--series", "W-F-05", "-o", case2, "--register", reg2, "--terms", ocfTerms); r.code != 0 {
				t.Fatalf("import of the export: %d %s", r.code, r.stderr)
			}
			before, after := readCSV(t, reg), ledgerView(t, case2, reg2)
			var expect [][]string
			for _, rec := range before[1:] {
				if rec[0] != tc.gone {
					expect = append(expect, rec[:4])
				}
			}
			expect = append(expect, tc.rows...)
			slices.SortFunc(expect, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
			if len(after) != len(expect) {
				t.Fatalf("%d outstanding after, want %d:\n%v", len(after), len(expect), after)
			}
			// The view is after the 3:1 split of 2006-01-17: three times
			// the shares of 2005, at 2.40 / 3.
			three := decimal.NewFromInt(3)
			for i, w := range expect {
				g := after[i]
				if g[0] != w[0] || g[1] != w[1] || g[2] != w[2] || !decimal.RequireFromString(g[3]).Equal(decimal.RequireFromString(w[3]).Mul(three)) || g[4] != "0.8000" {
					t.Errorf("row %d: got %q, want %q × 3 at 0.8000", i+1, g[:5], w)
				}
			}
			c2, _ := os.ReadFile(case2)
			if !strings.Contains(string(c2), `initial_warrant_price: "2.4"`) || !strings.Contains(string(c2), "split-2006") {
				t.Errorf("re-imported case:\n%s", c2)
			}
		})
	}

	// A malformed record is refused with file, JSON path and reason; nothing is written.
	for _, tc := range []struct{ name, from, to, want string }{
		{"unknown field", `"method": "cash",`, `"method": "cash", "bonus": "1",`, `exercise.json: /exercise/bonus: unknown field`},
		{"11 decimals", `"warrant_price": "2.4000"`, `"warrant_price": "2.40000000000"`, `exercise.json: /exercise/warrant_price: "2.40000000000" has 11 decimals`},
		{"a number", `"shares_issued": "100000"`, `"shares_issued": 100000`, `exercise.json: /exercise/shares_issued: is the number 100000, not a string`},
	} {
		bad := filepath.Join(dir, "bad-"+strings.ReplaceAll(tc.name, " ", "-"))
		if err := os.CopyFS(bad, os.DirFS(filepath.Join(dir, "cash"))); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(bad, "exercise.json"))
		if !strings.Contains(string(data), tc.from) {
			t.Fatalf("%s: exercise.json lacks %s", tc.name, tc.from)
		}
		os.WriteFile(filepath.Join(bad, "exercise.json"), []byte(strings.Replace(string(data), tc.from, tc.to, 1)), 0o644)
		out := filepath.Join(dir, "bad-out")
		r := runBinary(t, "ocf", "export", bad, "--ocf", ocfOriginals, "-o", out)
		if r.code != 3 || !strings.Contains(r.stderr, tc.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%s: exit %d, stderr %q, want %q", tc.name, r.code, r.stderr, tc.want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: the refused export wrote %s", tc.name, out)
		}
	}
}
