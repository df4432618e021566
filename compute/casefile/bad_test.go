package casefile

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// badInput is one line of a WANT.txt: the file, the field the error names ("-"
// for none) and a substring of its message.
type badInput struct {
	file, field, substring string
}

// readBadInputs reads dir/WANT.txt and checks that it lists exactly the files of
// dir.
func readBadInputs(t *testing.T, dir string) []badInput {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "WANT.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ws []badInput
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("WANT.txt: %q has %d columns, want 3", line, len(parts))
		}
		ws = append(ws, badInput{parts[0], parts[1], parts[2]})
		listed[parts[0]] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "WANT.txt" && !listed[e.Name()] {
			t.Errorf("%s/%s has no line in WANT.txt", dir, e.Name())
		}
	}
	return ws
}

// checkInputError checks the properties every input error must have, and
// returns it.
func checkInputError(t *testing.T, err error, path string, w badInput) *compute.InputError {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", w.substring)
	}
	if !errors.Is(err, compute.ErrInvalid) {
		t.Errorf("errors.Is(err, ErrInvalid) is false for %v", err)
	}
	var ie *compute.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err is %T, not *InputError: %v", err, err)
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("message is not one line: %q", msg)
	}
	if !strings.Contains(msg, path) {
		t.Errorf("message does not name the file %s: %s", path, msg)
	}
	if w.field == "-" {
		if ie.Field != "" {
			t.Errorf("Field = %q, want none: %s", ie.Field, msg)
		}
	} else if ie.Field != w.field || !strings.Contains(msg, w.field) {
		t.Errorf("Field = %q, want %q: %s", ie.Field, w.field, msg)
	}
	if !strings.Contains(msg, w.substring) {
		t.Errorf("message lacks %q:\n%s", w.substring, msg)
	}
	return ie
}

// errorMarkerLine is the line of data that carries the "# ERROR" marker, or 0.
func errorMarkerLine(data []byte) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.Contains(line, []byte("# ERROR")) {
			return i + 1
		}
	}
	return 0
}

func TestDecodeCase_Bad(t *testing.T) {
	ws := readBadInputs(t, "testdata/bad")
	if len(ws) < 25 {
		t.Fatalf("only %d bad cases", len(ws))
	}
	for _, w := range ws {
		t.Run(w.file, func(t *testing.T) {
			path := filepath.Join("testdata/bad", w.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Decode(path, bytes.NewReader(data))
			ie := checkInputError(t, err, path, w)
			if line := errorMarkerLine(data); line != 0 && ie.Line != line {
				t.Errorf("error on line %d, want %d (the # ERROR line): %v", ie.Line, line, err)
			}
		})
	}
}

func TestDecodeCase_GoodFilesAreValid(t *testing.T) {
	for _, f := range []string{"minimal.yaml", "full.yaml", "full.json"} {
		if _, err := Load(filepath.Join("testdata/good", f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// FuzzDecodeCase: no input may crash the decoder, and every error it returns
// for bad input is an *InputError with a one-line message.
func FuzzDecodeCase(f *testing.F) {
	for _, dir := range []string{"testdata/good", "testdata/bad"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".csv") || e.Name() == "WANT.txt" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode("fuzz.yaml", bytes.NewReader(data))
		if err != nil {
			var ie *compute.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is %T, not *InputError: %v", err, err)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, "fuzz.yaml") {
				t.Fatalf("bad message: %q", msg)
			}
			return
		}
		// A decoded case satisfies the checks the decoder promises.
		if c.Terms.Location == nil || c.Terms.Series == "" || c.Terms.InitialWarrantPrice.Sign() <= 0 {
			t.Fatalf("decoded terms are not valid: %+v", c.Terms)
		}
		for i, e := range c.Events {
			if e.Index != i+1 || e.Line <= 0 {
				t.Fatalf("event %d: Index %d, Line %d", i+1, e.Index, e.Line)
			}
			if e.Date.Before(c.Terms.OriginalIssueDate) || e.Date.After(compute.MaxDate) {
				t.Fatalf("event %d dated %s accepted (issue %s)", i+1, e.Date, c.Terms.OriginalIssueDate)
			}
			tcFuzzText(t, e.Description, e.Successor, e.ID)
		}
		tcFuzzText(t, c.Issuer.Name, c.Issuer.Jurisdiction, c.Issuer.Signatory.Name, c.Issuer.Notice.Attention)
		tcFuzzText(t, c.Issuer.Address...)
		seen := map[string]bool{}
		for _, w := range c.Warrants {
			key := compute.WarrantNumberKey(c.Terms.Series, w.Number)
			if seen[key] {
				t.Fatalf("warrant number %s accepted twice", w.Number)
			}
			seen[key] = true
			tcFuzzText(t, w.Holder.Name)
			tcFuzzText(t, w.Holder.Address...)
		}
	})
}

// tcFuzzText fails if a decoded string is one the decoder should refuse.
func tcFuzzText(t *testing.T, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if p, _ := textProblem(s); p != "" {
			t.Fatalf("string %q accepted: %s", s, p)
		}
	}
}
