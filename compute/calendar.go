package compute

// §8 Trading Day — the sessions of the New York Stock Exchange, from 2000
// to 2035.

import (
	"fmt"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/us"
)

// Trading Days (SPEC §3.12) are the sessions of the New York Stock Exchange:
// every weekday that is not an exchange holiday and not one of the unscheduled
// closures below. The calendar is known for calendarFirst..calendarLast only;
// a date outside that range is an error, never a guess.
//
// The holidays come from github.com/rickar/cal/v2, which has no NYSE calendar,
// so the US federal definitions are adjusted where the Exchange differs:
//
//   - New Year's Day: us.NewYear moves a Saturday holiday to Friday 31
//     December of the year before; the Exchange does not close then (NYSE Rule
//     7.2: no Friday closure for a Saturday holiday at the end of an
//     accounting period). Only Sunday → Monday is kept.
//   - Juneteenth: us.Juneteenth starts in 2021 (observed Friday 2021-06-18);
//     the Exchange first closed for it in 2022.
//   - Good Friday is not a federal holiday; it comes from the aa package.
//   - Columbus Day and Veterans Day (in us.Holidays) are not Exchange
//     holidays and are left out.
//
// Independence Day and Christmas keep the federal Saturday → Friday and
// Sunday → Monday rule, which the Exchange follows.
var (
	calendarFirst = Date{2000, time.January, 1}
	calendarLast  = Date{2035, time.December, 31}
)

// calendarRange is the Allowed text of every out-of-range error.
const calendarRange = "2000-01-01 to 2035-12-31"

// nyseNewYear is New Year's Day observed only Sunday → Monday.
var nyseNewYear = us.NewYear.Clone(&cal.Holiday{
	Observed: []cal.AltDay{{Day: time.Sunday, Offset: 1}},
})

// nyseJuneteenth is Juneteenth from 2022, observed Saturday → Friday and
// Sunday → Monday.
var nyseJuneteenth = us.Juneteenth.Clone(&cal.Holiday{StartYear: 2022})

// nyseHolidays are the Exchange's scheduled full-day holidays.
var nyseHolidays = []*cal.Holiday{
	nyseNewYear,
	us.MlkDay,
	us.PresidentsDay, // Washington's Birthday
	aa.GoodFriday,
	us.MemorialDay,
	nyseJuneteenth,
	us.IndependenceDay,
	us.LaborDay,
	us.ThanksgivingDay,
	us.ChristmasDay,
}

// nyseUnscheduled are the full-day closures the Exchange did not schedule in
// advance: the September 11 attacks, the national days of mourning for
// Presidents Reagan, Ford, G. H. W. Bush and Carter, and Hurricane Sandy.
var nyseUnscheduled = []Date{
	{2001, time.September, 11},
	{2001, time.September, 12},
	{2001, time.September, 13},
	{2001, time.September, 14},
	{2004, time.June, 11},
	{2007, time.January, 2},
	{2012, time.October, 29},
	{2012, time.October, 30},
	{2018, time.December, 5},
	{2025, time.January, 9},
}

// tradingCalendar holds the Trading Days of the whole range, indexed by the
// number of days since calendarFirst.
type tradingCalendar struct {
	open []uint64 // bit i set: day i is a Trading Day
	rank []uint16 // rank[i]: Trading Days among days 0..i
	days []uint16 // days[k]: index of the (k+1)-th Trading Day
}

// nyse is the calendar, built on first use; after that it is only read, so
// it is safe for concurrent use.
var nyse = sync.OnceValue(buildTradingCalendar)

func buildTradingCalendar() *tradingCalendar {
	n := dayCount(calendarFirst, calendarLast) + 1
	closed := make([]bool, n)
	mark := func(d Date) {
		if i := dayCount(calendarFirst, d); i >= 0 && i < n {
			closed[i] = true
		}
	}
	// A neighbouring year's holiday may be observed inside the range, so
	// compute one year either side.
	for y := calendarFirst.Year - 1; y <= calendarLast.Year+1; y++ {
		for _, h := range nyseHolidays {
			_, observed := h.Calc(y)
			if observed.IsZero() {
				continue
			}
			// rickar/cal returns midnight in cal.DefaultLoc (time.Local);
			// only the calendar date is used, so the result does not depend
			// on the machine's zone.
			mark(DateOf(observed))
		}
	}
	for _, d := range nyseUnscheduled {
		mark(d)
	}

	c := &tradingCalendar{
		open: make([]uint64, (n+63)/64),
		rank: make([]uint16, n),
	}
	count := 0
	for i := range n {
		wd := calendarFirst.AddDays(i).Weekday()
		if wd != time.Saturday && wd != time.Sunday && !closed[i] {
			c.open[i/64] |= 1 << (i % 64)
			c.days = append(c.days, uint16(i))
			count++
		}
		c.rank[i] = uint16(count)
	}
	return c
}

// dayCount is the number of calendar days from a to b (negative if b is
// before a).
func dayCount(a, b Date) int {
	return int(b.Time().Sub(a.Time()) / (24 * time.Hour))
}

// calendarIndex is d's index in the calendar, or an error if d is not a real
// date or lies outside the range.
func calendarIndex(d Date) (int, error) {
	if DateOf(d.Time()) != d { // such as 2005-02-30, which Time would roll over
		return 0, &InputError{Field: "date", Problem: fmt.Sprintf("%s is not a date", d)}
	}
	if d.Before(calendarFirst) || d.After(calendarLast) {
		return 0, &InputError{
			Field:   "date",
			Problem: fmt.Sprintf("%s is outside the trading-day calendar", d),
			Allowed: calendarRange,
		}
	}
	return dayCount(calendarFirst, d), nil
}

// IsTradingDay reports whether d is a Trading Day: a day the New York Stock
// Exchange was (or is scheduled to be) open. A date outside 2000–2035 is an
// *InputError. §8: "Trading Day" means "(a) a day on which the Common Stock
// is traded on Nasdaq, or (b) if the Common Stock is not listed on Nasdaq, a
// day on which the Common Stock is traded on any other registered national
// stock exchange [...]".
func IsTradingDay(d Date) (bool, error) {
	i, err := calendarIndex(d)
	if err != nil {
		return false, err
	}
	return nyse().open[i/64]&(1<<(i%64)) != 0, nil
}

// AddTradingDays is the n-th Trading Day after d, for n ≥ 1; d itself need
// not be a Trading Day. It is an *InputError when d or the result lies outside
// 2000–2035, or n < 1.
func AddTradingDays(d Date, n int) (Date, error) {
	i, err := calendarIndex(d)
	if err != nil {
		return Date{}, err
	}
	if n < 1 {
		return Date{}, &InputError{
			Field:   "trading days",
			Problem: fmt.Sprintf("%d is not a positive number of trading days", n),
			Allowed: "1 or more",
		}
	}
	c := nyse()
	// The Trading Days after day i are days[rank[i]], days[rank[i]+1], …
	k := int(c.rank[i])
	if n > len(c.days)-k {
		what := fmt.Sprintf("%d trading days", n)
		if n == 1 {
			what = "the trading day"
		}
		return Date{}, &InputError{
			Field:   "date",
			Problem: fmt.Sprintf("%s after %s is past the end of the trading-day calendar", what, d),
			Allowed: calendarRange,
		}
	}
	return calendarFirst.AddDays(int(c.days[k+n-1])), nil
}

// NextTradingDay is the first Trading Day strictly after d.
func NextTradingDay(d Date) (Date, error) { return AddTradingDays(d, 1) }
