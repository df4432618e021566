package main

import (
	"errors"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// flagOf maps the input fields compute's errors name (the fields of
// compute.ExerciseInput and compute.NoticeInput, in snake case) to the flags
// that set them, so the command line reports the flag the user typed.
var flagOf = map[string]string{
	"exercise_date":   "--date",
	"shares":          "--shares",
	"method":          "--method",
	"cashless_shares": "--cashless-shares",
	"market_value":    "--market-value",
	"owned":           "--owned",
	"outstanding":     "--outstanding",
	"kind":            "--kind",
	"record_date":     "--record-date",
	"sent":            "--send",
	"via":             "--via",
}

// withFlagNames renames, in an input error of a computation's input (one
// with no file, line or row: case-file and register errors keep their
// fields), the field to its flag, and a field the allowed text asks for
// "with" it ("a positive number of shares, with owned") likewise.
func withFlagNames(err error) error {
	var ie *compute.InputError
	if !errors.As(err, &ie) || ie.File != "" || ie.Line != 0 || ie.Row != 0 {
		return err
	}
	flag, ok := flagOf[ie.Field]
	if !ok {
		return err
	}
	ie.Field = flag
	if before, field, found := strings.Cut(ie.Allowed, ", with "); found && flagOf[field] != "" {
		ie.Allowed = before + ", with " + flagOf[field]
	}
	return err
}
