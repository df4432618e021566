package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The CLI tests run the built binary, as a user would, on the samples and on
// bad input, and compare its output with golden files under testdata/golden
// (rewritten by go test ./cmd/warrantkit -update).

var update = flag.Bool("update", false, "rewrite the golden files")

var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "warrantkit-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "warrantkit")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func runBinary(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
		t.Fatalf("warrantkit %v panicked:\n%s", args, stderr.String())
	}
	return result{stdout.String(), stderr.String(), code}
}

const (
	sample    = "../../samples/glowpoint-2005.yaml"
	sampleAlt = "../../samples/glowpoint-2005-alt.yaml"
	// sampleFont is the samples' fallback font: samples/register.csv's
	// 山田太郎 (row 5) and the OCF fixtures' are refused without it.
	sampleFont = "../../samples/fonts/DroidSansFallback-cut.ttf"
	// ledgerSample is the samples' ledger, whose originals are in
	// registerSample.
	ledgerSample   = "../../samples/glowpoint-2005-ledger.yaml"
	registerSample = "../../samples/register.csv"
)

func TestGolden(t *testing.T) {
	cases := []struct {
		golden string
		args   []string
	}{
		{"adjust-glowpoint-2005.json", []string{"adjust", sample, "--json"}},
		{"adjust-glowpoint-2005.txt", []string{"adjust", sample}},
		{"adjust-glowpoint-2005-as-of-2007-12-31.json", []string{"adjust", sample, "--json", "--as-of", "2007-12-31"}},
		{"adjust-glowpoint-2005-alt.json", []string{"adjust", sampleAlt, "--json"}},
		{"adjust-glowpoint-2005-register.json", []string{"adjust", sample, "--json", "--register", "../../samples/register.csv"}},
		{"register-glowpoint-2005.csv", []string{"register", sample}},
		{"register-glowpoint-2005.json", []string{"register", sample, "--json"}},
		{"register-glowpoint-2005-as-of-2006-12-31.txt", []string{"register", sample, "--as-of", "2006-12-31", "--table"}},
		{"register-glowpoint-2005-register.csv", []string{"register", sample, "--register", "../../samples/register.csv"}},
		{"exercise-cashless.json", []string{"exercise", sample, "--warrant", "W-F-05-001", "--shares", "300000", "--date", "2009-10-01",
			"--method", "cashless", "--market-value", "1.50", "--outstanding", "110000000", "--json"}},
		{"exercise-combined-alt.json", []string{"exercise", sampleAlt, "--warrant", "W-F-05-002", "--shares", "100000.25", "--date", "2008-02-01",
			"--method", "combined", "--cashless-shares", "40000", "--market-value", "0.95", "--owned", "1000000", "--outstanding", "214000000", "--json"}},
		{"exercise-cash-last-days.txt", []string{"exercise", sample, "--warrant", "W-F-05-003", "--shares", "166666", "--date", "2010-03-14T16:59"}},
		{"notice-fax.json", []string{"notice", sample, "--kind", "E", "--record-date", "2008-06-30", "--send", "2008-06-10T16:30", "--via", "fax", "--json"}},
		{"notice-late-courier.txt", []string{"notice", sample, "--kind", "A", "--record-date", "2008-07-24", "--send", "2008-07-03T10:00", "--via", "courier"}},
		{"notice-deadline.json", []string{"notice", sample, "--kind", "F", "--record-date", "2009-01-05", "--json"}},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			r := runBinary(t, c.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			if strings.HasSuffix(c.golden, ".json") && !json.Valid([]byte(r.stdout)) {
				t.Fatalf("not valid JSON:\n%s", r.stdout)
			}
			checkGolden(t, c.golden, r.stdout)
			// Determinism: a second run gives the same bytes.
			if again := runBinary(t, c.args...); again.stdout != r.stdout {
				t.Errorf("second run differs")
			}
		})
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/warrantkit -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n   got %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestGolden_AdjustJSONShape checks the SPEC §4.1 contract the goldens rely on.
func TestGolden_AdjustJSONShape(t *testing.T) {
	r := runBinary(t, "adjust", sampleAlt, "--json")
	var out []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	statuses := map[string]bool{}
	for _, w := range out {
		for _, key := range []string{"warrant", "initial", "entries", "final", "alternate_consideration"} {
			if _, ok := w[key]; !ok {
				t.Errorf("%v has no %q", w["warrant"], key)
			}
		}
		for _, e := range w["entries"].([]any) {
			statuses[e.(map[string]any)["status"].(string)] = true
		}
	}
	r = runBinary(t, "adjust", sample, "--json")
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	for _, w := range out {
		for _, e := range w["entries"].([]any) {
			statuses[e.(map[string]any)["status"].(string)] = true
		}
	}
	for _, s := range []string{"applied", "no-adjustment", "limited-by-floor", "deferred", "superseding", "rescission", "triggering-event"} {
		if !statuses[s] {
			t.Errorf("no sample entry has status %s", s)
		}
	}
}

// TestBadCaseFiles runs every malformed case file of compute/casefile/testdata/bad
// through the binary: exit code 3, one line on stderr naming the file, the
// field and the problem.
func TestBadCaseFiles(t *testing.T) {
	wants := readWants(t, "../../compute/casefile/testdata/bad/WANT.txt")
	if len(wants) < 25 {
		t.Fatalf("only %d bad case files", len(wants))
	}
	for _, w := range wants {
		t.Run(w.file, func(t *testing.T) {
			path := filepath.Join("../../compute/casefile/testdata/bad", w.file)
			r := runBinary(t, "adjust", path)
			checkRefused(t, r, exitInvalid, path, w.field, w.substr)
		})
	}
}

// TestBadRegisters does the same for the malformed registers.
func TestBadRegisters(t *testing.T) {
	wants := readWants(t, "../../compute/casefile/testdata/badreg/WANT.txt")
	for _, w := range wants {
		t.Run(w.file, func(t *testing.T) {
			path := filepath.Join("../../compute/casefile/testdata/badreg", w.file)
			r := runBinary(t, "adjust", sample, "--register", path)
			checkRefused(t, r, exitInvalid, path, w.field, w.substr)
		})
	}
}

type wantLine struct{ file, field, substr string }

func readWants(t *testing.T, path string) []wantLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []wantLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s: bad line %q", path, line)
		}
		if parts[1] == "-" {
			parts[1] = ""
		}
		out = append(out, wantLine{parts[0], parts[1], parts[2]})
	}
	return out
}

func checkRefused(t *testing.T, r result, code int, file, field, substr string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d; stderr %q", r.code, code, r.stderr)
	}
	msg := strings.TrimSuffix(r.stderr, "\n")
	if msg == "" || strings.Contains(msg, "\n") {
		t.Fatalf("want one line on stderr, got %q", r.stderr)
	}
	for _, s := range []string{file, field, substr} {
		if !strings.Contains(msg, s) {
			t.Errorf("stderr %q does not contain %q", msg, s)
		}
	}
	if r.stdout != "" {
		t.Errorf("refused input still wrote to stdout: %q", r.stdout)
	}
}

// TestRefused covers what only the command line can get wrong.
func TestRefused(t *testing.T) {
	ex := func(extra ...string) []string {
		return append([]string{"exercise", sample, "--warrant", "W-F-05-001"}, extra...)
	}
	cases := []struct {
		name                string
		args                []string
		code                int
		file, field, substr string
	}{
		{"no command", nil, exitUsage, "", "", "missing command"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", "", `unknown command "frobnicate"`},
		{"unknown flag", []string{"adjust", sample, "--jsn"}, exitUsage, "", "", "unknown flag: --jsn"},
		{"missing case", []string{"adjust"}, exitUsage, "", "", "missing CASE file"},
		{"two cases", []string{"adjust", sample, sample}, exitUsage, "", "", "expected one CASE file"},
		{"exercise without shares", []string{"exercise", sample, "--warrant", "W-F-05-001", "--date", "2008-01-02"}, exitUsage, "", "", "--shares is required"},
		{"case file missing", []string{"adjust", "no-such-case.yaml"}, exitInvalid, "no-such-case.yaml", "", "cannot read the case file"},
		{"bad as-of", []string{"adjust", sample, "--as-of", "2007-13-01"}, exitInvalid, "", "--as-of", "is not a date"},
		{"unknown warrant", ex("--shares", "1", "--date", "2008-01-02", "--outstanding", "1000"), exitInvalid, "", "--warrant", "" /* replaced below */},
		{"exercise before the start", ex("--shares", "1000", "--date", "2005-09-14", "--outstanding", "50000000"), exitInvalid, "", "--date", "before exercise may begin on 2005-09-15"},
		{"exercise after the term", ex("--shares", "1000", "--date", "2010-03-15"), exitInvalid, "", "--date", "after the Warrant expired"},
		{"exercise after 5 p.m. on the last day", ex("--shares", "1000", "--date", "2010-03-14T17:01"), exitInvalid, "", "--date", "expired at 17:00"},
		{"exercise above the share number", ex("--shares", "500000.01", "--date", "2008-01-02", "--outstanding", "50000000"), exitInvalid, "", "--shares", "exceeds the Warrant Share Number 500000.00"},
		{"shares with too many decimals", ex("--shares", "10.125", "--date", "2008-01-02", "--outstanding", "50000000"), exitInvalid, "", "--shares", "more than 2 decimals"},
		{"shares not a number", ex("--shares", "ten", "--date", "2008-01-02"), exitInvalid, "", "--shares", `"ten" is not a decimal`},
		{"cashless under water", ex("--shares", "1000", "--date", "2008-01-02", "--method", "cashless", "--market-value", "1.00", "--outstanding", "50000000"), exitInvalid, "", "--market-value", "is not above the Warrant Price A = 1.0941"},
		{"cap exceeded", ex("--shares", "300000", "--date", "2008-01-02", "--owned", "4300000", "--outstanding", "90000000"), exitInvalid, "", "--shares", "more than the 209576 that keep the holder at or below 4.999%"},
		{"bad method", ex("--shares", "1000", "--date", "2008-01-02", "--method", "barter", "--outstanding", "50000000"), exitInvalid, "", "--method", `"barter" is not a method`},
		{"notice kind", []string{"notice", sample, "--kind", "G", "--record-date", "2008-06-30"}, exitInvalid, "", "--kind", "allowed: A, B, C, D, E or F"},
		{"notice via", []string{"notice", sample, "--kind", "A", "--record-date", "2008-06-30", "--send", "2008-06-01T10:00", "--via", "pigeon"}, exitInvalid, "", "--via", "fax, courier or hand"},
		{"notice outside the calendar", []string{"notice", sample, "--kind", "A", "--record-date", "2040-06-30", "--send", "2040-06-01T10:00", "--via", "fax"}, exitInvalid, "", "--send", "2035-12-31"},
	}
	cases[8].args[3] = "W-F-05-999"
	cases[8].substr = `no warrant numbered W-F-05-999 was ever issued`
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runBinary(t, c.args...)
			checkRefused(t, r, c.code, c.file, c.field, c.substr)
		})
	}
}

