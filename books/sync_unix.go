//go:build unix

package books

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// syncAll flushes every file written so far to disk (sync(2)).
func syncAll() { syscall.Sync() }

// syncDir flushes the directory dir (fsync(2)), so that a rename into it
// reaches the disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
