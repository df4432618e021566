//go:build unix

package books

import "syscall"

// syncAll flushes every file written so far to disk (sync(2)).
func syncAll() { syscall.Sync() }
