//go:build unix

package main

import "syscall"

// syncAll flushes every file written so far to disk (sync(2)).
func syncAll() { syscall.Sync() }
