package casefile

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

func tcLoad(t *testing.T, path string) *compute.Case {
	t.Helper()
	c, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return c
}

func tcDecode(t *testing.T, src string) (*compute.Case, error) {
	t.Helper()
	return Decode("case.yaml", strings.NewReader(src))
}

func tcDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// tcLiteral writes d with exactly the decimals it carries, so "2.40" stays
// "2.40" where String would say "2.4".
func tcLiteral(d decimal.Decimal) string {
	if d.Exponent() >= 0 {
		return d.String()
	}
	return d.StringFixed(-d.Exponent())
}

// tcWantDec checks got against want both as a value and digit for digit.
func tcWantDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(tcDec(want)) || tcLiteral(got) != want {
		t.Errorf("%s = %s, want %s", what, tcLiteral(got), want)
	}
}

func TestDecodeCase_Full(t *testing.T) {
	c := tcLoad(t, "testdata/good/full.yaml")

	if c.File != "testdata/good/full.yaml" {
		t.Errorf("File = %q", c.File)
	}
	is := c.Issuer
	if is.Name != "Glowpoint, Inc." || is.Jurisdiction != "Delaware" ||
		!reflect.DeepEqual(is.Address, []string{"225 Long Avenue", "Hillside, New Jersey 07205"}) ||
		is.Signatory != (compute.Person{Name: "Gerard E. Dorsey", Title: "Chief Financial Officer"}) ||
		is.Notice != (compute.NoticeContact{Attention: "Chief Financial Officer", Phone: "973-391-2000", Fax: "973-923-3352"}) {
		t.Errorf("Issuer = %+v", is)
	}

	tm := c.Terms
	if tm.Series != "W-F-05" {
		t.Errorf("Series = %q", tm.Series)
	}
	if tm.OriginalIssueDate != (compute.Date{Year: 2005, Month: time.March, Day: 14}) || tm.ExerciseStart != (compute.Date{Year: 2005, Month: time.September, Day: 15}) {
		t.Errorf("dates = %v, %v", tm.OriginalIssueDate, tm.ExerciseStart)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2010, time.March, 14, 17, 0, 0, 0, ny); !tm.Expiration.Equal(want) || tm.Location.String() != "America/New_York" {
		t.Errorf("Expiration = %v in %v, want %v", tm.Expiration, tm.Location, want)
	}
	if got := tm.Expiration.UTC().Format(time.RFC3339); got != "2010-03-14T21:00:00Z" { // EDT began that morning
		t.Errorf("Expiration in UTC = %s", got)
	}
	tcWantDec(t, "InitialWarrantPrice", tm.InitialWarrantPrice, "2.40")
	tcWantDec(t, "MarketValueAtIssue", tm.MarketValueAtIssue, "1.9500") // rounded to price_decimals
	tcWantDec(t, "OwnershipCapPercent", tm.OwnershipCapPercent, "9.999")
	tcWantDec(t, "DeferralThresholdPercent", tm.DeferralThresholdPercent, "1.5")
	if tm.CapWaiverDays != 30 || tm.NoticeLeadDays != 10 || tm.DeliveryTradingDays != 5 || tm.ShareDecimals != 2 || tm.PriceDecimals != 4 {
		t.Errorf("integer terms = %d %d %d %d %d", tm.CapWaiverDays, tm.NoticeLeadDays, tm.DeliveryTradingDays, tm.ShareDecimals, tm.PriceDecimals)
	}
	if !tm.DeferSmallAdjustments || !tm.DilutionAdjustsShares || tm.FloorAdjustsForSplits || tm.CapCountsNewShares {
		t.Errorf("switches = %v %v %v %v", tm.DeferSmallAdjustments, tm.DilutionAdjustsShares, tm.FloorAdjustsForSplits, tm.CapCountsNewShares)
	}

	if len(c.Warrants) != 2 {
		t.Fatalf("%d warrants, want 2", len(c.Warrants))
	}
	w0, w1 := c.Warrants[0], c.Warrants[1]
	if w0.Number != "W-F-05-001" || w0.Holder.Name != "Alpha Capital Anstalt" || w0.Line != 107 ||
		!reflect.DeepEqual(w0.Holder.Address, []string{"Pradafant 7", "9490 Vaduz, Liechtenstein"}) {
		t.Errorf("warrant 1 = %+v", w0)
	}
	tcWantDec(t, "warrant 1 shares", w0.Shares, "250000")
	if w1.Number != "W-F-05-002" || w1.Holder.Name != "Łukasz Żółć" || w1.Email != "lukasz@example.com" ||
		w1.TaxID4 != "0123" || w1.Parent != "" || w1.Line != 110 ||
		!reflect.DeepEqual(w1.Holder.Address, []string{"ul. Długa 5", "00-238 Warszawa"}) {
		t.Errorf("warrant 2 = %+v", w1)
	}
	tcWantDec(t, "warrant 2 shares", w1.Shares, "1234.5")

	ev := c.Events
	if len(ev) != 15 {
		t.Fatalf("%d events, want 15", len(ev))
	}
	for i, e := range ev {
		if e.Index != i+1 {
			t.Errorf("events[%d].Index = %d", i+1, e.Index)
		}
	}
	if e := ev[0]; e.Type != compute.StockSplit || e.Line != 5 || e.Date != (compute.Date{Year: 2006, Month: time.January, Day: 10}) ||
		e.Ratio.String() != "3:1" || e.Description != "Three-for-one forward split" {
		t.Errorf("events[1] = %+v", e)
	}
	if e := ev[1]; e.Type != compute.Combination || e.Line != 9 || e.Ratio.String() != "1:10" {
		t.Errorf("events[2] = %+v", e)
	}
	if e := ev[2]; e.Type != compute.StockDividend || e.ID != "div-2006" || e.PaidDate != (compute.Date{Year: 2006, Month: time.March, Day: 15}) ||
		e.Effective() != e.PaidDate {
		t.Errorf("events[3] = %+v", e)
	}
	tcWantDec(t, "events[3].shares_per_share", ev[2].SharesPerShare, "0.05")

	if e := ev[3]; e.Type != compute.Distribution || e.Kind != "cash" || e.FromEarnings || e.MarketValue.Method != compute.MVExchange {
		t.Errorf("events[4] = %+v", e)
	}
	tcWantDec(t, "events[4].per_share_value", ev[3].PerShareValue, "0.10")
	if got := ev[3].MarketValue.Value.StringFixed(4); got != "1.2500" {
		t.Errorf("exchange 1.20/1.30 = %s, want 1.2500", got)
	}
	tcWantDec(t, "exchange bid", ev[3].MarketValue.Inputs[0], "1.20")
	tcWantDec(t, "exchange ask", ev[3].MarketValue.Inputs[1], "1.30")
	// Unquoted, this literal is not representable in binary floating point;
	// every digit must survive.
	tcWantDec(t, "events[5].per_share_value", ev[4].PerShareValue, "0.1000000000000000055")
	if e := ev[4]; !e.FromEarnings || e.Kind != "property" || e.MarketValue.Method != compute.MVOTC || !e.MarketValue.Value.Equal(tcDec("1.5")) {
		t.Errorf("events[5] = %+v", e)
	}
	if mv := ev[5].MarketValue; mv.Method != compute.MVPinkSheets || mv.Value.StringFixed(4) != "1.0003" {
		t.Errorf("pink sheets 1.0002, 1.0003 = %+v, want 1.0003 (half away from zero)", mv)
	}
	if mv := ev[6].MarketValue; mv.Method != compute.MVAppraisal || len(mv.Inputs) != 2 || mv.Value.StringFixed(4) != "2.0050" {
		t.Errorf("appraisal 2.00, 2.01 = %+v, want 2.0050", mv)
	}
	if mv := ev[7].MarketValue; mv.Method != compute.MVPlain || mv.Value.StringFixed(4) != "1.8765" {
		t.Errorf("plain 1.87654 = %+v, want 1.8765", mv)
	}
	if e := ev[8]; e.Type != compute.CSEIssuance || e.ID != "notes-2006" {
		t.Errorf("events[9] = %+v", e)
	}
	tcWantDec(t, "events[9].max_shares", ev[8].MaxShares, "1000000")
	tcWantDec(t, "events[9].consideration", ev[8].Consideration, "1500000.00")
	tcWantDec(t, "events[9].outstanding_before", ev[8].OutstandingBefore, "10000000")
	if e := ev[9]; e.Type != compute.Issuance || e.FromCSE != "notes-2006" {
		t.Errorf("events[10] = %+v", e)
	}
	tcWantDec(t, "events[10].shares", ev[9].Shares, "250000")
	tcWantDec(t, "events[11].shares", ev[10].Shares, "100.5")
	tcWantDec(t, "events[11].consideration", ev[10].Consideration, "0")
	if e := ev[11]; e.Type != compute.CSEPriceIncrease || e.Ref != "notes-2006" {
		t.Errorf("events[12] = %+v", e)
	}
	tcWantDec(t, "events[12].remaining_max_shares", ev[11].RemainingMaxShares, "750000")
	tcWantDec(t, "events[12].outstanding_before", ev[11].OutstandingBefore, "10250100.5")
	if e := ev[12]; e.Type != compute.CSEExpiry || e.Ref != "notes-2006" {
		t.Errorf("events[13] = %+v", e)
	}
	if e := ev[13]; e.Type != compute.DividendAbandoned || e.Ref != "div-2006" {
		t.Errorf("events[14] = %+v", e)
	}
	e := ev[14]
	if e.Type != compute.TriggeringEvent || e.Kind != "merger" || e.Successor != "Acquirer Corp." || !e.Assumed || len(e.ConsiderationPerShare) != 2 {
		t.Fatalf("events[15] = %+v", e)
	}
	if ci := e.ConsiderationPerShare[1]; ci.Description != "Acquirer common stock" || ci.Kind != "security" || tcLiteral(ci.Amount) != "0.5" {
		t.Errorf("events[15].consideration_per_share[2] = %+v", ci)
	}
}

