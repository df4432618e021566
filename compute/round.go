package compute

// §4(g)(iii) — Fractional Interests, and the rounding of prices and money.

import "github.com/shopspring/decimal"

// Rounding in warrantkit is always half away from zero, at the points the
// specification names: share quantities to share_decimals (§4(g)(iii)),
// prices to price_decimals, money to cents.

var (
	zero    = decimal.Zero
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

// DivRound returns a/b rounded half away from zero to places decimals, exactly:
// the quotient is truncated by QuoRem and the remainder decides the last digit,
// so no intermediate rounding can push a value across a half. b must not be zero.
func DivRound(a, b decimal.Decimal, places int32) decimal.Decimal {
	if b.IsZero() {
		panic("compute: DivRound by zero") // callers check their divisors
	}
	q, r := a.QuoRem(b, places)
	if r.IsZero() {
		return q
	}
	ulp := decimal.New(1, -places)
	// |r| < |b|·ulp always; round away from zero when 2|r| ≥ |b|·ulp.
	if r.Abs().Mul(decimal.NewFromInt(2)).Cmp(b.Abs().Mul(ulp)) >= 0 {
		if a.Sign()*b.Sign() < 0 {
			q = q.Sub(ulp)
		} else {
			q = q.Add(ulp)
		}
	}
	return q
}

// FloorDiv returns floor(a/b) for b > 0, exactly.
func FloorDiv(a, b decimal.Decimal) decimal.Decimal {
	q, r := a.QuoRem(b, 0)
	if r.Sign() < 0 {
		q = q.Sub(one)
	}
	return q
}

// Round rounds d half away from zero to places decimals. Share quantities
// are rounded to Terms.ShareDecimals, 2 by §4(g)(iii): "In computing
// adjustments under this Section 4, fractional interests in Common Stock
// shall be taken into account to the nearest one one-hundredth (1/100th) of a
// share."
func Round(d decimal.Decimal, places int32) decimal.Decimal {
	return d.Round(places)
}

// Cents rounds a money amount to cents, half away from zero.
func Cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }
