//go:build !unix

package books

// syncAll flushes written files to disk where the system offers no sync(2):
// nothing to do beyond what closing the files did.
func syncAll() {}

// syncDir does nothing where directories cannot be synced.
func syncDir(string) error { return nil }
