package main

import (
	"errors"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// flagOf maps the input fields the errors of compute and books name (the
// fields of their inputs and options, in snake case) to the flags that set
// them, so the command line reports the flag the user typed.
var flagOf = map[string]string{
	"exercise_date":      "--date",
	"assignment_date":    "--date",
	"reissue_date":       "--date",
	"shares":             "--shares",
	"method":             "--method",
	"cashless_shares":    "--cashless-shares",
	"market_value":       "--market-value",
	"owned":              "--owned",
	"outstanding":        "--outstanding",
	"waiver_notice":      "--waiver-notice",
	"kind":               "--kind",
	"record_date":        "--record-date",
	"participation_date": "--participation-date",
	"sent":               "--send",
	"via":                "--via",
	"warrant":            "--warrant",
	"first_number":       "--first-number",
	"transaction_date":   "--date",
	"into":               "--into",
	"reason":             "--reason",
	"as_of":              "--as-of",
}

// fileFlagOf maps the options that name a file or a directory (books'
// register, the directory a reissue resumes into) to their flags: their
// errors name the file too.
var fileFlagOf = map[string]string{
	"register": "--register",
	"resume":   "--resume",
}

// withFlagNames renames, in an input error of a computation's input (one
// with no file, line or row: case-file and register errors keep their
// fields), the field to its flag, and a field the allowed text asks for
// "with" it ("a positive number of shares, with owned") likewise. An error
// about a file an option named takes the option's flag.
func withFlagNames(err error) error {
	var ie *compute.InputError
	if !errors.As(err, &ie) {
		return err
	}
	if flag, ok := fileFlagOf[ie.Field]; ok && ie.Line == 0 && ie.Row == 0 {
		ie.Field = flag
		return err
	}
	if ie.File != "" || ie.Line != 0 || ie.Row != 0 {
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
