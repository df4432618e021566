package main

import (
	"context"

	"github.com/warrantkit/warrantkit/bench"
)

func runSampleRegister(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "sample-register", "-n N [--seed S] [--series SERIES]")
	n := fs.IntP("count", "n", 0, "number of warrants (required)")
	seed := fs.Uint64("seed", 1, "seed of the generator: the same seed gives the same register")
	series := fs.String("series", "W-F-05", "the warrant series")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *n <= 0 || *n > 9_999_999 {
		return usageErrorf("sample-register: -n must be between 1 and 9999999")
	}
	if len(fs.Args()) > 0 {
		return usageErrorf("sample-register: unexpected arguments %q", fs.Args())
	}
	return bench.Register(env.Stdout, *n, *seed, *series)
}
