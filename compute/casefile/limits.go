package casefile

// Limits on the size of the input. Each is far beyond what a warrant series
// needs (the Glowpoint case file is 4 KB with a dozen events), and each keeps
// the time and memory of any accepted input bounded: without them a 200 MB
// case file took 1.3 GB and 100,000 events up to 74 s. Input beyond a limit
// is refused as invalid (exit 3) before it is read whole.
//
// The parser builds a node of about 200 bytes for every value of the file
// before any count can be checked, so the file's size is what bounds the
// memory: a 4 MiB file of one-letter list items takes about 450 MB.
//
// The register has no row limit: it is streamed (SPEC §2.2) and may hold
// millions of rows; only the size of one row is bounded.

import (
	"errors"
	"fmt"
	"io"

	"github.com/warrantkit/warrantkit/compute"
)

const (
	// MaxCaseFileBytes is the size of the largest case file: 4 MiB holds
	// 10,000 warrants written inline with their holders' addresses, and
	// room to spare.
	MaxCaseFileBytes = 4 << 20
	// MaxEvents is the number of events a case file may list. A warrant's
	// term of a few years sees tens of events. A superseding adjustment
	// (§4(f)) replays the history and each replayed §4(e) issuance counts
	// every live Common Stock Equivalent, so the time grows with the cube of
	// the count: 1,000 events made of 500 CSEs that expire one by one take
	// about 20 s per warrant, 2,000 about 150 s.
	MaxEvents = 1_000
	// MaxTransactions is the number of transactions a case file may list:
	// a series of 10,000 warrants exercised and assigned over its life
	// makes tens of thousands. The file's size governs first (a
	// transaction takes 50 bytes or more, so 4 MiB holds fewer than
	// 100,000); this bounds a list made of aliases, which takes a few
	// bytes an item.
	MaxTransactions = 100_000
	// MaxInlineWarrants is the number of warrants a case file may list; a
	// larger series goes in a register (--register FILE.csv), which is
	// streamed and has no limit on its rows.
	MaxInlineWarrants = 10_000
	// MaxRegisterRowBytes is the size of one row of a register, header
	// included: a row is a few hundred bytes.
	MaxRegisterRowBytes = 64 << 10
	// MaxListItems bounds the other lists of a case file: the quotes of a
	// Pink Sheets market value and the items of a Triggering Event's
	// consideration.
	MaxListItems = 100
	// MaxIntegerDigits and MaxDecimals bound how a decimal is written: 30
	// digits before the point and 20 after are more than any price, share
	// count or sum of money needs. A field may allow fewer decimals: a share
	// quantity terms.share_decimals, the Warrant Price terms.price_decimals.
	MaxIntegerDigits = 30
	MaxDecimals      = 20
	// MaxNumberDigits bounds the digits of a warrant number after the
	// series: the register keeps every number it has read, so a number
	// is kept short whatever the length of its row.
	MaxNumberDigits = 30
	// maxExpandedText bounds the text of a case file's strings once its
	// aliases are expanded: a 128 KB file whose events alias one list of
	// 1,000-character descriptions would otherwise make 100 MB of output.
	// Without aliases the text is never longer than the file (an escape
	// such as \L may make it 1.5 times longer), so the bound is twice
	// the file's.
	maxExpandedText = 2 * MaxCaseFileBytes
)

const dateRangeAllowed = "a date from 1900-01-01 to 2100-12-31"

// dateRangeProblem says what is wrong with a date outside
// compute.MinDate..compute.MaxDate, or returns "".
func dateRangeProblem(d compute.Date) string {
	if !d.InRange() {
		return fmt.Sprintf("%s is out of range", d)
	}
	return ""
}

// readCaseData reads all of r, refusing more than MaxCaseFileBytes before
// reading further: never more than the limit and one byte is held.
func readCaseData(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCaseFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxCaseFileBytes {
		return nil, caseTooLarge(name)
	}
	return data, nil
}

// caseTooLarge is the error for a case file larger than MaxCaseFileBytes.
func caseTooLarge(name string) *compute.InputError {
	return &compute.InputError{File: name, Problem: fmt.Sprintf("the case file is larger than %d MiB", MaxCaseFileBytes>>20),
		Allowed: fmt.Sprintf("a case file of at most %d bytes; list a large series in a register (--register FILE.csv)", MaxCaseFileBytes)}
}

// errRowTooLarge is returned by a rowLimiter when a register row is too large.
var errRowTooLarge = errors.New("register row too large")

// rowLimiter passes the register through and fails once more than
// MaxRegisterRowBytes (and the CSV reader's read-ahead) have been read since
// the end of the last complete row, so that one huge row is refused after
// about 64 KiB instead of being read into memory whole.
type rowLimiter struct {
	r       io.Reader
	read    int64 // bytes passed on so far
	rowEnd  int64 // offset of the end of the last complete row
	readBuf int64 // read-ahead the reader above may hold
}

// Read passes on what the row limit leaves room for.
func (l *rowLimiter) Read(p []byte) (int, error) {
	room := l.rowEnd + MaxRegisterRowBytes + l.readBuf - l.read
	if room <= 0 {
		return 0, errRowTooLarge
	}
	if int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}
