package strictjson

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// NumericPattern is OCF's Numeric primitive, the decimal strings of
// warrantkit's own records too.
const NumericPattern = `^[+-]?[0-9]+(\.[0-9]{1,10})?$`

// NumericAllowed describes ParseNumeric's input.
const NumericAllowed = "a decimal string with at most 10 decimals, " + NumericPattern

// ParseNumeric parses an OCF Numeric: [+-]digits[.1 to 10 digits], exactly.
// The problem, if any, is a phrase for an error message.
func ParseNumeric(s string) (decimal.Decimal, string) {
	intPart, frac, hasDot := strings.Cut(strings.TrimLeft(s, "+-"), ".")
	switch {
	case s == "" || intPart == "" || strings.Trim(intPart, "0123456789") != "" || len(s)-len(strings.TrimLeft(s, "+-")) > 1:
		return decimal.Decimal{}, fmt.Sprintf("%q is not an OCF decimal string", s)
	case hasDot && (frac == "" || strings.Trim(frac, "0123456789") != ""):
		return decimal.Decimal{}, fmt.Sprintf("%q is not an OCF decimal string", s)
	case len(frac) > 10:
		return decimal.Decimal{}, fmt.Sprintf("%q has %d decimals", s, len(frac))
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Sprintf("%q is not an OCF decimal string", s)
	}
	return d, ""
}
