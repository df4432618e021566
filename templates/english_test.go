package templates

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"pgregory.net/rapid"
)

func TestWords(t *testing.T) {
	cases := []struct {
		n    int64
		want string
	}{
		{0, "Zero"},
		{7, "Seven"},
		{13, "Thirteen"},
		{21, "Twenty-One"},
		{40, "Forty"},
		{100, "One Hundred"},
		{101, "One Hundred One"},
		{999, "Nine Hundred Ninety-Nine"},
		{1000, "One Thousand"},
		{1001, "One Thousand One"},
		{250000, "Two Hundred Fifty Thousand"},
		{3538000, "Three Million Five Hundred Thirty-Eight Thousand"},
		{43034176, "Forty-Three Million Thirty-Four Thousand One Hundred Seventy-Six"},
		{1_000_000_000, "One Billion"},
		{1_000_000_000_000, "One Trillion"},
		{1_000_000_000_001, "One Trillion One"},
		{999_999_999_999_999, "Nine Hundred Ninety-Nine Trillion Nine Hundred Ninety-Nine Billion Nine Hundred Ninety-Nine Million Nine Hundred Ninety-Nine Thousand Nine Hundred Ninety-Nine"},
	}
	for _, c := range cases {
		got, err := Words(c.n)
		if err != nil || got != c.want {
			t.Errorf("Words(%d) = %q, %v; want %q", c.n, got, err, c.want)
		}
	}
	if _, err := Words(-1); err == nil {
		t.Error("Words(-1) gave no error")
	}
	if _, err := Words(maxWords + 1); err == nil {
		t.Error("Words(10^15) gave no error")
	}
}

func TestSharesAndDollarsInWords(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct{ got, want string }{
		{must(SharesInWords(d("250000"), 2)), "Two Hundred Fifty Thousand (250,000)"},
		{must(SharesInWords(d("250000.00"), 2)), "Two Hundred Fifty Thousand (250,000)"},
		{must(SharesInWords(d("254237.29"), 2)), "Two Hundred Fifty-Four Thousand Two Hundred Thirty-Seven and 29/100 (254,237.29)"},
		{must(SharesInWords(d("10.5"), 2)), "Ten and 50/100 (10.50)"},
		{must(DollarsInWords(d("2.40"))), "Two and 40/100 Dollars ($2.40)"},
		{must(DollarsInWords(d("1"))), "One and 00/100 Dollar ($1.00)"},
		{must(DollarsInWords(d("3538000"))), "Three Million Five Hundred Thirty-Eight Thousand and 00/100 Dollars ($3,538,000.00)"},
		{must(DollarsInWords(d("0.8"))), "Zero and 80/100 Dollars ($0.80)"},
		{Figures(d("1234567.891"), 2), "1,234,567.89"},
		{Money(d("-1234.5")), "-1,234.50"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func must(s string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return s
}

// parseWords is an independent reader of what Words writes, for the property
// test: it adds up units, tens and hundreds and multiplies by each scale.
func parseWords(s string) (int64, error) {
	values := map[string]int64{}
	for i, w := range ones {
		values[w] = int64(i)
	}
	for i, w := range tens {
		if w != "" {
			values[w] = int64(i * 10)
		}
	}
	scale := map[string]int64{"Thousand": 1e3, "Million": 1e6, "Billion": 1e9, "Trillion": 1e12}
	var total, group int64
	lastScale := int64(1e18)
	for _, tok := range strings.Fields(s) {
		switch {
		case tok == "Hundred":
			if group == 0 || group >= 10 {
				return 0, fmt.Errorf("misplaced Hundred in %q", s)
			}
			group *= 100
		case scale[tok] != 0:
			if group == 0 || scale[tok] >= lastScale {
				return 0, fmt.Errorf("misplaced %s in %q", tok, s)
			}
			lastScale = scale[tok]
			total += group * scale[tok]
			group = 0
		default:
			for _, part := range strings.Split(tok, "-") {
				v, ok := values[part]
				if !ok {
					return 0, fmt.Errorf("unknown word %q in %q", part, s)
				}
				group += v
			}
		}
	}
	return total + group, nil
}

func TestProperty_WordsRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		var n int64
		switch rapid.IntRange(0, 2).Draw(rt, "size") {
		case 0:
			n = rapid.Int64Range(0, 10_000).Draw(rt, "n")
		case 1:
			n = rapid.Int64Range(0, 1_000_000_000_000).Draw(rt, "n")
		default:
			n = rapid.Int64Range(0, maxWords).Draw(rt, "n")
		}
		w, err := Words(n)
		if err != nil {
			rt.Fatal(err)
		}
		back, err := parseWords(w)
		if err != nil || back != n {
			rt.Fatalf("Words(%d) = %q reads back as %d (%v)", n, w, back, err)
		}
		if strings.Contains(w, "  ") || strings.HasSuffix(w, " ") || strings.Contains(w, "Zero") && n != 0 {
			rt.Fatalf("Words(%d) = %q is badly formed", n, w)
		}
	})
}

