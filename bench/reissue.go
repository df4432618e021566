package bench

import (
	"context"
	"io"
	"runtime/pprof"
	"time"

	"github.com/warrantkit/warrantkit/books"
)

// Measured is a reissue as bench measured it.
type Measured struct {
	Stats   books.Stats
	Elapsed float64 // seconds, by the clock given
	RSS     int64   // the process's peak resident set size, bytes (PeakRSS)
}

// Reissue reissues the register into out (books.Reissue), timed with now,
// with a CPU profile written to profile unless it is nil.
func Reissue(ctx context.Context, casePath, register, out string, opt books.Options, profile io.Writer, now func() time.Time) (Measured, error) {
	if profile != nil {
		if err := pprof.StartCPUProfile(profile); err != nil {
			return Measured{}, err
		}
		defer pprof.StopCPUProfile()
	}
	start := now()
	stats, err := books.Reissue(ctx, casePath, register, out, opt)
	if err != nil {
		return Measured{}, err
	}
	return Measured{Stats: stats, Elapsed: now().Sub(start).Seconds(), RSS: PeakRSS()}, nil
}
