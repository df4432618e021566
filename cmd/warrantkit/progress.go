package main

import (
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress is a progress bar of a reissue on stderr when it is a terminal,
// made when the first warrant is done and the total is known.
type progress struct {
	env *Env
	bar *progressbar.ProgressBar
	off bool // stderr is not a terminal
}

func newProgress(env *Env) *progress { return &progress{env: env} }

// add notes one more warrant done of total.
func (p *progress) add(done, total int) {
	if p.off {
		return
	}
	if p.bar == nil {
		f, ok := p.env.Stderr.(*os.File)
		if p.off = !ok || !term.IsTerminal(int(f.Fd())); p.off {
			return
		}
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("reissue"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("warrants"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.bar.Add(1)
}

// finish fills the bar when the run is done, or leaves it where it stopped.
func (p *progress) finish(done bool) {
	switch {
	case p.bar == nil:
	case done:
		p.bar.Finish()
	default:
		p.bar.Exit()
	}
}
