package compute

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// calDate parses a YYYY-MM-DD literal of the tests.
func calDate(s string) Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return DateOf(t)
}

// weekdayClosures lists the weekdays of year y that are not Trading Days.
func weekdayClosures(t *testing.T, y int) []string {
	t.Helper()
	var out []string
	for day := (Date{y, time.January, 1}); day.Year == y; day = day.AddDays(1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		open, err := IsTradingDay(day)
		if err != nil {
			t.Fatalf("IsTradingDay(%s): %v", day, err)
		}
		if !open {
			out = append(out, day.String())
		}
	}
	return out
}

// TestNYSEClosures checks every full-day closure of some whole years,
// worked out by hand from the NYSE rules.
func TestNYSEClosures(t *testing.T) {
	want := map[int][]string{
		// 1 Jan is a Saturday: no closure on Friday 2004-12-31 or in 2005.
		// Christmas on Sunday → Monday 26 Dec.
		2005: {"2005-01-17", "2005-02-21", "2005-03-25", "2005-05-30", "2005-07-04",
			"2005-09-05", "2005-11-24", "2005-12-26"},
		// 2 Jan: national day of mourning for President Ford.
		2007: {"2007-01-01", "2007-01-02", "2007-01-15", "2007-02-19", "2007-04-06",
			"2007-05-28", "2007-07-04", "2007-09-03", "2007-11-22", "2007-12-25"},
		// Good Friday in March.
		2008: {"2008-01-01", "2008-01-21", "2008-02-18", "2008-03-21", "2008-05-26",
			"2008-07-04", "2008-09-01", "2008-11-27", "2008-12-25"},
		// July 4 on Sunday → Monday 5 July; Christmas on Saturday → Friday
		// 24 Dec; New Year 2011 on Saturday: Friday 31 Dec is open.
		2010: {"2010-01-01", "2010-01-18", "2010-02-15", "2010-04-02", "2010-05-31",
			"2010-07-05", "2010-09-06", "2010-11-25", "2010-12-24"},
		// New Year on Sunday → Monday 2 Jan; Hurricane Sandy 29–30 Oct.
		2012: {"2012-01-02", "2012-01-16", "2012-02-20", "2012-04-06", "2012-05-28",
			"2012-07-04", "2012-09-03", "2012-10-29", "2012-10-30", "2012-11-22",
			"2012-12-25"},
		// No Juneteenth yet (the federal holiday was observed Friday
		// 2021-06-18; the Exchange was open). New Year 2022 is a Saturday:
		// Friday 2021-12-31 is open.
		2021: {"2021-01-01", "2021-01-18", "2021-02-15", "2021-04-02", "2021-05-31",
			"2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24"},
		// First Juneteenth, Sunday → Monday 20 June.
		2022: {"2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20",
			"2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"},
		// 9 Jan: national day of mourning for President Carter.
		2025: {"2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18",
			"2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27",
			"2025-12-25"},
	}
	for y, w := range want {
		if got := weekdayClosures(t, y); !slices.Equal(got, w) {
			t.Errorf("%d closures\n got %v\nwant %v", y, got, w)
		}
	}
}

func TestUnscheduledClosures(t *testing.T) {
	for _, s := range []string{"2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14",
		"2004-06-11", "2007-01-02", "2012-10-29", "2012-10-30", "2018-12-05", "2025-01-09"} {
		if open, err := IsTradingDay(calDate(s)); err != nil || open {
			t.Errorf("IsTradingDay(%s) = %v, %v; want false, nil", s, open, err)
		}
	}
	// The days around them were sessions.
	for _, s := range []string{"2001-09-10", "2001-09-17", "2004-06-10", "2004-06-14",
		"2007-01-03", "2012-10-26", "2012-10-31", "2018-12-04", "2018-12-06",
		"2025-01-08", "2025-01-10"} {
		if open, err := IsTradingDay(calDate(s)); err != nil || !open {
			t.Errorf("IsTradingDay(%s) = %v, %v; want true, nil", s, open, err)
		}
	}
}