// The counts, percentages and terms-dependent figures the Warrant's text
// and the documents print.
func TestEnglish_NumbersOfTheWarrant(t *testing.T) {
	d := decimal.RequireFromString
	terms := compute.Terms{PriceDecimals: 4, ShareDecimals: 2}
	cases := []struct{ got, want string }{
		{numberWordsFigures(20), "twenty (20)"},
		{numberWordsFigures(61), "sixty-one (61)"},
		{numberWordsFigures(-1), "-1"},
		{percentWords(d("1")), "one percent (1%)"},
		{percentWords(d("4.999")), "4.999%"},
		{usd(terms, d("2.4")), "$2.4000"}, {usd(terms, d("1250.5")), "$1,250.5000"},
		{shares(terms, d("1250000")), "1,250,000.00"},
		{figuresOnly(terms, d("41666.666")), "41,666.67"},
		{figuresOnly(terms, d("250000.00")), "250,000"},
		{sharesWords(terms, d("250000")), "Two Hundred Fifty Thousand (250,000)"},
		{sharesWords(terms, d("1e16")), "10,000,000,000,000,000.00"},
		{wordsOnly(terms, compute.Warrant{Shares: d("41666.67")}), "Forty-One Thousand Six Hundred Sixty-Six and 67/100"},
		{wordsOnly(terms, compute.Warrant{Shares: d("-1")}), ""},
		{signed("0.0500", "$"), "+$0.0500"},
		{signed("-1,000.00", ""), "−1,000.00"},
		{signed("0.00", "$"), "none"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestEnglish_DatesAndTimes(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	nyTerms := compute.Terms{TimeZone: "America/New_York", Location: ny}
	londonTerms := compute.Terms{TimeZone: "Europe/London", Location: london}
	cases := []struct{ got, want string }{
		{LongDate(compute.Date{Year: 2005, Month: time.March, Day: 14}), "March 14, 2005"},
		{LongDate(compute.Date{}), ""},
		{longDateString("2010-03-14"), "March 14, 2010"},
		{longDateString("soon"), "soon"},
		{sentAt(nyTerms, "2008-06-10T16:30:00-04:00"), "June 10, 2008 at 4:30 p.m., eastern time"},
		{sentAt(nyTerms, "2008-06-10T00:05:00Z"), "June 9, 2008 at 8:05 p.m., eastern time"},
		{sentAt(londonTerms, "2008-06-10T16:30:00-04:00"), "June 10, 2008 at 9:30 p.m., Europe/London time"},
		{sentAt(nyTerms, "yesterday"), "yesterday"},
		{clockText(compute.Terms{Expiration: time.Date(2010, 3, 14, 17, 0, 0, 0, ny), TimeZone: "America/New_York"}), "5:00 p.m., eastern time"},
		{clockText(compute.Terms{Expiration: time.Date(2010, 3, 14, 12, 30, 0, 0, time.UTC), TimeZone: "UTC"}), "12:30 p.m., UTC time"},
		{clock(time.Date(2010, 3, 14, 9, 5, 0, 0, time.UTC)), "9:05 a.m."},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
