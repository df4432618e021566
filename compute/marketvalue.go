package compute

// §8 Per Share Market Value — the definition, its four ways of being
// determined, (a) to (d).

import "github.com/shopspring/decimal"

// MarketValue is a Per Share Market Value (§8, SPEC §2.4): how it was
// determined and the value, rounded to price_decimals.
type MarketValue struct {
	Method string            // plain|exchange|otc|pink_sheets|appraisal
	Inputs []decimal.Decimal // the quotes or appraisals it came from
	Value  decimal.Decimal
}

// MarketValue methods.
const (
	MVPlain      = "plain"
	MVExchange   = "exchange"
	MVOTC        = "otc"
	MVPinkSheets = "pink_sheets"
	MVAppraisal  = "appraisal"
)

// NewMarketValue computes the value of a determination by method, rounded to
// places: exchange (bid+ask)/2; otc the closing bid; pink_sheets the mean of
// the quotes; appraisal the mean of one or two appraisals; plain the value.
// §8: "Per Share Market Value" means on any particular date
//
//	"(a) the average of the closing bid and asked price per share of the
//	Common Stock on such date on Nasdaq or another registered national stock
//	exchange on which the Common Stock is then listed [...], or (b) if the
//	Common Stock is not listed then on Nasdaq or any registered national
//	stock exchange, the closing bid price for a share of Common Stock in the
//	over-the-counter market, as reported by the OTC Bulletin Board [...], or
//	(c) if the Common Stock is not then reported by the OTC Bulletin Board
//	[...], then the average of the "Pink Sheet" quotes for the relevant
//	conversion period, as determined in good faith by the holder, or (d) if
//	the Common Stock is not then publicly traded the fair market value of a
//	share of Common Stock as determined by an Independent Appraiser [...] in
//	which case, the fair market value shall be equal to the average of the
//	determinations by each such Independent Appraiser"
func NewMarketValue(method string, inputs []decimal.Decimal, places int32) MarketValue {
	mv := MarketValue{Method: method, Inputs: inputs}
	if len(inputs) == 0 {
		return mv
	}
	sum := zero
	for _, v := range inputs {
		sum = sum.Add(v)
	}
	mv.Value = DivRound(sum, decimal.NewFromInt(int64(len(inputs))), places)
	return mv
}

// Describe says how the value was determined, for certificates and methods.
func (mv MarketValue) Describe(places int32) string {
	v := mv.Value.StringFixed(places)
	switch mv.Method {
	case MVExchange:
		return "average of closing bid " + mv.Inputs[0].String() + " and ask " + mv.Inputs[1].String() + " = " + v + " (§8(a))"
	case MVOTC:
		return "closing bid on the OTC Bulletin Board " + v + " (§8(b))"
	case MVPinkSheets:
		return "average of " + itoa(len(mv.Inputs)) + " Pink Sheet quotes = " + v + " (§8(c))"
	case MVAppraisal:
		if len(mv.Inputs) == 2 {
			return "average of two Independent Appraisers' determinations = " + v + " (§8(d))"
		}
		return "Independent Appraiser's determination " + v + " (§8(d))"
	}
	return v
}