func TestEngineErrorsNameTheCaseFile(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	// Convert more shares than the notes have left: the engine refuses the event by line.
	bad := strings.Replace(string(data), `shares: "2000000"
    consideration: "1000000"`, `shares: "9000000"
    consideration: "1000000"`, 1)
	path := filepath.Join(dir, "over.yaml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, "adjust", path)
	checkRefused(t, r, exitInvalid, path+":", "events[5].shares", "exceed the 7076000.00 left under notes-2007")
}

func TestJSONErrors(t *testing.T) {
	r := runBinary(t, "adjust", "../../compute/casefile/testdata/bad/duplicate_id.yaml", "--json")
	if r.code != exitInvalid {
		t.Fatalf("exit %d", r.code)
	}
	var e struct {
		Error    string `json:"error"`
		ExitCode int    `json:"exit_code"`
		File     string `json:"file"`
		Line     int    `json:"line"`
		Field    string `json:"field"`
	}
	if err := json.Unmarshal([]byte(r.stderr), &e); err != nil {
		t.Fatalf("stderr is not JSON: %q", r.stderr)
	}
	if e.ExitCode != 3 || e.Field != "events[2].id" || e.Line == 0 || !strings.HasSuffix(e.File, "duplicate_id.yaml") {
		t.Errorf("%+v", e)
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"adjust", "register", "exercise", "notice"} {
		r := runBinary(t, cmd, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "usage: warrantkit "+cmd) || !strings.Contains(r.stdout, "--json") {
			t.Errorf("%s --help: exit %d\n%s%s", cmd, r.code, r.stdout, r.stderr)
		}
	}
	r := runBinary(t, "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "adjust") {
		t.Errorf("--help: %d %q", r.code, r.stdout)
	}
}
