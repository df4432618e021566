package templates

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// The English of numbers, dates and times, as the Warrant writes them: every
// document takes its words and figures from this file, and none formats a
// number, a date or a clock time of its own.
//
//   - numbers in words: "Two Hundred Fifty Thousand (250,000)" for shares,
//     "Two and 40/100 Dollars ($2.40)" for money, "twenty (20)" for a count
//     of days, "one percent (1%)" for a threshold;
//   - figures: "250,000", "10.50", "$2.40", "+0.0500";
//   - dates and times: "March 14, 2005", "5:00 p.m., eastern time",
//     "June 10, 2008 at 4:30 p.m. (UTC-04:00)".
//
// Numbers in words are written in-house: no maintained library is reachable,
// and the common one mishandles hyphens and trillions.

// ---- numbers in words ----

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

// numberWordsFigures writes a count as the Warrant does: "twenty (20)".
func numberWordsFigures(n int) string {
	w, err := Words(int64(n))
	if err != nil {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%s (%d)", strings.ToLower(w), n)
}

// percentWords writes a percentage as §4(g)(ii) does: "one percent (1%)".
func percentWords(p decimal.Decimal) string {
	if p.IsInteger() {
		if w, err := Words(p.IntPart()); err == nil {
			return fmt.Sprintf("%s percent (%s%%)", strings.ToLower(w), p)
		}
	}
	return p.String() + "%"
}

// wordsOnly writes the shares on the face of the warrant in words.
func wordsOnly(t compute.Terms, w compute.Warrant) string {
	whole, frac, err := split(w.Shares, t.ShareDecimals)
	if err != nil {
		return ""
	}
	s, err := Words(whole)
	if err != nil {
		return ""
	}
	if frac != "" {
		s += " and " + frac
	}
	return s
}

// sharesWords writes shares in words and figures, or the figures alone if
// they cannot be written in words.
func sharesWords(t compute.Terms, n decimal.Decimal) string {
	s, err := SharesInWords(n, t.ShareDecimals)
	if err != nil {
		return shares(t, n)
	}
	return s
}

// ---- figures ----

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

// figuresOnly writes shares in figures with separators, dropping ".00".
func figuresOnly(t compute.Terms, n decimal.Decimal) string { return Figures(n, t.ShareDecimals) }

// shares writes a Warrant Share Number with the terms' decimals and separators.
func shares(t compute.Terms, n decimal.Decimal) string { return group(n.StringFixed(t.ShareDecimals)) }

// signed puts an explicit sign on a change: "+0.0500", "−1,000.00";
// "none" when there is no change.
func signed(s, unit string) string {
	switch {
	case strings.HasPrefix(s, "-"):
		return "−" + unit + s[1:]
	case strings.Trim(s, "0.,") == "":
		return "none"
	}
	return "+" + unit + s
}

// ---- dates and times ----

// LongDate writes a date as the Warrant does: "March 14, 2005".
func LongDate(d compute.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("January 2, 2006")
}

// longDateString writes a date given as YYYY-MM-DD as LongDate does; a
// string that is not a date is written as it is.
func longDateString(s string) string {
	d, err := compute.ParseDate(s)
	if err != nil {
		return s
	}
	return LongDate(d)
}

// clockText writes the expiration time as §1 does: "5:00 p.m., eastern time".
func clockText(t compute.Terms) string {
	return clock(t.Expiration) + ", " + zoneTime(t)
}

// zoneTime names the Warrant's time zone as §1 and §12 do: "eastern time"
// for America/New_York, else the zone's name and "time"
// ("Europe/London time").
func zoneTime(t compute.Terms) string {
	if t.TimeZone == "America/New_York" {
		return "eastern time"
	}
	return t.TimeZone + " time"
}

// clock writes the time of day of t on a twelve-hour clock: "5:00 p.m.",
// "12:00 a.m." for midnight, "12:30 p.m." after noon.
func clock(t time.Time) string {
	h, ampm := t.Hour()%12, "a.m."
	if t.Hour() >= 12 {
		ampm = "p.m."
	}
	if h == 0 {
		h = 12
	}
	return fmt.Sprintf("%d:%02d %s", h, t.Minute(), ampm)
}
