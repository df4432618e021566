package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The register view (SPEC §4.5) and adjust's lineage (§4.1) from the
// command line.

const ledgerCase = "testdata/ledger-case.yaml"

func readCSVText(t *testing.T, text string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%s", err, text)
	}
	return recs
}

// TestRegisterView_Ledger: the view at the end, and at dates along the
// history, worked by hand in the case file's comment.
func TestRegisterView_Ledger(t *testing.T) {
	head := "number,holder_name,holder_address,shares,warrant_price,issued,parent,email,tax_id_last4\n"
	cases := []struct {
		asOf, want string
	}{
		{"", head +
			"W-L-01-003,First Holder,1 Main Street|Springfield,450000.00,0.4000,2007-01-05,W-L-01-001,first@example.com,1234\n" +
			"W-L-01-005,Second Holder,2 Oak Road|Shelbyville,180000.00,0.4000,2008-01-07,W-L-01-002,,\n" +
			"W-L-01-006,Müller GmbH,Königstraße 1|70173 Stuttgart,120000.00,0.4000,2008-04-02,W-L-01-004,,\n"},
		{"2008-06-30", "same as the end: the split of that day is in"},
		{"2008-06-29", head +
			"W-L-01-003,First Holder,1 Main Street|Springfield,150000.00,1.2000,2007-01-05,W-L-01-001,first@example.com,1234\n" +
			"W-L-01-005,Second Holder,2 Oak Road|Shelbyville,60000.00,1.2000,2008-01-07,W-L-01-002,,\n" +
			"W-L-01-006,Müller GmbH,Königstraße 1|70173 Stuttgart,40000.00,1.2000,2008-04-02,W-L-01-004,,\n"},
		{"2008-02-01", head +
			"W-L-01-003,First Holder,1 Main Street|Springfield,150000.00,1.2000,2007-01-05,W-L-01-001,first@example.com,1234\n" +
			"W-L-01-004,Müller GmbH,Königstraße 1|70173 Stuttgart,40000.00,1.2000,2008-01-07,W-L-01-002,,\n" +
			"W-L-01-005,Second Holder,2 Oak Road|Shelbyville,60000.00,1.2000,2008-01-07,W-L-01-002,,\n"},
		{"2007-01-05", head +
			"W-L-01-002,Second Holder,2 Oak Road|Shelbyville,100000.00,1.2000,2005-03-14,,,\n" +
			"W-L-01-003,First Holder,1 Main Street|Springfield,150000.00,1.2000,2007-01-05,W-L-01-001,first@example.com,1234\n"},
		{"2005-12-31", head +
			"W-L-01-001,First Holder,1 Main Street|Springfield,100000.00,2.4000,2005-03-14,,first@example.com,1234\n" +
			"W-L-01-002,Second Holder,2 Oak Road|Shelbyville,50000.00,2.4000,2005-03-14,,,\n"},
	}
	cases[1].want = cases[0].want
	for _, c := range cases {
		t.Run("as-of "+c.asOf, func(t *testing.T) {
			args := []string{"register", ledgerCase}
			if c.asOf != "" {
				args = append(args, "--as-of", c.asOf)
			}
			r := runBinary(t, args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if r.stdout != c.want {
				t.Errorf("got\n%s\nwant\n%s", r.stdout, c.want)
			}
			checkViewJSON(t, append(args, "--json"), readCSVText(t, r.stdout))
		})
	}
}

// checkViewJSON: register --json gives the CSV's rows, with its columns as
// keys.
func checkViewJSON(t *testing.T, args []string, rows [][]string) {
	t.Helper()
	r := runBinary(t, args...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
	}
	var objs []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &objs); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	if len(objs) != len(rows)-1 {
		t.Fatalf("%v: %d objects, %d rows", args, len(objs), len(rows)-1)
	}
	for i, o := range objs {
		if len(o) != len(rows[0]) {
			t.Errorf("object %d has %d keys, the CSV %d columns", i, len(o), len(rows[0]))
		}
		for j, col := range rows[0] {
			if v, ok := o[col]; !ok || v != rows[i+1][j] {
				t.Errorf("object %d %s = %q (%v), the CSV has %q", i, col, v, ok, rows[i+1][j])
			}
		}
	}
}

