package casefile

import (
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// TestMarketValue_Forms decodes each form of SPEC §2.4, as a distribution's
// market value and as market_value_at_issue. The rounding cases are chosen so
// that half-to-even would give a different answer.
func TestMarketValue_Forms(t *testing.T) {
	tests := []struct {
		name   string
		yaml   string
		places string
		method string
		want   string
	}{
		{"exchange mean", `{exchange: {bid: "1.20", ask: "1.30"}}`, "4", compute.MVExchange, "1.2500"},
		{"otc closing bid", `{otc: {closing_bid: 1.5}}`, "4", compute.MVOTC, "1.5000"},
		{"pink sheets half away from zero", `{pink_sheets: ["1.0002", "1.0003"]}`, "4", compute.MVPinkSheets, "1.0003"},
		{"pink sheets of three", `{pink_sheets: [1, 2, 2]}`, "4", compute.MVPinkSheets, "1.6667"},
		{"one quote", `{pink_sheets: ["0.75"]}`, "2", compute.MVPinkSheets, "0.75"},
		{"appraisal of two", `{appraisal: ["2.00", "2.01"]}`, "2", compute.MVAppraisal, "2.01"},
		{"appraisal of one", `{appraisal: ["3.14159"]}`, "4", compute.MVAppraisal, "3.1416"},
		{"plain rounds half away", `1.87645`, "4", compute.MVPlain, "1.8765"},
		{"plain string", `"1.8"`, "2", compute.MVPlain, "1.80"},
		{"block form", "\n      exchange:\n        bid: 1.01\n        ask: 1.02", "2", compute.MVExchange, "1.02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(tcMinimal(t), `market_value_at_issue: "1.95"`, "price_decimals: "+tt.places+"\n  market_value_at_issue: "+tt.yaml, 1)
			src += "events:\n  - type: distribution\n    date: 2006-01-02\n    kind: cash\n    per_share_value: \"0.01\"\n    market_value: " + tt.yaml + "\n"
			c, err := tcDecode(t, src)
			if err != nil {
				t.Fatal(err)
			}
			mv := c.Events[0].MarketValue
			places := int32(len(tt.want) - strings.IndexByte(tt.want, '.') - 1)
			if mv.Method != tt.method || mv.Value.StringFixed(places) != tt.want {
				t.Errorf("market value = %s by %s, want %s by %s", mv.Value, mv.Method, tt.want, tt.method)
			}
			if !c.Terms.MarketValueAtIssue.Equal(mv.Value) {
				t.Errorf("market_value_at_issue = %s, want %s", c.Terms.MarketValueAtIssue, mv.Value)
			}
		})
	}
}
