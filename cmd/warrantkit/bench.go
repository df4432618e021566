package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/warrantkit/warrantkit/bench"
)

// bench measures reissue on a synthetic register and, in the same run, the
// raw fpdf floor: the same replacement-warrant pages set directly with fpdf
// (render.Floor), no toolkit logic, with the same number of workers.

func runBench(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "bench", "CASE [-n N] [-j N] [--floor-docs N] [--keep DIR] [--cpuprofile FILE]")
	n := fs.IntP("count", "n", 10000, "holders in the synthetic register")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "workers, for reissue and for the floor")
	floorDocs := fs.Int("floor-docs", 400, "replacement warrants the floor lays out")
	keep := fs.String("keep", "", "reissue into `DIR` and keep it (default: a temporary directory, removed)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the reissue to `FILE` (go tool pprof)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	path, err := oneArg("bench", fs.Args())
	if err != nil {
		return err
	}
	if err := checkJobs("bench", *jobs); err != nil {
		return err
	}
	if *n < 1 || *floorDocs < 1 {
		return usageErrorf("bench: -n %d, --floor-docs %d: both must be at least 1 (run warrantkit bench --help)", *n, *floorDocs)
	}
	tuneGC(env)
	cfg := bench.Config{Holders: *n, Workers: *jobs, FloorDocs: *floorDocs, Out: *keep, Now: time.Now, Books: toolOptions(),
		Log: func(s string) { fmt.Fprintln(env.Stderr, s) }}
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer pf.Close()
		cfg.Profile = pf
	}
	bar := newProgress(env)
	cfg.Books.Progress, cfg.Reissued = bar.add, bar.finish
	res, err := bench.Run(ctx, path, cfg)
	if err != nil {
		return err
	}
	printBench(env.Stdout, *n, *jobs, res.Reissue, res.Floor)
	return nil
}

// printBench prints the reissue's speed beside the floor's.
func printBench(w io.Writer, holders, jobs int, m bench.Measured, fl bench.FloorRun) {
	docsPerSec, pagesPerSec := float64(m.Stats.Documents)/m.Elapsed, float64(m.Stats.Pages)/m.Elapsed
	floorDocsPerSec, floorPagesPerSec := float64(fl.Docs)/fl.Secs, float64(fl.Pages)/fl.Secs
	fmt.Fprintf(w, "reissue: %d holders, %d documents, %d pages in %.1fs with -j %d\n", holders, m.Stats.Documents, m.Stats.Pages, m.Elapsed, jobs)
	fmt.Fprintf(w, "  documents/second  %8.1f   (raw fpdf floor %8.1f, ratio %.2f)\n", docsPerSec, floorDocsPerSec, docsPerSec/floorDocsPerSec)
	fmt.Fprintf(w, "  pages/second      %8.1f   (raw fpdf floor %8.1f, ratio %.2f)\n", pagesPerSec, floorPagesPerSec, pagesPerSec/floorPagesPerSec)
	fmt.Fprintf(w, "  peak RSS          %8.1f MB\n", float64(m.RSS)/(1<<20))
	fmt.Fprintf(w, "floor: %d replacement warrants (%d pages) set with fpdf's MultiCell, same font and page, in %.1fs with %d workers\n", fl.Docs, fl.Pages, fl.Secs, jobs)
}
