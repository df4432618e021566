package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/stop"
)

// Exit codes (SPEC §5).
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitInvalid = 3
)

// usageErrorf is a mistake in how the command was called (exit 2).
func usageErrorf(format string, args ...any) error {
	return &books.UsageError{Msg: fmt.Sprintf(format, args...)}
}

// exitCode maps an error to the exit code of SPEC §5; a command a signal
// stopped exits 128 + the signal's number.
func exitCode(err error) int {
	var oe *books.OutError
	var be *books.UsageError
	var in *stop.Signal
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &in):
		return in.ExitCode()
	case errors.As(err, &oe), errors.As(err, &be):
		return exitUsage
	case errors.Is(err, compute.ErrInvalid):
		return exitInvalid
	}
	return exitFailure
}

// report writes err as one line on stderr (JSON with --json) and returns the
// exit code.
func report(env *Env, err error) int {
	code := exitCode(err)
	if err == nil {
		return code
	}
	err = withFlagNames(err)
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if !env.JSONErrors {
		fmt.Fprintln(env.Stderr, "warrantkit: "+msg)
		return code
	}
	out := struct {
		Error    string `json:"error"`
		ExitCode int    `json:"exit_code"`
		File     string `json:"file,omitempty"`
		Line     int    `json:"line,omitempty"`
		Row      int    `json:"row,omitempty"`
		Field    string `json:"field,omitempty"`
	}{Error: msg, ExitCode: code}
	var ie *compute.InputError
	if errors.As(err, &ie) {
		out.File, out.Line, out.Row, out.Field = ie.File, ie.Line, ie.Row, ie.Field
	}
	b, _ := json.Marshal(out)
	fmt.Fprintln(env.Stderr, string(b))
	return code
}

// newFlags makes a subcommand's FlagSet; parse errors become usage errors.
func newFlags(env *Env, name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: warrantkit %s %s\n\nflags:\n%s", name, synopsis, fs.FlagUsages())
	}
	return fs
}

// parseFlags parses args; --help prints the usage on stdout and returns errHelp.
func parseFlags(env *Env, fs *pflag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(env.Stdout)
	if errors.Is(err, pflag.ErrHelp) {
		fs.Usage()
		return errHelp
	}
	if err != nil {
		return usageErrorf("%s: %v (run warrantkit %s --help)", fs.Name(), err, fs.Name())
	}
	return nil
}

// errHelp ends a command that printed its help; it exits 0.
var errHelp = errors.New("help requested")

// maxJobs is the most workers -j may ask for: more than the cores only
// costs memory (each renders a document at a time).
const maxJobs = 256

// checkJobs refuses a -j outside 1..maxJobs.
func checkJobs(command string, jobs int) error {
	if jobs < 1 || jobs > maxJobs {
		return usageErrorf("%s: -j %d: the number of workers must be between 1 and %d (run warrantkit %s --help)", command, jobs, maxJobs, command)
	}
	return nil
}

// required checks that each named flag was given a value.
func required(fs *pflag.FlagSet, names ...string) error {
	for _, name := range names {
		if f := fs.Lookup(name); f == nil || f.Value.String() == "" {
			return usageErrorf("%s: --%s is required (run warrantkit %s --help)", fs.Name(), name, fs.Name())
		}
	}
	return nil
}
