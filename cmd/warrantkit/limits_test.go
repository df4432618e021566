package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/compute/casefile"
)

// TestInputLimits: input beyond a size limit, or with characters that would
// reach the terminal raw, is refused with exit 3 and one line naming the file,
// the field and the limit, quickly and before anything is written.
func TestInputLimits(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	big := write("big.yaml", string(data)+strings.Repeat("# padding\n", casefile.MaxCaseFileBytes/10))
	var events strings.Builder
	events.WriteString(string(data[:strings.Index(string(data), "events:")]) + "events:\n")
	for range casefile.MaxEvents + 1 {
		events.WriteString("  - {type: stock-split, date: 2006-01-10, ratio: \"2:1\"}\n")
	}
	manyEvents := write("events.yaml", events.String())
	bidi := write("bidi.yaml", strings.Replace(string(data), `"Glowpoint, Inc."`, `"Glowpoint, Inc.\u202e"`, 1))
	register := write("register.csv", "number,holder_name,holder_address,shares\nW-F-05-001,\""+strings.Repeat("x\n", casefile.MaxRegisterRowBytes)+"\",B,1\n")
	zeros := write("zeros.csv", "number,holder_name,holder_address,shares\nW-F-05-001,A,B,1\nW-F-05-1,C,D,2\n")

	tests := []struct {
		name                string
		args                []string
		file, field, substr string
	}{
		{"case file too large", []string{"adjust", big}, big + ": ", "", "the case file is larger than 4 MiB (allowed: a case file of at most 4194304 bytes"},
		{"too many events", []string{"adjust", manyEvents}, manyEvents + ":", "events", "lists 1001 events (allowed: at most 1000 events)"},
		{"bidi override in a name", []string{"adjust", bidi}, bidi + ":", "issuer.name", "contains U+202E (right-to-left override)"},
		{"register row too large", []string{"adjust", sample, "--register", register}, register + ": row 1", "", "the row is larger than 64 KiB"},
		{"one number twice", []string{"adjust", sample, "--register", zeros}, zeros + ": row 2", "number", `duplicate warrant number "W-F-05-1": the same number as "W-F-05-001" (first on row 1)`},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct {
			name                string
			args                []string
			file, field, substr string
		}{"endless case file", []string{"adjust", "/dev/zero"}, "/dev/zero: ", "", "is a device, not a regular file"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r := runBinary(t, tt.args...)
			checkRefused(t, r, exitInvalid, tt.file, tt.field, tt.substr)
			if strings.ContainsRune(r.stderr, '\u202e') {
				t.Errorf("the message carries the override itself: %q", r.stderr)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("refusing took %v", d)
			}
		})
	}
}

// TestFlagDatesAndNumbers: a date flag outside the case file's range is
// refused like a date in the file, and --warrant finds a warrant however
// many leading zeros its number is written with.
func TestFlagDatesAndNumbers(t *testing.T) {
	for _, args := range [][]string{
		{"adjust", sample, "--as-of", "0000-01-01"},
		{"notice", sample, "--kind", "E", "--record-date", "9999-06-30"},
		{"exercise", sample, "--warrant", "W-F-05-001", "--shares", "100", "--date", "2200-01-01", "--method", "cash"},
	} {
		r := runBinary(t, args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "dates run from 1900-01-01 to 2100-12-31") {
			t.Errorf("%v: exit %d, %q; want exit 3 naming the range", args, r.code, r.stderr)
		}
	}
	r := runBinary(t, "exercise", sample, "--warrant", "W-F-05-1", "--shares", "100", "--date", "2009-10-01",
		"--method", "cash", "--outstanding", "100000000", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"warrant": "W-F-05-001"`) {
		t.Errorf("--warrant W-F-05-1: exit %d, %s%s; want the exercise of W-F-05-001", r.code, r.stdout, r.stderr)
	}
}
