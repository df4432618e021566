package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/warrantkit/warrantkit/render/pdftest"
)

// The four failures of issue 12, run as a user ran them, on samples/: each
// now holds, and no share number is ever counted twice.

const samplesRegister = "../../samples/register.csv"

// adjusted is one object of adjust --json (SPEC §4.1), the keys these
// tests read.
type adjusted struct {
	Warrant string `json:"warrant"`
	Parent  string `json:"parent"`
	Issued  string `json:"issued"`
	Initial state  `json:"initial"`
	Entries []struct {
		Event     string `json:"event"`
		Effective string `json:"effective"`
		After     state  `json:"after"`
	} `json:"entries"`
	Final       state `json:"final"`
	Surrendered *struct {
		Date       string   `json:"date"`
		Successors []string `json:"successors"`
	} `json:"surrendered"`
}

type state struct {
	Price  string `json:"warrant_price"`
	Shares string `json:"warrant_share_number"`
}

// adjustJSON runs adjust --json with args and indexes the result by number.
func adjustJSON(t *testing.T, args ...string) (map[string]adjusted, []adjusted) {
	t.Helper()
	r := runBinary(t, append([]string{"adjust", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("adjust %v: exit %d: %s", args, r.code, r.stderr)
	}
	var list []adjusted
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	m := map[string]adjusted{}
	for _, a := range list {
		if _, dup := m[a.Warrant]; dup {
			t.Errorf("adjust lists %s twice", a.Warrant)
		}
		m[a.Warrant] = a
	}
	return m, list
}

// outstandingShares is the sum of the final share numbers of the warrants
// not surrendered: what the series is good for after the whole history.
func outstandingShares(t *testing.T, list []adjusted) decimal.Decimal {
	t.Helper()
	sum := decimal.Zero
	for _, a := range list {
		if a.Surrendered == nil {
			sum = sum.Add(decimal.RequireFromString(a.Final.Shares))
		}
	}
	return sum
}

// (a) reissue after the 2006 split writes the register view; given back
// as a register it is refused, and the ledger reissue wrote reports the
// re-issued warrant at 500,000.00, the split counted once.
func TestIssue12_ReissueViewIsNotAdjustedTwice(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := runBinary(t, "reissue", sample, "--register", samplesRegister, "--out", out, "--date", "2006-01-17", "-j", "1", "--font", sampleFont); r.code != 0 {
		t.Fatalf("reissue: exit %d: %s", r.code, r.stderr)
	}
	view := filepath.Join(out, "register.csv")
	r := runBinary(t, "adjust", sample, "--register", view)
	checkRefused(t, r, exitInvalid, view+":1: header", "warrant_price", "never an input")

	m, list := adjustJSON(t, filepath.Join(out, "case.yaml"), "--register", samplesRegister)
	w7 := m["W-F-05-007"]
	if w7.Parent != "W-F-05-001" || w7.Issued != "2006-01-17" || w7.Initial.Shares != "500000.00" || w7.Final.Shares != "500000.00" {
		t.Errorf("W-F-05-007: %+v; want re-issued for W-F-05-001 on 2006-01-17 for 500000.00 throughout", w7)
	}
	for _, e := range w7.Entries {
		if e.Event == "split-2006" {
			t.Errorf("W-F-05-007 has the split it was re-issued after: %+v", e)
		}
	}
	if s := m["W-F-05-001"].Surrendered; s == nil || s.Date != "2006-01-17" || strings.Join(s.Successors, ",") != "W-F-05-007" {
		t.Errorf("W-F-05-001 surrendered %+v; want on 2006-01-17 for W-F-05-007", s)
	}
	// Every share number once: on the reissue's date the re-issued warrants
	// hold what the originals held after the split; to the end of the
	// history each follows what its original would have without the reissue.
	plain, _ := adjustJSON(t, sample, "--register", samplesRegister)
	for num, p := range plain {
		s := m[num].Surrendered
		if s == nil || len(s.Successors) != 1 {
			t.Errorf("%s: surrendered %+v; want one successor", num, s)
			continue
		}
		if got := m[s.Successors[0]].Final; got != p.Final {
			t.Errorf("%s (re-issued for %s) final %+v; without the reissue %s ends at %+v", s.Successors[0], num, got, num, p.Final)
		}
	}
	if got, want := outstandingShares(t, list), outstandingShares(t, valuesOfAdjusted(plain)); !got.Equal(want) {
		t.Errorf("the outstanding warrants hold %s; without the reissue %s", got, want)
	}
	asOf, _ := adjustJSON(t, filepath.Join(out, "case.yaml"), "--register", samplesRegister, "--as-of", "2006-01-17")
	if len(asOf) != 12 {
		t.Errorf("%d warrants on 2006-01-17; want the 6 originals and the 6 re-issued", len(asOf))
	}
	// The view register prints as of the reissue is the file reissue wrote.
	reg := runBinary(t, "register", filepath.Join(out, "case.yaml"), "--register", samplesRegister, "--as-of", "2006-01-17")
	if written, _ := os.ReadFile(view); reg.code != 0 || reg.stdout != string(written) {
		t.Errorf("register --as-of 2006-01-17 (exit %d, %s):\n%s\nwant register.csv:\n%s", reg.code, reg.stderr, reg.stdout, written)
	}
}

// (b) the balance of an exercise, written into a register with its parent,
// is refused; through the ledger it holds 63,334.00 with only its own
// entries.
func TestIssue12_BalanceHasOnlyItsOwnEntries(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "register.csv")
	withBalance := "number,holder_name,holder_address,shares,parent\n" +
		"W-F-05-001,Alpha Capital Anstalt,Pradafant 7|9490 Vaduz,250000,\n" +
		"W-F-05-002,\"Gryphon Master Fund, L.P.\",100 Crescent Court|Dallas,166667,\n" +
		"W-F-05-003,José Ñúñez García,Calle de Serrano 41|28001 Madrid,83333,\n" +
		"W-F-05-004,Łukasz Żółć,ul. Marszałkowska 84/92|00-514 Warszawa,41667,\n" +
		"W-F-05-005,Łukasz Żółć,ul. Marszałkowska 84/92|00-514 Warszawa,63334,W-F-05-004\n"
	if err := os.WriteFile(reg, []byte(withBalance), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, "adjust", sample, "--register", reg)
	checkRefused(t, r, exitInvalid, reg+": row 5: parent", "W-F-05-004", "exists only through the transaction that created it")

	out := filepath.Join(dir, "out")
	r = runBinary(t, "exercise", sample, "--warrant", "W-F-05-004", "--shares", "20000", "--date", "2009-10-01",
		"--method", "cashless", "--market-value", "1.50", "--outstanding", "110000000", "--out", out)
	if r.code != 0 {
		t.Fatalf("exercise: exit %d: %s", r.code, r.stderr)
	}
	m, list := adjustJSON(t, filepath.Join(out, "case.yaml"))
	b := m["W-F-05-005"]
	if b.Parent != "W-F-05-004" || b.Issued != "2009-10-01" || b.Initial.Shares != "63334.00" || b.Final.Shares != "63334.00" || len(b.Entries) != 0 {
		t.Errorf("W-F-05-005: %+v; want the balance of W-F-05-004 issued 2009-10-01 for 63334.00, no entry of its own", b)
	}
	// 83,334 before the exercise: 20,000 exercised, 63,334 left; nothing
	// else of the series moved.
	if got := m["W-F-05-004"].Final.Shares; got != "83334.00" {
		t.Errorf("W-F-05-004 final %s; want 83334.00", got)
	}
	_, plain := adjustJSON(t, sample)
	if got, want := outstandingShares(t, list), outstandingShares(t, plain).Sub(decimal.NewFromInt(20000)); !got.Equal(want) {
		t.Errorf("outstanding after the exercise %s; want %s (before it, less the 20000 exercised)", got, want)
	}
	table := runBinary(t, "adjust", filepath.Join(out, "case.yaml"))
	if !strings.Contains(table.stdout, "W-F-05-005 — balance of W-F-05-004 after the exercise of 2009-10-01\n") {
		t.Errorf("the table does not head W-F-05-005 with its lineage:\n%s", table.stdout)
	}
}

// scheduleRow is a row of a Schedule of Adjustments: the warrant it names
// and that warrant's share number after it.
var scheduleRow = regexp.MustCompile(`^([A-Z][a-z]+ \d{1,2}, \d{4}) (W-F-05-\d+) .*\$\d+\.\d+ ([\d,]+\.\d\d)$`)

// checkSchedule reads the Schedule of Adjustments of the warrant PDF and
// checks every row against adjust --json of the ledger: the share number a
// row states is the one of the warrant it names on that date, as created
// or after that date's entry — never an ancestor's presented as its own.
func checkSchedule(t *testing.T, pdf []byte, m map[string]adjusted, own string, ownShares string) {
	t.Helper()
	pages, err := pdftest.Text(pdf)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages, "\n")
	i := strings.Index(text, "SCHEDULE OF ADJUSTMENTS")
	if i < 0 {
		t.Fatalf("no Schedule of Adjustments in %s", own)
	}
	rows := 0
	ownRows := 0
	for _, line := range strings.Split(text[i:], "\n") {
		g := scheduleRow.FindStringSubmatch(line)
		if g == nil {
			continue
		}
		rows++
		day, err := time.Parse("January 2, 2006", g[1]) // the Schedule writes dates in words
		if err != nil {
			t.Fatalf("%s: row %q: %v", own, line, err)
		}
		date, num, shares := day.Format("2006-01-02"), g[2], strings.ReplaceAll(g[3], ",", "")
		a, ok := m[num]
		if !ok {
			t.Errorf("%s: row %q names %s, which the ledger never issued", own, line, num)
			continue
		}
		allowed := map[string]bool{}
		if a.Issued == date {
			allowed[a.Initial.Shares] = true
		}
		for _, e := range a.Entries {
			if e.Effective == date {
				allowed[e.After.Shares] = true
			}
		}
		if !allowed[shares] {
			t.Errorf("%s: row %q states %s for %s; on %s that warrant held %v", own, line, shares, num, date, allowed)
		}
		if num == own {
			ownRows++
			if shares != ownShares {
				t.Errorf("%s: its own row %q states %s, want %s", own, line, shares, ownShares)
			}
		}
	}
	if rows == 0 || ownRows == 0 {
		t.Errorf("%s: %d rows, %d of its own:\n%s", own, rows, ownRows, text[i:])
	}
}

// (c) the warrant for the balance of an exercise of 300,000 of a 500,000
// warrant, and the replacement of that balance, state the balance's
// 200,000 on their own rows.
func TestIssue12_BalanceScheduleStatesItsOwnNumbers(t *testing.T) {
	dir := t.TempDir()
	casePath := filepath.Join(dir, "case.yaml")
	copyFile(t, sample, casePath)
	ex := filepath.Join(dir, "ex")
	r := runBinary(t, "exercise", casePath, "--warrant", "W-F-05-001", "--shares", "300000", "--date", "2009-10-01",
		"--outstanding", "110000000", "--out", ex, "--record")
	if r.code != 0 {
		t.Fatalf("exercise: exit %d: %s", r.code, r.stderr)
	}
	rp := filepath.Join(dir, "rp")
	if r := runBinary(t, "replace", casePath, "--warrant", "W-F-05-005", "--reason", "lost", "--date", "2009-11-02", "--out", rp, "--record"); r.code != 0 {
		t.Fatalf("replace: exit %d: %s", r.code, r.stderr)
	}
	m, _ := adjustJSON(t, casePath)
	if m["W-F-05-005"].Initial.Shares != "200000.00" || m["W-F-05-006"].Initial.Shares != "200000.00" {
		t.Fatalf("W-F-05-005 %+v, W-F-05-006 %+v; want 200000.00 each", m["W-F-05-005"].Initial, m["W-F-05-006"].Initial)
	}
	for _, c := range []struct{ file, own string }{
		{filepath.Join(ex, "warrants", "W-F-05-005.pdf"), "W-F-05-005"},
		{filepath.Join(rp, "warrants", "W-F-05-006.pdf"), "W-F-05-006"},
	} {
		pdf, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		checkSchedule(t, pdf, m, c.own, "200000.00")
		pages, _ := pdftest.Text(pdf)
		text := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
		if !strings.Contains(text, "the Warrant Share Number is Two Hundred Thousand (200,000)") || strings.Contains(text, "Five Hundred Thousand") {
			t.Errorf("%s does not state 200,000 as its Warrant Share Number (or states 500,000 in words)", c.own)
		}
	}
}

