package casefile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Decimal literals, checked the same way in the case file and the register:
// exact, never through a float, and bounded in their digits.

// decimalPattern is the only form a decimal may be written in.
var decimalPattern = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

const decimalAllowed = `a decimal such as 2.40 or "250000": digits, an optional decimal point and fraction; no exponent, no separators`

// decimalFromText parses a decimal literal exactly, or says what is wrong.
func decimalFromText(s string) (decimal.Decimal, string) {
	if s == "" {
		return decimal.Decimal{}, "is empty"
	}
	if !decimalPattern.MatchString(s) {
		return decimal.Decimal{}, fmt.Sprintf("%s is not a decimal", quoteShort(s))
	}
	if p := digitsProblem(s); p != "" {
		return decimal.Decimal{}, p
	}
	v, err := parseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Sprintf("%q is not a decimal", s)
	}
	return v, ""
}

// digitsProblem says what is wrong with a literal that matches decimalPattern
// but has more than MaxIntegerDigits digits before the point or MaxDecimals
// after it, or returns "". The literal is not quoted: it may be huge.
func digitsProblem(s string) string {
	intPart, frac, _ := strings.Cut(strings.TrimLeft(s, "+-"), ".")
	if len(intPart) > MaxIntegerDigits {
		return fmt.Sprintf("has %d digits before the decimal point; at most %d allowed", len(intPart), MaxIntegerDigits)
	}
	if len(frac) > MaxDecimals {
		return fmt.Sprintf("has %d decimals; at most %d allowed", len(frac), MaxDecimals)
	}
	return ""
}

// literalPlacesProblem is the problem of a decimal literal with more than
// MaxDecimals decimals where the field allows only places (set by term), or
// "": the message then names the field's own limit.
func literalPlacesProblem(s string, places int32, term string) string {
	if !decimalPattern.MatchString(s) {
		return ""
	}
	_, frac, _ := strings.Cut(s, ".")
	if len(frac) > MaxDecimals {
		return fmt.Sprintf("has %d decimals; at most %d allowed (%s)", len(frac), places, term)
	}
	return ""
}

// quoteShort quotes s, cut to its first 40 characters when longer, for a
// message that must stay one readable line.
func quoteShort(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:max])) + fmt.Sprintf("… (%d characters)", len(r))
}

// parseDecimal parses text that matches decimalPattern.
func parseDecimal(s string) (decimal.Decimal, error) {
	return decimal.NewFromString(strings.TrimPrefix(s, "+"))
}

// decimalText writes v with the decimals it was written with: "2.40", not
// the "2.4" of String, so that messages quote what the user wrote.
func decimalText(v decimal.Decimal) string {
	if v.Exponent() >= 0 {
		return v.String()
	}
	return v.StringFixed(-v.Exponent())
}

// decimalPlaces is the number of decimals v needs: trailing zeros do not count.
func decimalPlaces(v decimal.Decimal) int {
	s := v.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// sharePlacesProblem says what is wrong with a share quantity that has more
// decimals than share_decimals allows, or returns "".
func sharePlacesProblem(v decimal.Decimal, shareDecimals int32) string {
	return placesProblem(v, shareDecimals, "terms.share_decimals")
}

// placesProblem says what is wrong with v if it needs more than places
// decimals (trailing zeros do not count), the limit set by the term named
// term, or returns "".
func placesProblem(v decimal.Decimal, places int32, term string) string {
	if p := decimalPlaces(v); p > int(places) {
		return fmt.Sprintf("%s has %d decimals; at most %d allowed (%s)", v, p, places, term)
	}
	return ""
}
