package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeRegister writes a register of the sample's holders with the given numbers.
func writeRegister(t *testing.T, dir string, numbers ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("number,holder_name,holder_address,shares,email\n")
	for i, n := range numbers {
		b.WriteString(n + ",Holder " + strconv.Itoa(i+1) + ",1 Main Street|Springfield,1000,\n")
	}
	path := filepath.Join(dir, "register.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNumbersDoNotOverflow(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	refused := func(t *testing.T, r result, file, field, substr string) {
		t.Helper()
		checkRefused(t, r, exitInvalid, file, field, substr)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a refused run wrote %s", out)
		}
	}
	t.Run("register number beyond 18 digits", func(t *testing.T) {
		reg := writeRegister(t, dir, "W-F-05-001", "W-F-05-9223372036854775807")
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", out)
		refused(t, r, reg+": row 2: number:", "W-F-05-9223372036854775807", "at most 18 digits")
	})
	t.Run("register at the last number", func(t *testing.T) {
		reg := writeRegister(t, dir, "W-F-05-001", "W-F-05-999999999999999999")
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", out)
		refused(t, r, "", "--first-number", "would pass W-F-05-999999999999999999")
	})
	t.Run("first number at the top", func(t *testing.T) {
		reg := writeRegister(t, dir, "W-F-05-001", "W-F-05-002")
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", out, "--first-number", "W-F-05-999999999999999999")
		refused(t, r, "", "--first-number", "2 new numbers from W-F-05-999999999999999999 would pass")
	})
	t.Run("first number beyond int64", func(t *testing.T) {
		reg := writeRegister(t, dir, "W-F-05-001")
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", out, "--first-number", "W-F-05-9223372036854775808")
		refused(t, r, "", "--first-number", "at most 18 digits")
	})
	t.Run("case number beyond 18 digits", func(t *testing.T) {
		data, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		big := strings.Replace(string(data), "number: W-F-05-002", "number: W-F-05-9223372036854775807", 1)
		path := filepath.Join(dir, "big.yaml")
		if err := os.WriteFile(path, []byte(big), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runBinary(t, "exercise", path, "--warrant", "W-F-05-001", "--shares", "1000", "--date", "2008-06-02", "--outstanding", "90000000", "--out", out)
		refused(t, r, path+":", "warrants[2].number", "too large for new numbers to follow")
	})
	t.Run("the last number is handed out", func(t *testing.T) {
		reg := writeRegister(t, dir, "W-F-05-001")
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", out, "--first-number", "W-F-05-999999999999999999", "-j", "1")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(out, "warrants", "W-F-05-999999999999999999.pdf")); err != nil {
			t.Error(err)
		}
	})
}
