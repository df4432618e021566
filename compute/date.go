package compute

import (
	"fmt"
	"time"
)

// Date is a calendar date with no time of day and no zone, as the Warrant and
// the case file write them (YYYY-MM-DD). The zero Date is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses YYYY-MM-DD and refuses impossible dates such as 2005-02-30
// and dates outside MinDate..MaxDate (a year 0000 is a typing mistake).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date", s)
	}
	d := DateOf(t)
	if !d.InRange() {
		return Date{}, fmt.Errorf("%s is out of range: dates run from %s to %s", d, MinDate, MaxDate)
	}
	return d, nil
}

// Dates lie within MinDate..MaxDate, in the case file and on the command
// line: a year 0000 or 9999 is a typing mistake, and date arithmetic stays
// far from the calendar's ends. (Trading days are known for 2000–2035 only;
// see calendar.go.)
var (
	MinDate = Date{1900, 1, 1}
	MaxDate = Date{2100, 12, 31}
)

// InRange reports whether d lies within MinDate..MaxDate.
func (d Date) InRange() bool { return !d.Before(MinDate) && !d.After(MaxDate) }

// DateOf is the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time is midnight at the start of d in UTC.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// In is the wall time h:m:s on d in loc.
func (d Date) In(loc *time.Location, h, m, s int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, h, m, s, 0, loc)
}

// AddDays is d moved by n calendar days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday is d's day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
