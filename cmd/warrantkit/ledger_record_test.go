package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Recording (SPEC §5.2) from the command line: the ledger a command writes
// is its input with one block inserted, nothing of the input changed; with
// --record it replaces the case file, which a kill at any moment leaves
// exactly old or exactly new.

// midLedger is a YAML ledger whose transactions come before its events,
// block style, with comments around and after them: the new transaction
// goes after the last one, before the comment that closes the list.
const midLedger = `# A ledger with its transactions in the middle.
issuer:
  name: "Ledger Corp."   # trailing comment
terms:
  series: W-L-01
  original_issue_date: 2005-03-14
  exercise_start: 2005-09-15
  expiration: 2010-03-14
  initial_warrant_price: "2.40"
  market_value_at_issue: "1.50"
warrants:
  - number: W-L-01-001
    holder: {name: "First Holder", address: ["1 Main Street", "Springfield"]}
    shares: "100000"
  - number: W-L-01-002
    holder: {name: "Second Holder"}
    shares: "50000"
transactions:
  # The first exercise.
  - type: exercise
    warrant: W-L-01-001
    date: 2007-01-05
    shares: "50000"   # half
    balance: W-L-01-003

# Events follow.
events:
  - {id: split-2006, type: stock-split, date: 2006-01-17, ratio: "2:1"}
  - {id: split-2008, type: stock-split, date: 2008-06-30, ratio: "3:1"}
# The end.
`

// oneInsertion reports whether out is in with one run of bytes inserted
// (whole lines when lines is set: no line of in changes), and returns the
// inserted text.
func oneInsertion(in, out []byte, lines bool) (string, bool) {
	p := 0
	for p < len(in) && p < len(out) && in[p] == out[p] {
		p++
	}
	for lines && p > 0 && in[p-1] != '\n' {
		p--
	}
	s := 0
	for s < len(in)-p && s < len(out)-p && in[len(in)-1-s] == out[len(out)-1-s] {
		s++
	}
	if p+s != len(in) || len(out) <= len(in) {
		return "", false
	}
	return string(out[p : len(out)-s]), true
}

func TestRecording_OnlyInserts(t *testing.T) {
	dir := t.TempDir()
	mid := filepath.Join(dir, "mid.yaml")
	if err := os.WriteFile(mid, []byte(midLedger), 0o644); err != nil {
		t.Fatal(err)
	}
	good := "../../compute/casefile/testdata/good/"
	cases := []struct {
		name, input, ledger string
		args                []string
		inserted            string // a line the insertion holds
	}{
		{"exercise on the sample", sample, "case.yaml",
			[]string{"exercise", sample, "--warrant", "W-F-05-002", "--shares", "1000", "--date", "2008-06-02", "--outstanding", "90000000"},
			"transactions:\n  - {type: exercise, warrant: W-F-05-002, date: 2008-06-02, shares: \"1000\", method: cash, balance: W-F-05-005}\n"},
		{"assign on the ledger sample", "../../samples/glowpoint-2005-ledger.yaml", "case.yaml",
			[]string{"assign", "../../samples/glowpoint-2005-ledger.yaml", "--register", samplesRegister, "--warrant", "W-F-05-007", "--to", "Zoë Ångström", "--to-address", "1 Rue de la Paix|75002 Paris", "--date", "2007-04-02", "--font", sampleFont},
			"  - {type: assignment, warrant: W-F-05-007, date: 2007-04-02, to: {name: \"Zoë Ångström\", address: [\"1 Rue de la Paix\", \"75002 Paris\"]}, number: W-F-05-010}\n"},
		{"exchange in the middle of a YAML ledger", mid, "case.yaml",
			[]string{"exchange", mid, "--warrant", "W-L-01-003", "--into", "100000,rest", "--date", "2007-02-01"},
			"  - {type: exchange, warrant: W-L-01-003, date: 2007-02-01, into: [{number: W-L-01-004, shares: \"100000\"}, {number: W-L-01-005}]}\n"},
		{"reissue on the sample", sample, "case.yaml",
			[]string{"reissue", sample, "--register", samplesRegister, "--date", "2006-01-17", "-j", "1", "--font", sampleFont},
			"transactions:\n  - {type: reissue, date: 2006-01-17, first_number: W-F-05-007}\n"},
		{"exchange on a JSON case", good + "full.json", "case.json",
			[]string{"exchange", good + "full.json", "--warrant", "W-F-05-001", "--into", "1000,rest", "--date", "2007-02-01"}, ""},
		{"replace on a JSON ledger", good + "ledger.json", "case.json",
			[]string{"replace", good + "ledger.json", "--warrant", "W-F-05-013", "--reason", "destroyed", "--date", "2009-12-01"}, ""},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, "out", string(rune('a'+i)))
			r := runBinary(t, append(c.args, "--out", out)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			in, err := os.ReadFile(c.input)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(out, c.ledger))
			if err != nil {
				t.Fatal(err)
			}
			isJSON := strings.HasSuffix(c.ledger, ".json")
			ins, ok := oneInsertion(in, got, !isJSON)
			if !ok {
				t.Fatalf("%s is not the input with one insertion:\n%s", c.ledger, lineDiff(string(in), string(got)))
			}
			if c.inserted != "" && ins != c.inserted {
				t.Errorf("inserted %q, want %q", ins, c.inserted)
			}
			if isJSON {
				checkJSONOnlyTransactions(t, in, got)
			}
			// What the command wrote is a ledger the tool reads.
			adjust := []string{"adjust", filepath.Join(out, c.ledger)}
			if i := slices.Index(c.args, "--register"); i > 0 {
				adjust = append(adjust, c.args[i:i+2]...)
			}
			if r := runBinary(t, adjust...); r.code != 0 {
				t.Errorf("adjust of the ledger written: exit %d: %s", r.code, r.stderr)
			}
		})
	}
}

