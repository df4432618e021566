package bench

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

// Floor lays out the text of count replacement warrants of the case (for
// synthetic holders) with render.Floor on workers goroutines, timed with
// now. It runs without the memory limit a reissue may set, which would slow
// fpdf's megabyte-per-page garbage, with the same GOGC.
func Floor(c *compute.Case, count, workers int, now func() time.Time) (FloorRun, error) {
	limit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(limit)
	docs, pages, secs, err := floorOnce(c, count, workers, now)
	runtime.GC()
	return FloorRun{docs, pages, secs}, err
}

// ResetPeakRSS starts the process's peak resident set size afresh (Linux:
// /proc/self/clear_refs), so that the floor measured before the reissue does
// not count as the reissue's.
func ResetPeakRSS() {
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// FloorRun is what one measurement of the floor did.
type FloorRun struct {
	Docs, Pages int
	Secs        float64
}

func floorOnce(c *compute.Case, count, workers int, now func() time.Time) (docs, pages int, secs float64, err error) {
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
	start := now()
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
	return docs, pages, now().Sub(start).Seconds(), err
}

// PeakRSS is the process's peak resident set size in bytes (Linux), or 0.
func PeakRSS() int64 {
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