// TestDecodeCase_JSONMatchesYAML decodes the same case written as YAML and
// as JSON: the results must be identical, decimals digit for digit.
func TestDecodeCase_JSONMatchesYAML(t *testing.T) {
	y := tcLoad(t, "testdata/good/full.yaml")
	j := tcLoad(t, "testdata/good/full.json")
	for _, c := range []*compute.Case{y, j} {
		c.File = ""
		c.Terms.Expiration = c.Terms.Expiration.UTC()
		c.Terms.Location = nil
		for i := range c.Warrants {
			c.Warrants[i].Line = 0
		}
		for i := range c.Events {
			c.Events[i].Line = 0
		}
	}
	if !reflect.DeepEqual(y, j) {
		t.Errorf("YAML and JSON differ:\nyaml: %s\njson: %s", tcDump(y), tcDump(j))
	}
}

// tcDump prints a case with decimals as their literals, for failure messages.
func tcDump(c *compute.Case) string {
	return fmt.Sprintf("%+v", *c)
}

func TestDecodeCase_Defaults(t *testing.T) {
	c := tcLoad(t, "testdata/good/minimal.yaml")
	got := c.Terms
	want := compute.DefaultTerms()
	if got.TimeZone != want.TimeZone || got.Location == nil || got.Location.String() != "America/New_York" ||
		!got.OwnershipCapPercent.Equal(want.OwnershipCapPercent) || got.CapWaiverDays != 61 ||
		got.NoticeLeadDays != 20 || got.DeliveryTradingDays != 3 || got.ShareDecimals != 2 ||
		got.PriceDecimals != 4 || got.DeferSmallAdjustments || !got.DeferralThresholdPercent.Equal(tcDec("1")) ||
		got.DilutionAdjustsShares || !got.FloorAdjustsForSplits || !got.CapCountsNewShares {
		t.Errorf("defaults not applied: %+v", got)
	}
	tcWantDec(t, "OwnershipCapPercent", got.OwnershipCapPercent, "4.999")
	if c.Issuer.Address != nil || c.Issuer.Signatory != (compute.Person{}) || c.Events != nil {
		t.Errorf("optional parts not empty: %+v, events %v", c.Issuer, c.Events)
	}
	if len(c.Warrants) != 1 || c.Warrants[0].Holder.Address != nil || c.Warrants[0].Email != "" {
		t.Errorf("warrants = %+v", c.Warrants)
	}
}

