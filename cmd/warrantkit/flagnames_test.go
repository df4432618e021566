package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

func TestWithFlagNames(t *testing.T) {
	cases := []struct {
		name string
		in   *compute.InputError
		want string
	}{
		{"a computation's field", &compute.InputError{Field: "shares", Problem: "0 is not positive"}, "--shares: 0 is not positive"},
		{"renamed field", &compute.InputError{Field: "exercise_date", Problem: "too early"}, "--date: too early"},
		{"a field asked for with it", &compute.InputError{Field: "outstanding", Problem: "missing", Allowed: "a positive number of shares, with owned"},
			"--outstanding: missing (allowed: a positive number of shares, with --owned)"},
		{"a case file's field", &compute.InputError{File: "case.yaml", Line: 3, Field: "shares", Problem: "bad"}, "case.yaml:3: shares: bad"},
		{"a register's column", &compute.InputError{File: "r.csv", Row: 2, Field: "shares", Problem: "bad"}, "r.csv: row 2: shares: bad"},
		{"the calendar's date", &compute.InputError{Field: "date", Problem: "2036-01-01 is outside the trading-day calendar"}, "date: 2036-01-01 is outside the trading-day calendar"},
		{"already a flag", &compute.InputError{Field: "--warrant", Problem: "no warrant"}, "--warrant: no warrant"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := withFlagNames(fmt.Errorf("wrapped: %w", c.in))
			var ie *compute.InputError
			if !errors.As(err, &ie) || ie.Error() != c.want {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}
