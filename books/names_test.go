package books

import (
	"errors"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

func TestFileName(t *testing.T) {
	long := strings.Repeat("a:", 80)
	cases := []struct{ in, want string }{
		// Today's names stay as they were.
		{"split-2006", "split-2006"},
		{"W-F-05-001", "W-F-05-001"},
		{"notes_2007.b", "notes_2007.b"},
		{"#3", "event-3"},
		// Anything else is escaped, one to one.
		{"x:1", "x~3A1"},
		{"x_1", "x_1"},
		{"x:", "x~3A"},
		{"~", "~7E"},
		{"a b/c", "a~20b~2Fc"},
		{"event-3", "~65vent-3"}, // not the name of the unnamed 3rd event
		{"event-x", "event-x"},
		{"#x", "~23x"},
		{"#", "~23"},
		{"..", "~2E."},
		{".x", "~2Ex"},
		{"Ł", "~C5~81"},
	}
	for _, c := range cases {
		if got := fileName(c.in); got != c.want {
			t.Errorf("fileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := fileName(long); len(got) > maxNamePart || !strings.Contains(got, "~~") {
		t.Errorf("fileName of %d bytes = %q (%d bytes)", len(long), got, len(got))
	}
	// One to one over names built to collide under the old rule (":" → "_",
	// trimmed "_", "#N" → "event-N") and under truncation.
	inputs := []string{"x:1", "x_1", "x__1", "x::1", "x:_1", "_x", "x", "x_", "x:", "#3", "event-3", "event_3", "~65vent-3",
		long, long + "a", long[:len(long)-1] + "b", strings.Repeat("~", 60), strings.Repeat("~", 61), "a~3Ab", "a:b"}
	seen := map[string]string{}
	for _, in := range inputs {
		out := fileName(in)
		if prev, dup := seen[out]; dup {
			t.Errorf("%q and %q both give %q", prev, in, out)
		}
		seen[out] = in
	}
}

// FuzzFileName: a file name of safe bytes, never hidden, short enough, and
// one per name.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{"x:1", "x_1", "#3", "event-3", "..", strings.Repeat("é", 70)} {
		f.Add(s, s+"_")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fa, fb := fileName(a), fileName(b)
		if a != b && fa == fb {
			t.Fatalf("%q and %q both give %q", a, b, fa)
		}
		if a == "" {
			return
		}
		if len(fa) == 0 || len(fa) > maxNamePart || fa[0] == '.' {
			t.Fatalf("fileName(%q) = %q", a, fa)
		}
		for i := 0; i < len(fa); i++ {
			if !safeNameByte(fa[i]) && fa[i] != '~' {
				t.Fatalf("fileName(%q) = %q has byte %q", a, fa, fa[i])
			}
		}
	})
}

// TestOutputPathsBelt: two documents for one file name, even one that
// differs only in case, are refused as invalid input naming both.
func TestOutputPathsBelt(t *testing.T) {
	p := newOutputPaths("case.yaml")
	if err := p.add("certificates/W-F-05-001-x.pdf", `event "x"`); err != nil {
		t.Fatal(err)
	}
	if err := p.add("certificates/W-F-05-001-y.pdf", `event "y"`); err != nil {
		t.Fatal(err)
	}
	err := p.add("certificates/W-F-05-001-X.pdf", `event "X"`)
	if err == nil || !errors.Is(err, compute.ErrInvalid) {
		t.Fatalf("err %v, want an input error", err)
	}
	for _, want := range []string{"case.yaml", `event "x" and event "X" would both be written to certificates/W-F-05-001-X.pdf`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not name %q", err, want)
		}
	}
}
