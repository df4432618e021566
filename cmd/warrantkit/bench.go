package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
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
	work, err := os.MkdirTemp("", "warrantkit-bench-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	reg := filepath.Join(work, "register.csv")
	f, err := os.Create(reg)
	if err != nil {
		return err
	}
	err = writeSampleRegister(&Env{Stdout: f}, *n, 1, "W-F-05")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	out := *keep
	if out == "" {
		out = filepath.Join(work, "out")
	}
	c, err := books.OpenCase(path)
	if err != nil {
		return err
	}
	// The floor is measured before the reissue and again after it, and the
	// faster figure is kept: the machine's state (disk writeback, the heap
	// the reissue leaves) must not flatter the ratio.
	fmt.Fprintf(env.Stderr, "bench: floor, %d replacement warrants on raw fpdf…\n", *floorDocs)
	fl, err := floor(c, *floorDocs, *jobs)
	if err != nil {
		return err
	}
	resetPeakRSS()
	fmt.Fprintf(env.Stderr, "bench: reissue of %d holders with %d workers…\n", *n, *jobs)
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
	}
	start := time.Now()
	bar := newProgress(env)
	stats, err := books.Reissue(ctx, path, reg, out, books.Options{Tool: "warrantkit", Version: version, Workers: *jobs,
		Documents: templates.Options{Creator: "warrantkit " + version}, Progress: bar.add})
	bar.finish(err == nil)
	if err != nil {
		return err
	}
	elapsed := time.Since(start).Seconds()
	rss := peakRSS()
	pprof.StopCPUProfile()

	fmt.Fprintf(env.Stderr, "bench: floor again, after the reissue…\n")
	after, err := floor(c, *floorDocs, *jobs)
	if err != nil {
		return err
	}
	if after.secs < fl.secs {
		fl = after
	}
	fDocs, fPages, fSecs := fl.docs, fl.pages, fl.secs
	docsPerSec, pagesPerSec := float64(stats.Documents)/elapsed, float64(stats.Pages)/elapsed
	floorDocsPerSec, floorPagesPerSec := float64(fDocs)/fSecs, float64(fPages)/fSecs
	w := env.Stdout
	fmt.Fprintf(w, "reissue: %d holders, %d documents, %d pages in %.1fs with -j %d\n", *n, stats.Documents, stats.Pages, elapsed, *jobs)
	fmt.Fprintf(w, "  documents/second  %8.1f   (raw fpdf floor %8.1f, ratio %.2f)\n", docsPerSec, floorDocsPerSec, docsPerSec/floorDocsPerSec)
	fmt.Fprintf(w, "  pages/second      %8.1f   (raw fpdf floor %8.1f, ratio %.2f)\n", pagesPerSec, floorPagesPerSec, pagesPerSec/floorPagesPerSec)
	fmt.Fprintf(w, "  peak RSS          %8.1f MB\n", float64(rss)/(1<<20))
	fmt.Fprintf(w, "floor: %d replacement warrants (%d pages) set with fpdf's MultiCell, same font and page, in %.1fs with %d workers\n", fDocs, fPages, fSecs, *jobs)
	return nil
}

// floor lays out the text of count replacement warrants of the case (for
// synthetic holders) with render.Floor on workers goroutines.
// It runs without the memory limit reissue sets (tuneGC), which would slow
// fpdf's megabyte-per-page garbage, with the same GOGC.
func floor(c *compute.Case, count, workers int) (floorRun, error) {
	limit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(limit)
	docs, pages, secs, err := floorOnce(c, count, workers)
	runtime.GC()
	return floorRun{docs, pages, secs}, err
}

// resetPeakRSS starts the process's peak resident set size afresh (Linux:
// /proc/self/clear_refs), so that the floor measured before the reissue does
// not count as the reissue's.
func resetPeakRSS() {
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// floorRun is what one measurement of the floor did.
type floorRun struct {
	docs, pages int
	secs        float64
}

func floorOnce(c *compute.Case, count, workers int) (docs, pages int, secs float64, err error) {
	w := compute.Warrant{Number: c.Terms.Series + "-001", Holder: compute.Holder{Name: "Łukasz Żółć", Address: []string{"ul. Marszałkowska 84/92", "00-514 Warszawa, Poland"}}, Shares: decimal.NewFromInt(250000)}
	adj, err := compute.Adjust(c.Terms, w, c.Events, compute.Date{})
	if err != nil {
		return 0, 0, 0, err
	}
	nw := w
	nw.Number, nw.Shares = c.Terms.Series+"-002", adj.Final.Shares
	blocks, err := templates.WarrantBlocks(c, templates.WarrantInput{Warrant: nw, Replacing: w.Number, State: adj.Final, Entries: adj.Entries}, templates.Options{})
	if err != nil {
		return 0, 0, 0, err
	}
	texts := render.Texts(blocks...)
	meta := render.Meta{Title: "Warrant", Author: c.Issuer.Name, Footer: "Warrant No. " + nw.Number}
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		next = make(chan int, workers)
	)
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				p, e := render.Floor(io.Discard, meta, texts)
				mu.Lock()
				docs, pages = docs+1, pages+p
				if e != nil {
					err = e
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < count; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs, pages, time.Since(start).Seconds(), err
}

// peakRSS is the process's peak resident set size in bytes (Linux), or 0.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb << 10
		}
	}
	return 0
}
