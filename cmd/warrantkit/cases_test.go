package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The cases and registers of books' run tests (books/reissue_run_test.go),
// for the same trials run through the binary.

// combinationCase writes the sample case with its stock split turned into a
// one-for-four combination: a warrant of 0.01 shares then rounds to zero
// shares, which the engine refuses for that warrant alone.
func combinationCase(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "type: stock-split", "type: combination", 1)
	s = strings.Replace(s, `ratio: "2:1"`, `ratio: "1:4"`, 1)
	if s == string(data) {
		t.Fatal("the sample case has no stock split to turn into a combination")
	}
	path := filepath.Join(t.TempDir(), "combination.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// asciiRegister writes a register of n warrants whose row tiny (1-based; 0
// for none) holds 0.01 shares.
func asciiRegister(t *testing.T, n, tiny int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("number,holder_name,holder_address,shares,email\n")
	for i := 1; i <= n; i++ {
		shares := fmt.Sprint(1000 * i)
		if i == tiny {
			shares = "0.01"
		}
		fmt.Fprintf(&b, "W-F-05-%03d,Holder %d,%d Main Street|Springfield,%s,\n", i, i, i, shares)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("register-%d-%d.csv", n, tiny))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
