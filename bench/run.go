package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/warrantkit/warrantkit/books"
)

// Config is a benchmark: a reissue of a synthetic register of Holders
// warrants with Workers workers, beside the floor laid out FloorDocs times.
type Config struct {
	Holders, Workers, FloorDocs int

	Out     string        // the reissue's directory; "" for a temporary one, removed
	Books   books.Options // the reissue's options (Workers is set from Workers)
	Profile io.Writer     // a CPU profile of the reissue, if not nil
	Log     func(string)  // each step, as it starts
	Now     func() time.Time
	// Reissued, if set, is called when the reissue ends, well or not.
	Reissued func(ok bool)
}

// Result is what a benchmark measured: the reissue and the faster of the
// two floors.
type Result struct {
	Reissue Measured
	Floor   FloorRun
}

// Run reissues a synthetic register of the case file at casePath and
// measures the floor before the reissue and again after it, keeping the
// faster figure: the machine's state (disk writeback, the heap the reissue
// leaves) must not flatter the ratio.
func Run(ctx context.Context, casePath string, cfg Config) (Result, error) {
	work, err := os.MkdirTemp("", "warrantkit-bench-*")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(work)
	c, err := books.OpenCase(casePath)
	if err != nil {
		return Result{}, err
	}
	reg := filepath.Join(work, "register.csv")
	if err := WriteRegister(reg, cfg.Holders, 1, c.Terms.Series); err != nil {
		return Result{}, err
	}
	out := cfg.Out
	if out == "" {
		out = filepath.Join(work, "out")
	}
	cfg.Log(fmt.Sprintf("bench: floor, %d replacement warrants on raw fpdf…", cfg.FloorDocs))
	fl, err := Floor(c, cfg.FloorDocs, cfg.Workers, cfg.Now)
	if err != nil {
		return Result{}, err
	}
	ResetPeakRSS()
	cfg.Log(fmt.Sprintf("bench: reissue of %d holders with %d workers…", cfg.Holders, cfg.Workers))
	opt := cfg.Books
	opt.Workers = cfg.Workers
	m, err := Reissue(ctx, casePath, reg, out, opt, cfg.Profile, cfg.Now)
	if cfg.Reissued != nil {
		cfg.Reissued(err == nil)
	}
	if err != nil {
		return Result{}, err
	}
	cfg.Log("bench: floor again, after the reissue…")
	after, err := Floor(c, cfg.FloorDocs, cfg.Workers, cfg.Now)
	if err != nil {
		return Result{}, err
	}
	if after.Secs < fl.Secs {
		fl = after
	}
	return Result{Reissue: m, Floor: fl}, nil
}
