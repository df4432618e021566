// Command warrantkit computes the adjustments, exercises and notice deadlines
// of stock purchase warrants of the Glowpoint 2005 family, exactly.
//
// main only parses the subcommand and maps errors to exit codes: 0 success,
// 1 the computation could not be produced, 2 usage, 3 invalid input; 130 or
// 143 when SIGINT or SIGTERM stopped it (128 + the signal's number).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // the Warrant's time zone must load on machines without zoneinfo

	"github.com/warrantkit/warrantkit/internal/stop"
)

// version is the tool's version, stamped into manifests; set with -ldflags.
var version = "0.1.0-dev"

func main() {
	ctx, release := stop.OnSignal(context.Background())
	code := Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	release()
	os.Exit(code)
}

// Main runs warrantkit with args (without the program name) and returns the
// exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	err := run(ctx, env, args)
	if errors.Is(err, errHelp) {
		return exitOK
	}
	return report(env, err)
}

// Env is what a subcommand may touch of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	JSONErrors     bool // errors go to stderr as JSON (--json)
	Getenv         func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

var commands = []command{
	{"adjust", "compute every adjustment of every warrant in a case (§4, §5)", runAdjust},
	{"register", "list the warrants outstanding at a date: number, holder, share number, price (CSV, JSON or a table)", runRegister},
	{"exercise", "compute an exercise: shares issued, cash, the §7 cap, delivery (§2, §6, §7)", runExercise},
	{"notice", "compute the §9 notice deadline and when a notice is deemed given (§12)", runNotice},
	{"assign", "transfer a warrant in whole or in part: the Assignment and the new warrants (§2(e))", runAssign},
	{"exchange", "exchange a warrant for new warrants of the same aggregate shares (§2(e)), recorded in the ledger", runExchange},
	{"replace", "replace a lost, stolen, destroyed or mutilated warrant (§3(d)), recorded in the ledger", runReplace},
	{"form", "write a form of the Warrant, filled for a warrant or blank", runForm},
	{"reissue", "re-issue every warrant of a register after an adjustment, with certificates, records and a manifest", runReissue},
	{"ocf", "import warrants from an Open Cap Table Format export, export a reissue as OCF transactions", runOCF},
	{"verify", "recompute a reissue's documents from its manifest and check every hash", runVerify},
	{"sample-register", "write a synthetic register for trials and benchmarks", runSampleRegister},
	{"bench", "measure reissue on a synthetic register beside the raw fpdf floor", runBench},
}

func run(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usageErrorf("missing command (run warrantkit --help)")
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(env.Stdout)
		return nil
	case "--version", "version":
		fmt.Fprintln(env.Stdout, "warrantkit", version)
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	return usageErrorf("unknown command %q (run warrantkit --help)", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: warrantkit COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run warrantkit COMMAND --help for a command's flags.")
	fmt.Fprintln(w, "Exit codes: 0 success, 1 failure, 2 usage error, 3 invalid input,")
	fmt.Fprintln(w, "130 or 143 stopped by SIGINT (Ctrl-C) or SIGTERM.")
	fmt.Fprintln(w, "The case file, the register, the JSON outputs and the interpretation choices are described in README.md.")
}
