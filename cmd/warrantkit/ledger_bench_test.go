package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The speed the issue asks of the ledger, measured on the built binary
// (issue 12, "Must hold"): adjust of a 10,000-row register whose ledger
// holds two reissues and 10,000 exercises and assignments, against the same
// register without transactions — at most twice the time.
//
//	go test ./cmd/warrantkit -run '^$' -bench AdjustCLI -benchtime 5x
//
// Besides ns/op (wall time) each reports cpu-ns/op, the child's user and
// system CPU time.

// benchLedgerFiles writes the sample's case with the ledger (when txs) and
// a 10,000-row synthetic register into dir.
func benchLedgerFiles(b *testing.B, dir string, n int, txs bool) (string, string) {
	b.Helper()
	reg := filepath.Join(dir, "register.csv")
	out, err := exec.Command(binary, "sample-register", "-n", fmt.Sprint(n), "--seed", "42").Output()
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(reg, out, 0o644); err != nil {
		b.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	var numbers []string
	for _, r := range recs[1:] {
		numbers = append(numbers, r[0])
	}
	data, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	if txs {
		data = append(data, benchLedgerYAML(numbers)...)
	}
	casePath := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(casePath, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return casePath, reg
}

// benchLedgerYAML is the transactions of a ledger on the originals numbers
// (ascending): len(numbers) exercises (10 shares, cash) and assignments (5
// shares), each of the first half of the lineages acted on twice — the
// second time on the first's balance or what a reissue made of it — over
// three periods around the sample's events, with a reissue after the 2006
// split and one after the 2009 expiry of the notes. New numbers follow
// from W-F-05-100001, each named explicitly.
func benchLedgerYAML(numbers []string) string {
	n := len(numbers)
	name := map[int]string{}
	out := map[int]bool{} // outstanding, by index
	for i, s := range numbers {
		name[i] = s
		out[i] = true
	}
	next := 100_001
	issue := func() int {
		k := next
		name[k] = fmt.Sprintf("W-F-05-%06d", k)
		out[k] = true
		next++
		return k
	}
	main := make([]int, n/2)
	for i := range main {
		main[i] = i
	}
	var b strings.Builder
	b.WriteString("transactions:\n")
	reissue := func(date string) {
		var ks []int
		for k := range out {
			ks = append(ks, k)
		}
		slices.Sort(ks) // indexes and new numbers both ascend with the number
		fmt.Fprintf(&b, "  - {type: reissue, date: %s, first_number: W-F-05-%06d}\n", date, next)
		renum := map[int]int{}
		for _, k := range ks {
			delete(out, k)
			renum[k] = issue()
		}
		for i, m := range main {
			main[i] = renum[m]
		}
	}
	periods := []struct {
		from    string
		days, k int
	}{{"2005-10-01", 100, n / 3}, {"2006-01-18", 1300, n / 3}, {"2009-09-22", 150, n - 2*(n/3)}}
	k := 0
	for p, per := range periods {
		switch p {
		case 1:
			reissue("2006-01-17")
		case 2:
			reissue("2009-09-21")
		}
		from, _ := time.Parse(time.DateOnly, per.from)
		for j := 0; j < per.k; j++ {
			i := (k * 7919) % (n / 2)
			date := from.AddDate(0, 0, j*per.days/per.k).Format(time.DateOnly)
			w := main[i]
			delete(out, w)
			if k%2 == 0 {
				main[i] = issue()
				fmt.Fprintf(&b, "  - {type: exercise, warrant: %s, date: %s, shares: \"10\", balance: %s}\n", name[w], date, name[main[i]])
			} else {
				to := issue()
				main[i] = issue()
				fmt.Fprintf(&b, "  - {type: assignment, warrant: %s, date: %s, shares: \"5\", to: {name: \"Müller GmbH\"}, number: %s, balance: %s}\n",
					name[w], date, name[to], name[main[i]])
			}
			k++
		}
	}
	return b.String()
}

func benchAdjustCLI(b *testing.B, txs bool) {
	dir := b.TempDir()
	casePath, reg := benchLedgerFiles(b, dir, 10_000, txs)
	var cpu time.Duration
	n := 0
	for b.Loop() {
		cmd := exec.Command(binary, "adjust", casePath, "--register", reg, "--json")
		cmd.Stdout = nil
		stderr := &strings.Builder{}
		cmd.Stderr = stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("adjust: %v: %s", err, stderr.String())
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		n++
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkAdjustCLI_Plain: the 10,000-row register, no transactions.
func BenchmarkAdjustCLI_Plain(b *testing.B) { benchAdjustCLI(b, false) }

// BenchmarkAdjustCLI_Ledger: the same register with the ledger of two
// reissues and 10,000 exercises and assignments.
func BenchmarkAdjustCLI_Ledger(b *testing.B) { benchAdjustCLI(b, true) }

// TestBenchLedger_IsValid: the benchmark's ledger, on 300 rows, is one
// adjust accepts, with what it claims.
func TestBenchLedger_IsValid(t *testing.T) {
	dir := t.TempDir()
	reg := runBinary(t, "sample-register", "-n", "300", "--seed", "42")
	var rows []string
	for _, r := range readCSVText(t, reg.stdout)[1:] {
		rows = append(rows, r[0])
	}
	y := benchLedgerYAML(rows)
	if c := strings.Count(y, "type: exercise") + strings.Count(y, "type: assignment"); c != 300 || strings.Count(y, "type: reissue") != 2 {
		t.Fatalf("%d exercises and assignments, %d reissues", c, strings.Count(y, "type: reissue"))
	}
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	casePath := filepath.Join(dir, "case.yaml")
	regPath := filepath.Join(dir, "register.csv")
	if err := os.WriteFile(casePath, append(data, y...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(regPath, []byte(reg.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	m, list := adjustJSON(t, casePath, "--register", regPath)
	if len(list) <= 300+2*300 || m[rows[0]].Surrendered == nil {
		t.Errorf("%d warrants ever issued", len(list))
	}
}