// TestTradingDayCounts checks the number of NYSE sessions per year.
func TestTradingDayCounts(t *testing.T) {
	want := map[int]int{
		2000: 252, 2001: 248, 2002: 252, 2003: 252, 2004: 252,
		2005: 252, 2006: 251, 2007: 251, 2008: 253, 2009: 252,
		2010: 252, 2011: 252, 2012: 250, 2013: 252, 2014: 252,
		2015: 252, 2016: 252, 2017: 251, 2018: 251, 2019: 252,
		2020: 253, 2021: 252, 2022: 251, 2023: 250, 2024: 252,
	}
	for y, w := range want {
		got := 0
		for day := (Date{y, time.January, 1}); day.Year == y; day = day.AddDays(1) {
			open, err := IsTradingDay(day)
			if err != nil {
				t.Fatal(err)
			}
			if open {
				got++
			}
		}
		if got != w {
			t.Errorf("%d: %d trading days, want %d", y, got, w)
		}
	}
}

// TestAgainstIndependentRules recomputes every closure of 2000–2035 from the
// NYSE rules without rickar/cal and compares day by day.
func TestAgainstIndependentRules(t *testing.T) {
	unscheduled := map[Date]bool{}
	for _, u := range nyseUnscheduled {
		unscheduled[u] = true
	}
	closed := func(day Date) bool {
		y := day.Year
		wd := day.Weekday()
		if wd == time.Saturday || wd == time.Sunday || unscheduled[day] {
			return true
		}
		// nth weekday wd of month m (n < 0: last).
		nth := func(m time.Month, w time.Weekday, n int) Date {
			if n < 0 {
				last := Date{y, m + 1, 1}.AddDays(-1)
				for last.Weekday() != w {
					last = last.AddDays(-1)
				}
				return last
			}
			first := Date{y, m, 1}
			for first.Weekday() != w {
				first = first.AddDays(1)
			}
			return first.AddDays(7 * (n - 1))
		}
		// fixed holiday observed Sat→Fri (if satToFri) and Sun→Mon.
		fixed := func(m time.Month, dd int, satToFri bool) bool {
			h := Date{y, m, dd}
			switch h.Weekday() {
			case time.Saturday:
				return satToFri && day == h.AddDays(-1)
			case time.Sunday:
				return day == h.AddDays(1)
			}
			return day == h
		}
		// Anonymous Gregorian algorithm for Easter Sunday.
		a, b, c := y%19, y/100, y%100
		dd, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		h := (19*a + b - dd - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - h - k) % 7
		mm := (a + 11*h + 22*l) / 451
		easter := Date{y, time.Month((h + l - 7*mm + 114) / 31), (h+l-7*mm+114)%31 + 1}

		switch {
		case fixed(time.January, 1, false),
			day == nth(time.January, time.Monday, 3),
			day == nth(time.February, time.Monday, 3),
			day == easter.AddDays(-2),
			day == nth(time.May, time.Monday, -1),
			y >= 2022 && fixed(time.June, 19, true),
			fixed(time.July, 4, true),
			day == nth(time.September, time.Monday, 1),
			day == nth(time.November, time.Thursday, 4),
			fixed(time.December, 25, true):
			return true
		}
		return false
	}
	for day := calendarFirst; !day.After(calendarLast); day = day.AddDays(1) {
		open, err := IsTradingDay(day)
		if err != nil {
			t.Fatal(err)
		}
		if open == closed(day) {
			t.Errorf("%s (%s): IsTradingDay = %v, rules say closed = %v", day, day.Weekday(), open, closed(day))
		}
	}
}

