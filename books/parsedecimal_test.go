package books

import (
	"strings"
	"testing"
)

// ParseDecimal takes digits with a decimal point, and commas only between
// groups of three digits: a decimal comma ("12,5") is refused, not read as
// 125.
func TestParseDecimal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"250000", "250000"}, {"250,000", "250000"}, {"1,250,000.50", "1250000.5"}, {" 1.20 ", "1.2"}, {"-3", "-3"}, {"999", "999"},
	} {
		got, err := ParseDecimal("shares", c.in)
		if err != nil || got.String() != c.want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, problem string }{
		{"12,5", "a comma separates thousands"}, {"1,25,000", "a comma separates thousands"}, {"1,000,00", "a comma separates thousands"},
		{",100", "a comma separates thousands"}, {"1.000,50", "a comma separates thousands"}, {"1e3", "not a decimal number"},
		{"", "not a decimal number"}, {"0x10", "not a decimal number"}, {"1.", "not a decimal number"},
	} {
		if _, err := ParseDecimal("shares", c.in); err == nil || !strings.Contains(err.Error(), c.problem) {
			t.Errorf("ParseDecimal(%q): %v, want an error saying %q", c.in, err, c.problem)
		}
	}
}
