//go:build !testhooks

package books

import "io"

// stallAt and stallWriter do nothing: only a binary built with -tags
// testhooks stops where a test asks (stall_hooks.go).
func stallAt(string) {}

func stallWriter(w io.Writer, _ string) io.Writer { return w }