// TestAdjust_Lineage: adjust gives one object per warrant ever issued, in
// the order of SPEC §4.1, each created warrant with its parent and the
// transaction that issued it, each surrendered one with its successors;
// the table says the same in words.
func TestAdjust_Lineage(t *testing.T) {
	r := runBinary(t, "adjust", ledgerCase, "--json")
	var out []struct {
		Warrant   string `json:"warrant"`
		Parent    string `json:"parent"`
		Issued    string `json:"issued"`
		CreatedBy *struct {
			Type, Transaction string
		} `json:"created_by"`
		Initial struct {
			Shares string `json:"warrant_share_number"`
		} `json:"initial"`
		Final struct {
			Shares string `json:"warrant_share_number"`
		} `json:"final"`
		Surrendered *struct {
			Date, Type, Transaction string
			Successors              []string
		} `json:"surrendered"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range out {
		s := a.Warrant + " " + a.Initial.Shares + "→" + a.Final.Shares
		if a.CreatedBy != nil {
			s += " from " + a.Parent + " by " + a.CreatedBy.Type + " " + a.CreatedBy.Transaction + " on " + a.Issued
		}
		if a.Surrendered != nil {
			s += " surrendered " + a.Surrendered.Date + " by " + a.Surrendered.Type + " " + a.Surrendered.Transaction + " for [" + strings.Join(a.Surrendered.Successors, " ") + "]"
		}
		got = append(got, s)
	}
	want := []string{
		"W-L-01-001 100000.00→200000.00 surrendered 2007-01-05 by exercise #1 for [W-L-01-003]",
		"W-L-01-002 50000.00→100000.00 surrendered 2008-01-07 by assignment gift for [W-L-01-004 W-L-01-005]",
		"W-L-01-003 150000.00→450000.00 from W-L-01-001 by exercise #1 on 2007-01-05",
		"W-L-01-004 40000.00→40000.00 from W-L-01-002 by assignment gift on 2008-01-07 surrendered 2008-04-02 by replacement #3 for [W-L-01-006]",
		"W-L-01-005 60000.00→180000.00 from W-L-01-002 by assignment gift on 2008-01-07",
		"W-L-01-006 40000.00→120000.00 from W-L-01-004 by replacement #3 on 2008-04-02",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	table := runBinary(t, "adjust", ledgerCase).stdout
	for _, s := range []string{
		"W-L-01-003 — balance of W-L-01-001 after the exercise of 2007-01-05\n  First Holder  (initial: Warrant Price 1.2000, Warrant Share Number 150000.00)",
		"surrendered on 2007-01-05 by the exercise #1: issued W-L-01-003",
		"W-L-01-004 — assigned from W-L-01-002 on 2008-01-07\n  Müller GmbH",
		"surrendered on 2008-01-07 by the assignment gift: issued W-L-01-004, W-L-01-005",
		"W-L-01-005 — balance of W-L-01-002 after the assignment of 2008-01-07\n  Second Holder",
		"W-L-01-006 — replacing W-L-01-004, lost, on 2008-04-02\n  Müller GmbH",
		"surrendered on 2008-04-02 by the replacement #3 (lost): issued W-L-01-006",
	} {
		if !strings.Contains(table, s) {
			t.Errorf("the table lacks %q:\n%s", s, table)
		}
	}
}

// TestAdjust_CertificatesOfCreatedWarrants: an event after a warrant was
// created is certified for that warrant and its holder, not its ancestor.
func TestAdjust_CertificatesOfCreatedWarrants(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "certs")
	if r := runBinary(t, "adjust", ledgerCase, "--certificates", dir); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	want := []string{"W-L-01-001-split-2006.pdf", "W-L-01-002-split-2006.pdf", "W-L-01-003-split-2008.pdf", "W-L-01-005-split-2008.pdf", "W-L-01-006-split-2008.pdf"}
	if !slices.Equal(names, want) {
		t.Fatalf("certificates %q, want %q", names, want)
	}
	texts := checkPDFs(t, map[string][]byte{"W-L-01-006-split-2008.pdf": files["W-L-01-006-split-2008.pdf"]}, true)
	text := strings.Join(valuesOf(texts), "\n")
	for _, s := range []string{"W-L-01-006", "Müller GmbH", "120,000"} {
		if !strings.Contains(text, s) {
			t.Errorf("the certificate of W-L-01-006 lacks %q", s)
		}
	}
}

// TestAdjust_NoLineageWithoutTransactions: without transactions no object
// has a lineage key (the goldens hold the bytes).
func TestAdjust_NoLineageWithoutTransactions(t *testing.T) {
	r := runBinary(t, "adjust", sample, "--json")
	var out []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	for _, a := range out {
		for _, k := range []string{"parent", "issued", "created_by", "surrendered"} {
			if _, ok := a[k]; ok {
				t.Errorf("%v has %q", a["warrant"], k)
			}
		}
	}
}

// TestRegisterView_Sample: the view of the sample (no transactions) is the
// originals with their adjusted numbers; JSON has the CSV's keys; the email
// and tax id columns come with a register that has them.
func TestRegisterView_Sample(t *testing.T) {
	for _, args := range [][]string{
		{"register", sample},
		{"register", sample, "--as-of", "2007-12-31"},
		{"register", sample, "--register", "../../samples/register.csv"},
	} {
		r := runBinary(t, args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		rows := readCSVText(t, r.stdout)
		contact := slices.Contains(args, "--register")
		if got := slices.Contains(rows[0], "email"); got != contact {
			t.Errorf("%v: header %q", args, rows[0])
		}
		checkViewJSON(t, append(args, "--json"), rows)
	}
}

func TestRegister_Refused(t *testing.T) {
	cases := []struct {
		name                string
		args                []string
		code                int
		file, field, substr string
	}{
		{"bad as-of", []string{"register", sample, "--as-of", "2007-02-30"}, exitInvalid, "", "--as-of", "is not a date"},
		{"bad as-of with --json", []string{"register", sample, "--as-of", "tomorrow", "--json"}, exitInvalid, "", "--as-of", "is not a date"},
		{"as-of before the issue", []string{"register", sample, "--as-of", "2004-03-14"}, exitInvalid, "", "--as-of", "before the Original Issue Date 2005-03-14"},
		{"json and table", []string{"register", sample, "--json", "--table"}, exitUsage, "", "", "give one"},
		{"no case", []string{"register"}, exitUsage, "", "", "missing CASE file"},
		{"unknown flag", []string{"register", sample, "--csv"}, exitUsage, "", "", "unknown flag: --csv"},
		{"bad register", []string{"register", sample, "--register", "../../compute/casefile/testdata/badreg/duplicate_number.csv"}, exitInvalid, "duplicate_number.csv", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runBinary(t, c.args...)
			checkRefused(t, r, c.code, c.file, c.field, c.substr)
		})
	}
}

// TestRegister_ViewIsNoInput: what register prints, given back as
// --register, is refused (SPEC §2.2): its share numbers are current ones.
func TestRegister_ViewIsNoInput(t *testing.T) {
	r := runBinary(t, "register", sample)
	path := filepath.Join(t.TempDir(), "view.csv")
	if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"register", "adjust"} {
		r := runBinary(t, cmd, sample, "--register", path)
		checkRefused(t, r, exitInvalid, path, "warrant_price", "never an input")
	}
}

// TestRegister_TableAlignsWideNames: in --table, a holder named in
// ideographs (two terminal columns each) is padded so that the next column
// starts where it does on every line, in any locale.
func TestRegister_TableAlignsWideNames(t *testing.T) {
	field := regexp.MustCompile(`\S+(?: \S+)*`) // columns are two or more blanks apart
	var first string
	for _, env := range []string{"RUNEWIDTH_EASTASIAN=0", "RUNEWIDTH_EASTASIAN=1", "LANG=ja_JP.UTF-8"} {
		cmd := exec.Command(binary, "register", sample, "--register", "../../samples/register.csv", "--table")
		cmd.Env = append(os.Environ(), env)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", env, err)
		}
		if first == "" {
			first = string(out)
		} else if string(out) != first {
			t.Errorf("%s: the table differs from the one in another locale", env)
		}
		if !strings.Contains(string(out), "山田太郎") {
			t.Fatalf("no CJK holder in the table:\n%s", out)
		}
		col := -1
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			at := field.FindAllStringIndex(line, -1)
			if len(at) < 3 {
				t.Fatalf("line %q has fewer than three columns", line)
			}
			// The third column (the share number) starts at this terminal column.
			c := cells.StringWidth(line[:at[2][0]])
			if col >= 0 && c != col {
				t.Errorf("%s: the share number starts at column %d on %q, at %d above:\n%s", env, c, line, col, out)
			}
			col = c
		}
	}
}