func TestCalendarRangeErrors(t *testing.T) {
	for _, day := range []Date{calDate("1999-12-31"), calDate("2036-01-01"), {}, {2005, time.February, 30}, {2010, 13, 1}} {
		_, err := IsTradingDay(day)
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, ErrInvalid) {
			t.Errorf("IsTradingDay(%v): error %v, want an *InputError", day, err)
			continue
		}
		if ie.Field != "date" {
			t.Errorf("IsTradingDay(%v): field %q", day, ie.Field)
		}
	}
	_, err := IsTradingDay(calDate("2036-01-01"))
	if got, want := err.Error(), "date: 2036-01-01 is outside the trading-day calendar (allowed: 2000-01-01 to 2035-12-31)"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	for _, s := range []string{"2000-01-01", "2035-12-31"} {
		if _, err := IsTradingDay(calDate(s)); err != nil {
			t.Errorf("IsTradingDay(%s): %v", s, err)
		}
	}
	if got, err := AddTradingDays(calDate("2035-12-28"), 1); err != nil || got != calDate("2035-12-31") {
		t.Errorf("AddTradingDays(2035-12-28, 1) = %v, %v", got, err)
	}
	for _, c := range []struct {
		from string
		n    int
	}{{"2035-12-31", 1}, {"2035-12-28", 2}, {"1999-12-31", 1}, {"2010-01-04", 0}, {"2010-01-04", -1}, {"2000-01-03", int(^uint(0) >> 1)}} {
		if got, err := AddTradingDays(calDate(c.from), c.n); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddTradingDays(%s, %d) = %v, %v; want an input error", c.from, c.n, got, err)
		}
	}
	if _, err := NextTradingDay(calDate("2035-12-31")); !errors.Is(err, ErrInvalid) {
		t.Errorf("NextTradingDay(2035-12-31): %v", err)
	}
}

func TestAddTradingDays(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2007-06-01", 3, "2007-06-06"}, // Friday + weekend
		{"2008-12-23", 3, "2008-12-29"}, // Dec 25 closed
		{"2008-12-27", 1, "2008-12-29"}, // from a Saturday
		{"2001-09-10", 1, "2001-09-17"}, // across the September 11 closures
		{"2021-12-30", 1, "2021-12-31"}, // New Year 2022 on Saturday: 31 Dec open
		{"2022-06-17", 1, "2022-06-21"}, // Juneteenth observed Monday
		{"2021-06-17", 1, "2021-06-18"}, // no Juneteenth closure in 2021
		{"2000-01-01", 1, "2000-01-03"},
		{"2008-01-02", 253, "2009-01-02"}, // a whole year of sessions
	} {
		got, err := AddTradingDays(calDate(c.from), c.n)
		if err != nil || got != calDate(c.want) {
			t.Errorf("AddTradingDays(%s, %d) = %v, %v; want %s", c.from, c.n, got, err, c.want)
		}
	}
	if got, err := NextTradingDay(calDate("2010-12-23")); err != nil || got != calDate("2010-12-27") {
		t.Errorf("NextTradingDay(2010-12-23) = %v, %v; want 2010-12-27", got, err)
	}
}

// TestAddTradingDaysProperty: adding a then b Trading Days is adding a+b, and
// the result is always a Trading Day after the start.
func TestAddTradingDaysProperty(t *testing.T) {
	total := dayCount(calendarFirst, calendarLast)
	rapid.Check(t, func(t *rapid.T) {
		start := calendarFirst.AddDays(rapid.IntRange(0, total).Draw(t, "day"))
		a := rapid.IntRange(1, 600).Draw(t, "a")
		b := rapid.IntRange(1, 600).Draw(t, "b")
		whole, errWhole := AddTradingDays(start, a+b)
		mid, errA := AddTradingDays(start, a)
		var parts Date
		errB := errA
		if errA == nil {
			parts, errB = AddTradingDays(mid, b)
		}
		if (errWhole == nil) != (errB == nil) {
			t.Fatalf("errors differ: %v vs %v", errWhole, errB)
		}
		if errWhole != nil {
			return
		}
		if whole != parts {
			t.Fatalf("AddTradingDays(%s, %d) = %s, but in two steps %s", start, a+b, whole, parts)
		}
		if open, err := IsTradingDay(whole); err != nil || !open {
			t.Fatalf("%s is not a trading day (%v)", whole, err)
		}
		if !whole.After(start) {
			t.Fatalf("%s is not after %s", whole, start)
		}
		if next, err := NextTradingDay(start); err != nil || next.After(mid) {
			t.Fatalf("NextTradingDay(%s) = %s, %v; after the %d-th %s", start, next, err, a, mid)
		}
	})
}

func TestCalendarConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got, err := AddTradingDays(calDate("2008-12-23"), 3); err != nil || got != calDate("2008-12-29") {
				t.Errorf("AddTradingDays = %v, %v", got, err)
			}
		})
	}
	wg.Wait()
}

func BenchmarkAddTradingDays(b *testing.B) {
	start := calDate("2008-06-25")
	for b.Loop() {
		if _, err := AddTradingDays(start, 3); err != nil {
			b.Fatal(err)
		}
	}
}
