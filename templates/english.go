package templates

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Numbers in words, as legal documents write them: "Two Hundred Fifty
// Thousand (250,000)" for shares, "Two and 40/100 Dollars ($2.40)" for money.
// Written in-house: no maintained library is reachable, and the common one
// mishandles hyphens and trillions.

var (
	ones = []string{"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
		"Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}
	tens   = []string{"", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"}
	scales = []string{"", "Thousand", "Million", "Billion", "Trillion"}
)

// maxWords is the largest whole number Words spells: 999,999,999,999,999.
const maxWords = 999_999_999_999_999

// Words spells a whole number from 0 to 999,999,999,999,999 in title case,
// with hyphens between tens and units: 250000 → "Two Hundred Fifty Thousand",
// 21 → "Twenty-One".
func Words(n int64) (string, error) {
	if n < 0 || n > maxWords {
		return "", fmt.Errorf("%d is outside 0 to %d", n, int64(maxWords))
	}
	if n == 0 {
		return ones[0], nil
	}
	var groups []string
	for i := 0; n > 0; i++ {
		g := n % 1000
		n /= 1000
		if g == 0 {
			continue
		}
		w := hundreds(int(g))
		if scales[i] != "" {
			w += " " + scales[i]
		}
		groups = append([]string{w}, groups...)
	}
	return strings.Join(groups, " "), nil
}

func hundreds(n int) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, ones[n/100]+" Hundred")
		n %= 100
	}
	switch {
	case n == 0:
	case n < 20:
		parts = append(parts, ones[n])
	case n%10 == 0:
		parts = append(parts, tens[n/10])
	default:
		parts = append(parts, tens[n/10]+"-"+ones[n%10])
	}
	return strings.Join(parts, " ")
}

// SharesInWords writes a share quantity in words and figures:
// "Two Hundred Fifty Thousand (250,000)"; a fraction of a share as
// hundredths: "Ten and 50/100 (10.50)".
func SharesInWords(d decimal.Decimal, places int32) (string, error) {
	whole, frac, err := split(d, places)
	if err != nil {
		return "", err
	}
	w, err := Words(whole)
	if err != nil {
		return "", err
	}
	fig := Figures(d, places)
	if frac != "" {
		return fmt.Sprintf("%s and %s (%s)", w, frac, fig), nil
	}
	return fmt.Sprintf("%s (%s)", w, fig), nil
}

// DollarsInWords writes money in words and figures: "Two and 40/100 Dollars ($2.40)".
func DollarsInWords(d decimal.Decimal) (string, error) {
	whole, _, err := split(d, 2)
	if err != nil {
		return "", err
	}
	w, err := Words(whole)
	if err != nil {
		return "", err
	}
	cents := d.Round(2).Sub(decimal.NewFromInt(whole)).Shift(2).IntPart()
	unit := "Dollars"
	if whole == 1 && cents == 0 {
		unit = "Dollar"
	}
	return fmt.Sprintf("%s and %02d/100 %s ($%s)", w, cents, unit, Money(d.Round(2))), nil
}

// split is the whole part of d and, when d has a fraction at places, that
// fraction as "NN/100…".
func split(d decimal.Decimal, places int32) (int64, string, error) {
	if d.Sign() < 0 {
		return 0, "", fmt.Errorf("%s is negative", d)
	}
	d = d.Round(places)
	whole := d.Truncate(0)
	if whole.GreaterThan(decimal.NewFromInt(maxWords)) {
		return 0, "", fmt.Errorf("%s is too large to write in words", d)
	}
	frac := d.Sub(whole)
	if frac.IsZero() {
		return whole.IntPart(), "", nil
	}
	denom := decimal.New(1, places)
	return whole.IntPart(), fmt.Sprintf("%s/%s", frac.Shift(places).String(), denom.String()), nil
}

// Figures writes a share quantity with thousands separators, and with
// places decimals only when it has a fraction: 250000 → "250,000",
// 10.5 → "10.50".
func Figures(d decimal.Decimal, places int32) string {
	d = d.Round(places)
	if d.Equal(d.Truncate(0)) {
		return group(d.StringFixed(0))
	}
	return group(d.StringFixed(places))
}

// Money writes an amount with thousands separators and cents: "2,401.20".
func Money(d decimal.Decimal) string { return group(d.StringFixed(2)) }

// group puts thousands separators into a plain decimal string.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, fracPart, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + fracPart)
	}
	return b.String()
}
