package books

// Recording a transaction (SPEC §5.2): the ledger after it is written as
// DIR/case.yaml (or .json), and with --record replaces the case file itself
// — atomically, and only if the case file is still what was read.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/warrantkit/warrantkit/compute/casefile"
)

// ErrCaseChanged is what RecordCase returns (wrapped) when the case file no
// longer holds the bytes the command read: another program, or another
// recording, changed it in between.
var ErrCaseChanged = errors.New("the case file changed since it was read")

// recordLockWait is how long RecordCase waits for another recording into
// the same directory to end: a recording takes milliseconds.
const recordLockWait = 10 * time.Second

// RecordCase replaces the case file at path with updated, the ledger after
// the command's transactions (casefile.AppendTransactions of read), if the
// file still holds exactly read. Under an exclusive lock on the file's
// directory, held while it checks and renames so that two recordings never
// interleave, it compares the file's bytes with read — refusing with
// ErrCaseChanged, nothing written, when they differ — then writes updated
// to a temporary file beside it with the file's permissions, syncs it,
// renames it over the case file and syncs the directory. Killed at any
// moment, it leaves the case file either as it was or whole with updated;
// a temporary file it leaves is removed by the next recording. A symbolic
// link is followed: the file it names is replaced, the link kept.
func RecordCase(path string, read, updated []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("record %s: %w", path, err)
	}
	dir := filepath.Dir(target)
	lock, err := lockDirWait(dir, recordLockWait)
	if err != nil {
		return fmt.Errorf("record %s: %w", path, err)
	}
	if lock != nil {
		defer lock.Close()
	}
	stallAt("record-locked")
	fi, err := os.Lstat(target)
	if err != nil {
		return fmt.Errorf("record %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("record %s: not a regular file; nothing was written", path)
	}
	now, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("record %s: %w", path, err)
	}
	if !bytes.Equal(now, read) {
		return fmt.Errorf("record %s: %w; nothing was written: run the command again on the file as it is now", path, ErrCaseChanged)
	}
	removeStaleTemps(target)
	return atomicWrite(target, fi.Mode().Perm(), "record", true, func(w io.Writer) error { _, err := w.Write(updated); return err })
}

// LedgerName is the name of the ledger a command writes into its output
// directory: case.json for a JSON case file, case.yaml otherwise.
func LedgerName(caseName string, data []byte) string {
	if strings.EqualFold(filepath.Ext(caseName), ".json") || casefile.IsJSON(data) {
		return "case.json"
	}
	return "case.yaml"
}

// removeStaleTemps removes the temporary files an interrupted recording of
// path left beside it. Called under the directory's lock: no other
// recording is writing one.
func removeStaleTemps(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".tmp-*"))
	for _, m := range matches {
		if fi, err := os.Lstat(m); err == nil && fi.Mode().IsRegular() {
			os.Remove(m)
		}
	}
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