// (d) two exercises of the same warrant on the recorded ledger: the second
// is refused and writes nothing; the balance's own exercise takes the next
// number, and no number is issued twice.
func TestIssue12_SecondExerciseRefused(t *testing.T) {
	dir := t.TempDir()
	casePath := filepath.Join(dir, "case.yaml")
	copyFile(t, sample, casePath)
	args := func(warrant, date, out string) []string {
		return []string{"exercise", casePath, "--warrant", warrant, "--shares", "20000", "--date", date, "--method", "cashless",
			"--market-value", "1.50", "--outstanding", "110000000", "--out", filepath.Join(dir, out), "--record"}
	}
	if r := runBinary(t, args("W-F-05-004", "2009-10-01", "first")...); r.code != 0 {
		t.Fatalf("first exercise: exit %d: %s", r.code, r.stderr)
	}
	recorded, err := os.ReadFile(casePath)
	if err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, args("W-F-05-004", "2009-10-01", "second")...)
	checkRefused(t, r, exitInvalid, "", "--warrant", "W-F-05-004 is no longer outstanding: the exercise transactions[1] surrendered it on 2009-10-01, issuing W-F-05-005")
	if _, err := os.Stat(filepath.Join(dir, "second")); !os.IsNotExist(err) {
		t.Errorf("the refused exercise created its --out")
	}
	if now, _ := os.ReadFile(casePath); string(now) != string(recorded) {
		t.Errorf("the refused exercise changed the case file")
	}
	if r := runBinary(t, args("W-F-05-005", "2009-10-02", "third")...); r.code != 0 {
		t.Fatalf("exercise of the balance: exit %d: %s", r.code, r.stderr)
	}
	m, list := adjustJSON(t, casePath)
	if len(list) != 6 || m["W-F-05-006"].Parent != "W-F-05-005" || m["W-F-05-006"].Final.Shares != "43334.00" {
		t.Errorf("%d warrants, W-F-05-006 %+v; want 6, the balance of W-F-05-005 for 43334.00", len(list), m["W-F-05-006"])
	}
	reg := runBinary(t, "register", casePath)
	want := "W-F-05-001 W-F-05-002 W-F-05-003 W-F-05-006"
	var got []string
	for _, rec := range readCSVText(t, reg.stdout)[1:] {
		got = append(got, rec[0])
	}
	if strings.Join(got, " ") != want {
		t.Errorf("outstanding %v; want %s", got, want)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func valuesOfAdjusted(m map[string]adjusted) []adjusted {
	var out []adjusted
	for _, a := range m {
		out = append(out, a)
	}
	return out
}
