package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/warrantkit/warrantkit/books"
)

// reissue re-issues every warrant of a register after the case's events
// (SPEC §5.1, books.Reissue).

func runReissue(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "reissue", "CASE --register FILE.csv --out DIR [-j N] [--first-number NUM] [--date D] [--resume] [--record]")
	register := fs.String("register", "", "the register of the original warrants, `CSV` (required)")
	out := fs.String("out", "", "the output `DIR`: must be empty or absent, unless --resume (required)")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "render with `N` workers")
	first := fs.String("first-number", "", "the number of the first new warrant (default: the next free number of the ledger)")
	date := fs.String("date", "", "the date of the re-issue, `YYYY-MM-DD`: what is outstanding at its end is re-issued (default: the last event's or transaction's date)")
	resume := fs.Bool("resume", false, "finish an interrupted reissue into DIR, keeping the files already written")
	record := fs.Bool("record", false, "also replace CASE with the ledger written into DIR (CASE plus this reissue), atomically")
	bundle := fs.Bool("bundle", false, "also write certificates.pdf: every certificate in one print-ready PDF")
	df := newDocFlags(fs, "attach each document's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	path, err := oneArg("reissue", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "register", "out"); err != nil {
		return err
	}
	if err := checkJobs("reissue", *jobs); err != nil {
		return err
	}
	// A non-empty --out is for the claim to judge (a claim to resume, or
	// the leftovers of one stopped before it was made).
	if err := books.CheckOutDir("reissue", "--out", *out, true); err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	opt.Workers, opt.FirstNumber, opt.Date, opt.Resume, opt.Bundle, opt.Record = *jobs, *first, *date, *resume, *bundle, *record
	tuneGC(env)

	start := time.Now()
	bar := newProgress(env)
	opt.Progress = bar.add
	stats, err := books.Reissue(ctx, path, *register, *out, opt)
	bar.finish(err == nil)
	if st := (*books.Stopped)(nil); errors.As(err, &st) {
		return &stopped{st}
	}
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(env.Stderr, "reissued %d warrants: %d documents (%d pages, %d kept from before) in %s — %.0f docs/s, %.0f pages/s → %s\n",
		stats.Reissued, stats.Documents, stats.Pages, stats.Kept, elapsed.Round(time.Millisecond),
		float64(stats.Documents-stats.Kept)/elapsed.Seconds(), float64(stats.Pages)/elapsed.Seconds(), *out)
	return nil
}

// stopped is a reissue a signal stopped: it says how to finish it.
type stopped struct{ *books.Stopped }

func (e *stopped) Error() string {
	return e.Stopped.Error() + "; run the same command with --resume to finish"
}

func (e *stopped) Unwrap() error { return e.Stopped }