// checkJSONOnlyTransactions: decoded, the two JSON case files are equal
// once their transactions arrays are removed, and the input's array is the
// start of the output's, which has one more.
func checkJSONOnlyTransactions(t *testing.T, in, out []byte) {
	t.Helper()
	var a, b map[string]any
	if err := json.Unmarshal(in, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatalf("the ledger is not JSON: %v", err)
	}
	ta, _ := a["transactions"].([]any)
	tb, _ := b["transactions"].([]any)
	delete(a, "transactions")
	delete(b, "transactions")
	if !reflect.DeepEqual(a, b) {
		t.Errorf("something outside transactions changed")
	}
	if len(tb) != len(ta)+1 || (len(ta) > 0 && !reflect.DeepEqual(tb[:len(ta)], ta)) {
		t.Errorf("transactions %v; want %v and one more", tb, ta)
	}
}

// TestRecord_ReplacesCase: --record leaves the case file equal to the
// ledger in DIR, with the permissions it had.
func TestRecord_ReplacesCase(t *testing.T) {
	dir := t.TempDir()
	casePath := filepath.Join(dir, "case.yaml")
	copyFile(t, sample, casePath)
	if err := os.Chmod(casePath, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	r := runBinary(t, "replace", casePath, "--warrant", "W-F-05-003", "--reason", "mutilated", "--date", "2008-02-01", "--out", out, "--record")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	written, _ := os.ReadFile(filepath.Join(out, "case.yaml"))
	now, _ := os.ReadFile(casePath)
	if !bytes.Equal(written, now) || len(now) == 0 {
		t.Errorf("the case file is not the ledger written into DIR")
	}
	if fi, err := os.Stat(casePath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v); want 0600 kept", fi.Mode(), err)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".case.yaml.tmp-*")); len(temps) != 0 {
		t.Errorf("temporary files left: %v", temps)
	}
}

// exerciseRecord is an exercise of warrant on the ledger casePath into out,
// recorded.
func exerciseRecord(casePath, warrant, date, out string) []string {
	return []string{"exercise", casePath, "--warrant", warrant, "--shares", "1000", "--date", date,
		"--outstanding", "90000000", "--out", out, "--record"}
}

