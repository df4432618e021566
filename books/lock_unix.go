//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package books

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockDir takes an exclusive lock on the directory dir (flock(2)), released
// when the returned file is closed or the process ends, however it ends. A
// file system without locks (ENOLCK, ENOTSUP) runs unlocked.
func lockDir(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case err == nil:
		return f, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		f.Close()
		return nil, errLocked(dir)
	case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.ENOTSUP), errors.Is(err, syscall.EOPNOTSUPP):
		f.Close()
		return nil, nil
	}
	f.Close()
	return nil, fmt.Errorf("lock %s: %w", dir, err)
}

// lockDirWait takes an exclusive lock on the directory dir (flock(2)) as
// lockDir does, trying again every 20 ms for up to wait while another
// process holds it (counted in tries: the clock is not read).
func lockDirWait(dir string, wait time.Duration) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	const every = 20 * time.Millisecond
	for try := time.Duration(0); ; try++ {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return f, nil
		case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.ENOTSUP), errors.Is(err, syscall.EOPNOTSUPP):
			f.Close()
			return nil, nil
		case !errors.Is(err, syscall.EWOULDBLOCK):
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		case try*every >= wait:
			f.Close()
			return nil, fmt.Errorf("%s is locked by another recording or reissue for more than %s; wait for it to end, then run again", dir, wait)
		}
		time.Sleep(every)
	}
}
