package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/render"
)

// verify recomputes every document of a reissue from the inputs its manifest
// names and checks each hash (books.Verify).

func runVerify(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "verify", "DIR [-j N]")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "recompute with `N` workers")
	fontPath := fontFlag(fs)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	dir, err := oneArg("verify", fs.Args())
	if err != nil {
		return err
	}
	if err := checkJobs("verify", *jobs); err != nil {
		return err
	}
	font, err := loadFont(*fontPath)
	if err != nil {
		return err
	}
	tuneGC(env)
	start := time.Now()
	n, checked, err := verifyReissue(ctx, env, dir, "verify", *jobs, font)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("verify: %s does not match its manifest: %d problem%s, each named above (%d files listed)", dir, n, plural(n), checked)
	}
	fmt.Fprintf(env.Stderr, "verified %d files of %s in %s: every hash matches\n", checked, dir, time.Since(start).Round(time.Millisecond))
	return nil
}

// verifyReissue recomputes the reissue in dir (books.Verify) and prints each
// problem on its own line, headed by cmd; it returns how many there were
// and the files checked. font is the reissue's fallback font, if it had one.
func verifyReissue(ctx context.Context, env *Env, dir, cmd string, workers int, font *render.Font) (int, int, error) {
	opt := toolOptions()
	opt.Workers, opt.TempDir = workers, os.TempDir()
	opt.Documents.Font = font
	problems, checked, err := books.Verify(ctx, dir, opt)
	for _, p := range problems {
		fmt.Fprintln(env.Stderr, "warrantkit: "+cmd+": "+p)
	}
	return len(problems), checked, err
}

func plural(n int) string { return map[bool]string{true: "s"}[n > 1] }
