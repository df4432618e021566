package casefile

import (
	"fmt"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// termsKeys are the keys of terms, termsRequired those that must be given.
var (
	termsKeys = []string{"series", "original_issue_date", "exercise_start", "expiration", "time_zone",
		"initial_warrant_price", "market_value_at_issue", "ownership_cap_percent", "cap_waiver_days",
		"notice_lead_days", "delivery_trading_days", "share_decimals", "price_decimals",
		"defer_small_adjustments", "deferral_threshold_percent", "dilution_adjusts_shares",
		"floor_adjusts_for_splits", "cap_counts_new_shares"}
	termsRequired = []string{"series", "original_issue_date", "exercise_start", "expiration",
		"initial_warrant_price", "market_value_at_issue"}
)

// Expiration layouts: a wall time in terms.time_zone. A bare date means
// 17:00:00 that day, the close of business the Warrant speaks of (§1: "5:00
// p.m., New York time").
const (
	expirationLayoutSeconds = "2006-01-02T15:04:05"
	expirationLayoutMinutes = "2006-01-02T15:04"
	expirationBareDateHour  = 17
)

var seriesPattern = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

// Bounds on the integer terms. The upper bounds are not the Warrant's; they
// keep date arithmetic sane and catch a misplaced digit.
const (
	maxCalendarDays = 3660 // ten years
	maxTradingDays  = 260  // about a year
)

// hundred bounds terms.ownership_cap_percent.
var hundred = decimal.NewFromInt(100)

// decodeTerms decodes terms: the dates first, then the whole-number terms
// (share_decimals and price_decimals among them, which the prices are
// checked against), the prices and the switches. A term left out keeps the
// Warrant's default (compute.DefaultTerms).
func (d *caseDecoder) decodeTerms(top mapFields) (compute.Terms, error) {
	t := compute.DefaultTerms()
	f, err := d.sub(top, "terms", termsKeys)
	if err != nil {
		return t, err
	}
	if err := f.require(d, termsRequired...); err != nil {
		return t, err
	}
	for _, part := range []func(mapFields, *compute.Terms) error{
		d.termsSeriesAndDates, d.termsWholeNumbers, d.termsPrices, d.termsSwitches,
	} {
		if err := part(f, &t); err != nil {
			return t, err
		}
	}
	return t, nil
}

// termsSeriesAndDates decodes the series, the Original Issue Date, the first
// day of exercise and the expiration, a wall time in the time zone.
func (d *caseDecoder) termsSeriesAndDates(f mapFields, t *compute.Terms) error {
	var err error
	sn := f.get("series")
	if t.Series, err = d.str(sn, "terms.series"); err != nil {
		return err
	}
	if !seriesPattern.MatchString(t.Series) {
		return d.fail(sn, "terms.series", fmt.Sprintf("%q is not a series name", t.Series), "letters, digits and hyphens, such as W-F-05")
	}
	if t.OriginalIssueDate, err = d.date(f.get("original_issue_date"), "terms.original_issue_date"); err != nil {
		return err
	}
	es := f.get("exercise_start")
	if t.ExerciseStart, err = d.date(es, "terms.exercise_start"); err != nil {
		return err
	}
	if t.ExerciseStart.Before(t.OriginalIssueDate) {
		return d.fail(es, "terms.exercise_start", fmt.Sprintf("%s is before the original_issue_date %s", t.ExerciseStart, t.OriginalIssueDate), "a date on or after the original_issue_date")
	}
	if tz := f.get("time_zone"); tz != nil {
		if t.TimeZone, err = d.str(tz, "terms.time_zone"); err != nil {
			return err
		}
	}
	if t.Location, err = d.location(f.get("time_zone"), t.TimeZone); err != nil {
		return err
	}
	exp := f.get("expiration")
	if t.Expiration, err = d.expiration(exp, t.Location); err != nil {
		return err
	}
	if !t.Expiration.After(t.ExerciseStart.In(t.Location, 0, 0, 0)) {
		return d.fail(exp, "terms.expiration", fmt.Sprintf("%s is not after the exercise_start %s", t.Expiration.Format(expirationLayoutSeconds), t.ExerciseStart), "a time after the start of the exercise_start day")
	}
	return nil
}

// termsWholeNumbers decodes the terms counted in days and decimals.
func (d *caseDecoder) termsWholeNumbers(f mapFields, t *compute.Terms) error {
	ints := []struct {
		key      string
		min, max int
		dst      *int
	}{
		{"cap_waiver_days", 0, maxCalendarDays, &t.CapWaiverDays},
		{"notice_lead_days", 0, maxCalendarDays, &t.NoticeLeadDays},
		{"delivery_trading_days", 1, maxTradingDays, &t.DeliveryTradingDays},
	}
	var err error
	for _, it := range ints {
		if n := f.get(it.key); n != nil {
			if *it.dst, err = d.integer(n, "terms."+it.key, it.min, it.max); err != nil {
				return err
			}
		}
	}
	if n := f.get("share_decimals"); n != nil {
		v, err := d.integer(n, "terms.share_decimals", 0, 8)
		if err != nil {
			return err
		}
		t.ShareDecimals = int32(v)
	}
	if n := f.get("price_decimals"); n != nil {
		v, err := d.integer(n, "terms.price_decimals", 2, 10)
		if err != nil {
			return err
		}
		t.PriceDecimals = int32(v)
	}
	return nil
}

// termsPrices decodes the Warrant Price at issue, the Per Share Market Value
// at issue (the floor) and the percentages of the cap and of deferral.
func (d *caseDecoder) termsPrices(f mapFields, t *compute.Terms) error {
	var err error
	if t.InitialWarrantPrice, err = d.places(f.get("initial_warrant_price"), "terms.initial_warrant_price", t.PriceDecimals, "terms.price_decimals"); err != nil {
		return err
	}
	// A market value may be given in any form of SPEC §2.4 wherever one is
	// asked for; the floor keeps only the value.
	mv, err := d.marketValue(f.get("market_value_at_issue"), "terms.market_value_at_issue", t.PriceDecimals)
	if err != nil {
		return err
	}
	t.MarketValueAtIssue = mv.Value
	if n := f.get("ownership_cap_percent"); n != nil {
		if t.OwnershipCapPercent, err = d.decimal(n, "terms.ownership_cap_percent"); err != nil {
			return err
		}
		if t.OwnershipCapPercent.Sign() <= 0 || t.OwnershipCapPercent.Cmp(hundred) >= 0 {
			return d.fail(n, "terms.ownership_cap_percent", fmt.Sprintf("%s is out of range", decimalText(t.OwnershipCapPercent)), "more than 0 and less than 100")
		}
	}
	if n := f.get("deferral_threshold_percent"); n != nil {
		if t.DeferralThresholdPercent, err = d.positive(n, "terms.deferral_threshold_percent"); err != nil {
			return err
		}
	}
	return nil
}

// termsSwitches decodes the interpretation switches.
func (d *caseDecoder) termsSwitches(f mapFields, t *compute.Terms) error {
	bools := []struct {
		key string
		dst *bool
	}{
		{"defer_small_adjustments", &t.DeferSmallAdjustments},
		{"dilution_adjusts_shares", &t.DilutionAdjustsShares},
		{"floor_adjusts_for_splits", &t.FloorAdjustsForSplits},
		{"cap_counts_new_shares", &t.CapCountsNewShares},
	}
	var err error
	for _, b := range bools {
		if n := f.get(b.key); n != nil {
			if *b.dst, err = d.boolean(n, "terms."+b.key); err != nil {
				return err
			}
		}
	}
	return nil
}

// location loads the IANA zone name; n is the time_zone node, nil when the
// default applies.
func (d *caseDecoder) location(n *yaml.Node, name string) (*time.Location, error) {
	const allowed = "an IANA time zone name such as America/New_York"
	if name == "" || name == "Local" {
		// "" and "Local" would make the expiration depend on the machine.
		return nil, d.fail(n, "terms.time_zone", fmt.Sprintf("%q is not a time zone name", name), allowed)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, d.fail(n, "terms.time_zone", fmt.Sprintf("unknown time zone %q", name), allowed)
	}
	return loc, nil
}

// expiration parses terms.expiration as a wall time in loc.
func (d *caseDecoder) expiration(n *yaml.Node, loc *time.Location) (time.Time, error) {
	s, err := d.str(n, "terms.expiration")
	if err != nil {
		return time.Time{}, err
	}
	var layout string
	switch len(s) {
	case len(expirationLayoutSeconds):
		layout = expirationLayoutSeconds
	case len(expirationLayoutMinutes):
		layout = expirationLayoutMinutes
	case len(time.DateOnly):
		layout = time.DateOnly
	}
	if layout != "" {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			if layout == time.DateOnly {
				t = compute.DateOf(t).In(loc, expirationBareDateHour, 0, 0)
			}
			if p := dateRangeProblem(compute.DateOf(t)); p != "" {
				return time.Time{}, d.fail(n, "terms.expiration", p, dateRangeAllowed)
			}
			return t, nil
		}
	}
	return time.Time{}, d.fail(n, "terms.expiration", fmt.Sprintf("%q is not a wall time", s),
		"YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM in terms.time_zone, no offset; a bare YYYY-MM-DD means 17:00:00")
}