// TestRecord_SurvivesSIGKILL: an exercise --record killed once it wrote
// DIR, while it holds the case file's lock, half way
// through writing the new case file, or just before renaming it over the
// old one leaves the case file exactly as it was; the same exercise run
// again records it, and leaves no temporary file.
func TestRecord_SurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary with test hooks")
	}
	old, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, point := range []string{"record", "record-locked", "record-write", "record-rename"} {
		t.Run(point, func(t *testing.T) {
			dir := t.TempDir()
			casePath := filepath.Join(dir, "case.yaml")
			copyFile(t, sample, casePath)
			s := startStalled(t, point, exerciseRecord(casePath, "W-F-05-002", "2008-06-02", filepath.Join(dir, "killed"))...)
			s.kill(t)
			if now, _ := os.ReadFile(casePath); !bytes.Equal(now, old) {
				t.Fatalf("killed at %s, the case file is no longer what it was:\n%s", point, lineDiff(string(old), string(now)))
			}
			out := filepath.Join(dir, "again")
			if r := runBinary(t, exerciseRecord(casePath, "W-F-05-002", "2008-06-02", out)...); r.code != 0 {
				t.Fatalf("run again: exit %d: %s", r.code, r.stderr)
			}
			now, _ := os.ReadFile(casePath)
			ledger, _ := os.ReadFile(filepath.Join(out, "case.yaml"))
			if !bytes.Equal(now, ledger) || !bytes.HasPrefix(now, old) || len(now) == len(old) {
				t.Errorf("run again: the case file is not the ledger with the exercise")
			}
			if temps, _ := filepath.Glob(filepath.Join(dir, ".case.yaml.tmp-*")); len(temps) != 0 {
				t.Errorf("temporary files left beside the case file: %v", temps)
			}
		})
	}
}

// TestRecord_RefusesChangedCase: an exercise that read the case file, then
// found it changed by another recorded exercise before it could record
// its own, writes nothing over it: the other exercise's transaction stays,
// and the message says to run again. Run again, it is refused or recorded
// on the ledger as it now is — never both exercises issuing one number.
func TestRecord_RefusesChangedCase(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary with test hooks")
	}
	dir := t.TempDir()
	casePath := filepath.Join(dir, "case.yaml")
	copyFile(t, sample, casePath)
	goOn := filepath.Join(dir, "go-on")
	cmd := exec.Command(hooksBinary(t), exerciseRecord(casePath, "W-F-05-002", "2008-06-02", filepath.Join(dir, "slow"))...)
	cmd.Env = append(os.Environ(), "WARRANTKIT_STALL=record", "WARRANTKIT_STALL_UNTIL="+goOn)
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	for deadline := time.Now().Add(2 * time.Minute); !strings.Contains(stderr.String(), "stalled at record"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the slow exercise did not stall: %s", stderr.String())
		}
	}
	// Meanwhile another exercise records its own.
	if r := runBinary(t, exerciseRecord(casePath, "W-F-05-001", "2008-06-02", filepath.Join(dir, "fast"))...); r.code != 0 {
		t.Fatalf("the other exercise: exit %d: %s", r.code, r.stderr)
	}
	recorded, _ := os.ReadFile(casePath)
	if err := os.WriteFile(goOn, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	msg := strings.TrimPrefix(stderr.String(), "warrantkit: stalled at record\n")
	if code := cmd.ProcessState.ExitCode(); code == 0 || !strings.Contains(msg, casePath) || !strings.Contains(msg, "the case file changed since it was read") || strings.Count(msg, "\n") != 1 {
		t.Errorf("the slow exercise: exit %d, stderr %q; want a failure naming the case file, one line", code, msg)
	}
	if now, _ := os.ReadFile(casePath); !bytes.Equal(now, recorded) {
		t.Errorf("the slow exercise wrote over the other's ledger")
	}
	// Run again on the ledger as it is now: W-F-05-005 is taken, the balance
	// is W-F-05-006.
	if r := runBinary(t, exerciseRecord(casePath, "W-F-05-002", "2008-06-02", filepath.Join(dir, "again"))...); r.code != 0 {
		t.Fatalf("run again: exit %d: %s", r.code, r.stderr)
	}
	m, _ := adjustJSON(t, casePath)
	if m["W-F-05-005"].Parent != "W-F-05-001" || m["W-F-05-006"].Parent != "W-F-05-002" {
		t.Errorf("W-F-05-005 from %q, W-F-05-006 from %q; want the balances of 001 and 002", m["W-F-05-005"].Parent, m["W-F-05-006"].Parent)
	}
}

// lockedBuffer is a bytes.Buffer a process writes to while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
