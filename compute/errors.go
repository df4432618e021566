package compute

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is the sentinel every input error wraps: callers test for it with
// errors.Is to tell bad input (exit code 3) from a failure to compute.
var ErrInvalid = errors.New("invalid input")

// InputError is a problem with the input, located as precisely as the input
// allows: a file and a line (YAML/JSON) or row (CSV), the field, what was wrong
// and what is allowed. Its message is one line. An error in the input of a
// computation (ExerciseInput, NoticeInput) has no file, line or row and names
// the field in snake case ("shares", "market_value"); a command line maps it
// to the flag that set it.
type InputError struct {
	File    string // path or name of the input; empty for flags
	Line    int    // 1-based line in a YAML/JSON file; 0 if unknown
	Row     int    // 1-based data row in a CSV register (header is row 0); 0 if n/a
	Field   string // dotted path such as "terms.share_decimals" or "events[3].ratio", or an input field such as "shares"
	Problem string // what was wrong, lower case, no trailing period
	Allowed string // what is allowed; empty when the problem says it all
}

func (e *InputError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		switch {
		case e.Row > 0:
			fmt.Fprintf(&b, ": row %d", e.Row)
		case e.Line > 0:
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(oneLine(e.Problem))
	if e.Allowed != "" {
		b.WriteString(" (allowed: ")
		b.WriteString(oneLine(e.Allowed))
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap lets errors.Is(err, ErrInvalid) hold for every InputError.
func (e *InputError) Unwrap() error { return ErrInvalid }

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