// tcMinimal is testdata/good/minimal.yaml; tests edit it with strings.Replace.
func tcMinimal(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/good/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDecodeCase_WarrantsOptional(t *testing.T) {
	src := tcMinimal(t)
	src = src[:strings.Index(src, "warrants:")]
	c, err := tcDecode(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if c.Warrants != nil {
		t.Errorf("Warrants = %v, want nil (a register supplies them)", c.Warrants)
	}
}

func TestDecodeCase_Expiration(t *testing.T) {
	tests := []struct {
		expiration, zone string
		want             string // RFC 3339 in UTC
	}{
		{"2010-03-14T17:00:00", "America/New_York", "2010-03-14T21:00:00Z"},
		{"2010-03-13T17:00:00", "America/New_York", "2010-03-13T22:00:00Z"}, // still EST
		{"2010-03-14T17:30", "America/New_York", "2010-03-14T21:30:00Z"},
		{"2010-03-14", "America/New_York", "2010-03-14T21:00:00Z"}, // a bare date is 17:00
		{"2010-03-14", "Asia/Tokyo", "2010-03-14T08:00:00Z"},
		{"2010-03-14T23:59:59", "UTC", "2010-03-14T23:59:59Z"},
	}
	for _, tt := range tests {
		t.Run(tt.expiration+" "+tt.zone, func(t *testing.T) {
			src := strings.Replace(tcMinimal(t), "expiration: 2010-03-14T17:00:00", "expiration: "+tt.expiration+"\n  time_zone: "+tt.zone, 1)
			c, err := tcDecode(t, src)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Terms.Expiration.UTC().Format(time.RFC3339); got != tt.want {
				t.Errorf("expiration = %s, want %s", got, tt.want)
			}
			if c.Terms.Expiration.Location().String() != tt.zone {
				t.Errorf("location = %s, want %s", c.Terms.Expiration.Location(), tt.zone)
			}
		})
	}
}

func TestDecodeCase_Aliases(t *testing.T) {
	src := strings.Replace(tcMinimal(t), `name: "Glowpoint, Inc."`, "name: \"Glowpoint, Inc.\"\n  address: &addr [\"225 Long Avenue\", \"Hillside\"]", 1)
	src = strings.Replace(src, `holder: {name: "Alpha Capital Anstalt"}`, `holder: {name: "Alpha Capital Anstalt", address: *addr}`, 1)
	c, err := tcDecode(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Warrants[0].Holder.Address, c.Issuer.Address) || len(c.Issuer.Address) != 2 {
		t.Errorf("alias not followed: %v vs %v", c.Warrants[0].Holder.Address, c.Issuer.Address)
	}
}

// TestDecodeCase_Hostile: inputs that have broken YAML walkers elsewhere are
// refused with an ordinary input error.
func TestDecodeCase_Hostile(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"mapping that contains itself", strings.Replace(tcMinimal(t), `issuer:`+"\n"+`  name: "Glowpoint, Inc."`, "issuer: &i\n  name: *i", 1), "issuer.name: is a mapping, not a string"},
		{"list that contains itself", tcMinimal(t) + "events: &e [*e]\n", "events[1]: is a list, not a mapping"},
		{"null document", "~\n", "is empty, not a mapping"},
		{"bare document marker", "---\n", "is empty, not a mapping"},
		{"UTF-16 byte order mark", "\xff\xfeissuer", "not valid UTF-8"},
		{"key that is a list", "[a]: 1\n", "a key is a list, not a name"},
		{"key with a newline", "\"a\\nb\": 1\n", `"a\nb": unknown field`},
		{"merge key", "issuer: &i {name: X}\nterms:\n  <<: *i\n", `terms."<<": unknown field`},
		{"huge integer", strings.Replace(tcMinimal(t), "  series:", "  share_decimals: 99999999999999999999999\n  series:", 1), "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tcDecode(t, tt.src)
			var ie *compute.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want an input error with %q", err, tt.want)
			}
		})
	}
}

type tcFailingReader struct{}

func (tcFailingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestDecodeCase_ReadErrorIsNotInputError(t *testing.T) {
	_, err := Decode("case.yaml", tcFailingReader{})
	if err == nil || errors.Is(err, compute.ErrInvalid) || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the read error, not an input error", err)
	}
}
