package casefile

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// tcGenDecimal draws a decimal literal with up to 25 integer digits and up to
// 10 decimals, sign included, in the form a person might write it.
func tcGenDecimal(t *rapid.T, positive bool) string {
	intPart := rapid.StringMatching(`[0-9]{1,25}`).Draw(t, "int")
	frac := rapid.StringMatching(`[0-9]{0,10}`).Draw(t, "frac")
	s := intPart
	if frac != "" {
		s += "." + frac
	}
	if positive {
		if tcDec(s).Sign() <= 0 {
			s = "1" + s
		}
		return s
	}
	return rapid.SampledFrom([]string{"", "-", "+"}).Draw(t, "sign") + s
}

// TestDecodeCase_DecimalExact: a decimal with at most 10 decimals decodes to
// exactly itself, quoted or not, in YAML and in JSON. (The Warrant Price may
// have at most price_decimals decimals, so the cases allow 10, the most.)
func TestDecodeCase_DecimalExact(t *testing.T) {
	base := strings.Replace(tcMinimal(t), "  series:", "  price_decimals: 10\n  series:", 1)
	rapid.Check(t, func(t *rapid.T) {
		lit := tcGenDecimal(t, true)
		want := tcDec(lit)
		for _, form := range []string{lit, `"` + lit + `"`} {
			yaml := strings.Replace(base, `initial_warrant_price: "2.40"`, "initial_warrant_price: "+form, 1)
			json := fmt.Sprintf(`{"issuer": {"name": "X"}, "terms": {"series": "S", "original_issue_date": "2005-03-14",
				"exercise_start": "2005-09-15", "expiration": "2010-03-14T17:00:00", "price_decimals": 10,
				"initial_warrant_price": %s, "market_value_at_issue": %s}}`, form, form)
			for _, src := range []string{yaml, json} {
				c, err := Decode("case", strings.NewReader(src))
				if err != nil {
					t.Fatalf("%s: %v\n%s", form, err, src)
				}
				if got := c.Terms.InitialWarrantPrice; !got.Equal(want) || got.Exponent() != want.Exponent() {
					t.Fatalf("%s decoded as %s", form, tcLiteral(got))
				}
			}
		}
	})
}

// TestDecodeCase_SignedDecimals: the same for signed values, through a field
// that takes any sign in its literal but refuses negatives: a negative
// consideration must be refused naming the value, never misread.
func TestDecodeCase_SignedDecimals(t *testing.T) {
	base := tcMinimal(t) + "events:\n  - type: issuance\n    date: 2006-01-02\n    shares: \"1\"\n    outstanding_before: \"100\"\n    consideration: "
	rapid.Check(t, func(t *rapid.T) {
		lit := tcGenDecimal(t, false)
		want := tcDec(strings.TrimPrefix(lit, "+"))
		for _, form := range []string{lit, `"` + lit + `"`} {
			c, err := Decode("case.yaml", strings.NewReader(base+form+"\n"))
			switch {
			case want.Sign() < 0:
				if err == nil || !strings.Contains(err.Error(), "must not be negative, got "+want.String()) {
					t.Fatalf("%s: err = %v", form, err)
				}
			case err != nil:
				t.Fatalf("%s: %v", form, err)
			case !c.Events[0].Consideration.Equal(want):
				t.Fatalf("%s decoded as %s", form, c.Events[0].Consideration)
			}
		}
	})
}

// TestDecodeCase_Decimals: the Warrant Price takes price_decimals, share
// quantities share_decimals, every other decimal at most MaxDecimals decimals
// and MaxIntegerDigits digits before the point. Trailing zeros do not count
// against price_decimals or share_decimals.
func TestDecodeCase_Decimals(t *testing.T) {
	minimal := tcMinimal(t)
	price := func(p string) string {
		return strings.Replace(minimal, `initial_warrant_price: "2.40"`, "initial_warrant_price: "+p, 1)
	}
	consideration := func(c string) string {
		return minimal + "events:\n  - {type: issuance, date: 2006-01-02, shares: \"1\", outstanding_before: \"100\", consideration: " + c + "}\n"
	}
	d20 := "0." + strings.Repeat("1", 20)
	tests := []struct {
		name, src, field, error string
	}{
		{"price with price_decimals decimals", price(`"2.4001"`), "", ""},
		{"price with trailing zeros", price(`"2.400000"`), "", ""},
		{"price with one decimal too many", price(`"2.40001"`), "terms.initial_warrant_price", "2.40001 has 5 decimals; at most 4 allowed (terms.price_decimals)"},
		{"price_decimals 10 allows 10", strings.Replace(price(`"2.4000000001"`), "  series:", "  price_decimals: 10\n  series:", 1), "", ""},
		{"unquoted price", price(`2.400001`), "terms.initial_warrant_price", "has 6 decimals; at most 4 allowed"},
		{"consideration with 20 decimals", consideration(`"` + d20 + `"`), "", ""},
		{"consideration with 21 decimals", consideration(`"` + d20 + `1"`), "events[1].consideration", "has 21 decimals; at most 20 allowed"},
		{"consideration with 30 digits", consideration(`"` + strings.Repeat("9", 30) + `"`), "", ""},
		{"consideration with 31 digits", consideration(`"` + strings.Repeat("9", 31) + `"`), "events[1].consideration", "has 31 digits before the decimal point; at most 30 allowed"},
		{"huge literal not echoed", consideration(`"` + strings.Repeat("9", 100000) + `x"`), "events[1].consideration", `"9999999999999999999999999999999999999999"… (100001 characters) is not a decimal`},
		{"ratio side too long", minimal + "events:\n  - {type: stock-split, date: 2006-01-10, ratio: \"" + strings.Repeat("2", 31) + ":1\"}\n", "events[1].ratio", "the new side has 31 digits before the decimal point"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tcDecode(t, tt.src)
			if tt.error == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			tcWantInputError(t, err, "case.yaml", tt.field, tt.error)
			if len(err.Error()) > 1000 {
				t.Errorf("message of %d bytes", len(err.Error()))
			}
		})
	}
}
