//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package books

import (
	"os"
	"time"
)

// lockDir does nothing where flock(2) is missing: two runs into the same
// directory are not kept apart there.
func lockDir(dir string) (*os.File, error) { return nil, nil }

// lockDirWait does nothing where flock(2) is missing (lockDir).
func lockDirWait(dir string, _ time.Duration) (*os.File, error) { return nil, nil }
