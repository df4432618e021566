package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/warrantkit/warrantkit/books"
)

// verify recomputes every document of a reissue from the inputs its manifest
// names and checks each hash (books.Verify).

func runVerify(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "verify", "DIR [-j N]")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "recompute with `N` workers")
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
	tuneGC(env)
	start := time.Now()
	opt := toolOptions()
	opt.Workers, opt.TempDir = *jobs, os.TempDir()
	problems, checked, err := books.Verify(ctx, dir, opt)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(env.Stderr, "warrantkit: verify: "+p)
	}
	if n := len(problems); n > 0 {
		return fmt.Errorf("verify: %s does not match its manifest: %d problem%s, each named above (%d files listed)", dir, n, map[bool]string{true: "s"}[n > 1], checked)
	}
	fmt.Fprintf(env.Stderr, "verified %d files of %s in %s: every hash matches\n", checked, dir, time.Since(start).Round(time.Millisecond))
	return nil
}
