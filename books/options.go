package books

import (
	"fmt"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/templates"
)

// Options are what a command is told besides its inputs.
type Options struct {
	// Tool and Version name the writer in manifests and records (Tool
	// defaults to "warrantkit", the only tool verify and ocf export read).
	Tool, Version string
	// Documents is how documents are made: e-signature tags, embedded
	// data, the creation date and the creator the PDFs name.
	Documents templates.Options
	// Workers render at once (reissue, verify); 0 means 1.
	Workers int
	// FirstNumber is the number of the first new warrant; "" numbers after
	// the highest of the series.
	FirstNumber string
	// Date is the date of a reissue, YYYY-MM-DD; "" is the effective date
	// of the last event.
	Date string
	// Resume finishes a reissue stopped in its output directory.
	Resume bool
	// Record, after a reissue, replaces the case file with the ledger the
	// reissue wrote (SPEC §5.2), if it is still the file the reissue read.
	Record bool
	// Bundle also writes certificates.pdf, every certificate of a reissue
	// in one PDF.
	Bundle bool
	// Progress, if set, is called once per warrant of a reissue, in register
	// order, with the warrants done and their total.
	Progress func(done, total int)
	// TempDir is where verify recomputes a reissue's tables; "" is the
	// system's temporary directory.
	TempDir string
}

func (o Options) tool() string {
	if o.Tool == "" {
		return folder.Tool
	}
	return o.Tool
}

func (o Options) workers() int { return max(1, o.Workers) }

func (o Options) progress(done, total int) {
	if o.Progress != nil {
		o.Progress(done, total)
	}
}

// Stats are what a reissue wrote.
type Stats struct {
	Warrants  int // rows of the register: original warrants, whose lineages are replayed
	Reissued  int // warrants re-issued: those outstanding on the reissue's date
	Done      int // rows whose documents are all written
	Documents int // written, or kept from a stopped run
	Pages     int // of the documents written
	Kept      int // documents a stopped run had written, kept by Resume
}

// Stopped is a reissue canceled (by a signal) after it claimed its
// directory: it says how far it got; the same reissue with Resume finishes
// it. It unwraps to the context's cause.
type Stopped struct {
	Cause       error
	Done, Total int
	Dir         string
}

func (e *Stopped) Error() string {
	return fmt.Sprintf("reissue %v: %d of %d warrants written to %s", e.Cause, e.Done, e.Total, e.Dir)
}

func (e *Stopped) Unwrap() error { return e.Cause }

// OutError is an output path a command cannot write into: it names the
// command, the flag that gave the path, what is wrong and what is allowed.
// It is a mistake in how the command was called, not in its inputs.
type OutError struct {
	Command, Flag, Path string
	Problem, Allowed    string
}

func (e *OutError) Error() string {
	return fmt.Sprintf("%s: %s %s %s (allowed: %s)", e.Command, e.Flag, e.Path, e.Problem, e.Allowed)
}

// UsageError is a mistake in how an operation was asked for (options that
// do not go together), not in its inputs.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }
