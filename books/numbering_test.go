package books

import (
	"math"
	"strings"
	"testing"
)

func TestIssuedNumbers(t *testing.T) {
	const top = "W-F-05-999999999999999999"
	cases := []struct {
		name   string
		issued []string
		first  string
		count  int
		next   string // the first number handed out, or "" if refused
		substr string // in the refusal
	}{
		{"after the highest", []string{"W-F-05-001", "W-F-05-007"}, "", 2, "W-F-05-008", ""},
		{"widest padding", []string{"W-F-05-0001"}, "", 1, "W-F-05-0002", ""},
		{"other series ignored", []string{"W-G-01-500", "W-F-05-002"}, "", 1, "W-F-05-003", ""},
		{"first given", []string{"W-F-05-001"}, "W-F-05-100", 3, "W-F-05-100", ""},
		{"1 and 001 are one number", []string{"W-F-05-1"}, "W-F-05-001", 1, "", "W-F-05-001 is already issued"},
		{"001 and 1 are one number", []string{"W-F-05-001"}, "W-F-05-1", 1, "", "W-F-05-001 is already issued"},
		{"leading zeros beyond 18 digits", []string{"W-F-05-0000000000000000000041"}, "", 1, "W-F-05-0000000000000000000042", ""},
		{"collision inside the range", []string{"W-F-05-005"}, "W-F-05-003", 3, "", "W-F-05-005 is already issued"},
		{"last number", nil, top, 1, top, ""},
		{"past the last number", nil, top, 2, "", "would pass W-F-05-999999999999999999"},
		{"highest issued is the last", []string{top}, "", 1, "", "1 new number from W-F-05-1000000000000000000 would pass"},
		{"collision at the top", []string{top}, "W-F-05-999999999999999998", 2, "", top + " is already issued"},
		{"a count that would overflow", nil, "W-F-05-2", math.MaxInt, "", "would pass"},
		{"first beyond 18 digits", nil, "W-F-05-9223372036854775807", 1, "", `"W-F-05-9223372036854775807" is not a number`},
		{"first beyond int64", nil, "W-F-05-99999999999999999999", 1, "", "is not a number"},
		{"first with a sign", nil, "W-F-05-+5", 1, "", "is not a number"},
		{"first negative", nil, "W-F-05--5", 1, "", "is not a number"},
		{"first of another series", nil, "W-G-01-005", 1, "", "is not a number of series W-F-05"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := newIssued("W-F-05")
			for _, n := range c.issued {
				if ie := in.add(n); ie != nil {
					t.Fatalf("add %s: %v", n, ie)
				}
			}
			nn, err := in.numbers(c.first, c.count)
			if c.next == "" {
				if err == nil || !strings.Contains(err.Error(), c.substr) || !strings.Contains(err.Error(), "first_number: ") {
					t.Fatalf("err %v, want one with %q", err, c.substr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := nn.take(); got != c.next {
				t.Errorf("first new number %s, want %s", got, c.next)
			}
		})
	}
}

func TestIssuedNumbers_RefusesTooLarge(t *testing.T) {
	for _, n := range []string{"W-F-05-9223372036854775807", "W-F-05-1000000000000000000", "W-F-05-18446744073709551616", "W-F-05-" + strings.Repeat("9", 40)} {
		in := newIssued("W-F-05")
		ie := in.add(n)
		if ie == nil || !strings.Contains(ie.Error(), "too large") || !strings.Contains(ie.Error(), "at most 18 digits") {
			t.Errorf("add %s: %v", n, ie)
		}
	}
	in := newIssued("W-F-05")
	if ie := in.add("W-F-05-999999999999999999"); ie != nil {
		t.Errorf("the last number refused: %v", ie)
	}
}

// FuzzIssuedNumbers: whatever the issued numbers, --first-number and count,
// numbering either refuses or hands out numbers of the series that parse
// back in range, in order, none of them issued.
func FuzzIssuedNumbers(f *testing.F) {
	f.Add("W-F-05-001,W-F-05-9223372036854775807", "", 2)
	f.Add("W-F-05-999999999999999998", "W-F-05-999999999999999999", 1)
	f.Add("W-F-05-1", "W-F-05-001", 3)
	f.Fuzz(func(t *testing.T, issued, first string, count int) {
		if count < 1 {
			return
		}
		in := newIssued("W-F-05")
		for _, n := range strings.Split(issued, ",") {
			in.add(n)
		}
		nn, err := in.numbers(first, count)
		if err != nil {
			return
		}
		prev := int64(-1)
		for range min(count, 50) {
			s := nn.take()
			n, _, ok := suffixOf("W-F-05", s)
			if !ok || n <= prev || in.taken[n] {
				t.Fatalf("handed out %s (after %d): ok %v, taken %v", s, prev, ok, in.taken[n])
			}
			prev = n
		}
	})
}
