// Package testfiles makes and reads the files that the tests of several
// packages share: the tests of books run a reissue in the test process, the
// tests of cmd/warrantkit run the same trials through the built binary.
// Only tests import it.
package testfiles

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tree is every file under dir, by path relative to it.
func Tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// CombinationCase writes the case at sample with its stock split turned into
// a one-for-four combination: a warrant of 0.01 shares then rounds to zero
// shares, which the engine refuses for that warrant alone.
func CombinationCase(t testing.TB, sample string) string {
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

// Register writes a register of n warrants of series W-F-05 whose row tiny
// (1-based; 0 for none) holds 0.01 shares.
func Register(t testing.TB, n, tiny int) string {
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
