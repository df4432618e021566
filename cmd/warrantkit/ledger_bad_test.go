package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestBadLedgers runs every ledger of testdata/bad-ledger through adjust:
// each is refused by the ledger's structure or quantities (SPEC §2.5,
// §3.13) — not outstanding (naming what surrendered it and its successors),
// a number already used or not of the series, shares above N, a missing or
// superfluous balance, an exchange that does not add up, a cashless
// exercise with B ≤ P, a replay that leaves a recorded quantity too large
// (naming the event) — with exit 3 and exactly the one line of WANT.txt,
// whose line number is the line marked ERROR. The decoder's refusals have
// their own files in compute/casefile/testdata/bad-ledger.
func TestBadLedgers(t *testing.T) {
	const dir = "testdata/bad-ledger"
	wantPath := filepath.Join(dir, "WANT.txt")
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) < 20 {
		t.Fatalf("%d bad ledgers (%v)", len(files), err)
	}
	sort.Strings(files)
	if *update {
		var b strings.Builder
		b.WriteString("# The one line each bad ledger in this directory is refused with by adjust (exit 3): file<TAB>message.\n")
		b.WriteString("# Rewritten by go test ./cmd/warrantkit -run TestBadLedgers -update.\n")
		for _, f := range files {
			r := runBinary(t, "adjust", f)
			fmt.Fprintf(&b, "%s\t%s\n", filepath.Base(f), strings.TrimPrefix(strings.TrimSuffix(r.stderr, "\n"), "warrantkit: "))
		}
		if err := os.WriteFile(wantPath, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wants := readBadLedgerWants(t, wantPath)
	if len(wants) != len(files) {
		t.Errorf("WANT.txt has %d lines for %d files", len(wants), len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := wants[name]
			if !ok {
				t.Fatalf("no line in WANT.txt")
			}
			if line := errorLine(t, f); !strings.HasPrefix(want, fmt.Sprintf("%s:%d: transactions[", f, line)) {
				t.Errorf("WANT %q does not name %s:%d, the line marked ERROR, and a transaction", want, f, line)
			}
			r := runBinary(t, "adjust", f)
			if r.code != exitInvalid || r.stderr != "warrantkit: "+want+"\n" || r.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr\n %q\nwant exit 3 and\n %q", r.code, r.stdout, r.stderr, "warrantkit: "+want+"\n")
			}
			// Every command that reads the ledger refuses it the same way.
			r = runBinary(t, "register", f)
			if r.code != exitInvalid || r.stderr != "warrantkit: "+want+"\n" {
				t.Errorf("register: exit %d, stderr %q", r.code, r.stderr)
			}
		})
	}
}

func readBadLedgerWants(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, msg, ok := strings.Cut(line, "\t")
		if !ok || strings.Contains(msg, "\t") {
			t.Fatalf("%s: bad line %q", path, line)
		}
		out[name] = msg
	}
	return out
}

// errorLine is the number of the line of path marked "# ERROR" after its text.
func errorLine(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasSuffix(line, "# ERROR") && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			if found != 0 {
				t.Fatalf("%s: two lines marked ERROR", path)
			}
			found = i + 1
		}
	}
	if found == 0 {
		t.Fatalf("%s: no line marked ERROR", path)
	}
	return found
}
