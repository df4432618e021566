package books

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// fileName turns an event or warrant name into a file name part, one to one:
// two names never give one file name, so no document overwrites another.
//
// A name of letters, digits, '.', '_' and '-' is kept as it is ("split-2006",
// "W-F-05-001"); an event without an id, "#3", becomes "event-3". Any other
// byte is written as '~' and two upper-case hex digits ("x:1" → "x~3A1",
// "~" → "~7E"), as is the first byte of a name that would read as another's:
// a leading '.' (a hidden file, "." or "..") and a literal id "event-3"
// ("~65vent-3"). A name longer than maxNamePart bytes once escaped keeps its
// first bytes and ends in "~~" and the first 128 bits of its sha256: no
// escaped name contains "~~".
//
// Names that differ only in letter case ("X" and "x") give file names that
// differ only in case: one file on a case-insensitive file system (macOS,
// Windows). checkFileNames refuses such a case before anything is written.
func fileName(s string) string {
	if n, ok := strings.CutPrefix(s, "#"); ok && allDigits(n) && len("event-"+n) <= maxNamePart {
		return "event-" + n
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if safeNameByte(c) && !(i == 0 && (c == '.' || readsAsUnnamed(s))) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "~%02X", c)
		}
	}
	name := b.String()
	if len(name) <= maxNamePart {
		return name
	}
	cut := maxNamePart - 2 - 32
	for cut > 0 && strings.LastIndexByte(name[:cut], '~') >= cut-2 { // do not split a ~XX
		cut--
	}
	sum := sha256.Sum256([]byte(s))
	return name[:cut] + "~~" + hex.EncodeToString(sum[:16])
}

// maxNamePart keeps a certificate's name, a warrant's and an event's part,
// under the 255 bytes file systems allow.
const maxNamePart = 100

func safeNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// readsAsUnnamed is a name that fileName would otherwise give an event
// without an id: "event-3".
func readsAsUnnamed(s string) bool {
	n, ok := strings.CutPrefix(s, "event-")
	return ok && allDigits(n)
}

// checkFileNames refuses, before anything is written, a case whose event ids
// give one file name, which can only be because they differ in letter case
// alone ("X" and "x"): on a case-insensitive file system (macOS, Windows)
// one certificate would replace the other. The ids must then differ in more
// than case, on every system, so that an output directory can be copied
// anywhere whole.
func checkFileNames(c *compute.Case, casePath string) error {
	seen := make(map[string]compute.Event, len(c.Events))
	for _, e := range c.Events {
		key := strings.ToLower(fileName(e.Name()))
		if first, dup := seen[key]; dup {
			return &compute.InputError{File: casePath, Line: e.Line, Field: fmt.Sprintf("events[%d].id", e.Index),
				Problem: fmt.Sprintf("events %q (line %d) and %q give one certificate file name on a case-insensitive file system (macOS, Windows)", first.Name(), first.Line, e.Name()),
				Allowed: "event ids that differ in more than letter case"}
		}
		seen[key] = e
	}
	return nil
}

// outputPaths notes the files a command will write, relative to its
// directory, and refuses a second one with the same name (compared without
// letter case): the belt to fileName's braces.
type outputPaths struct {
	file string // the input the names come from, for the error
	seen map[string]string
}

func newOutputPaths(file string) *outputPaths {
	return &outputPaths{file: file, seen: map[string]string{}}
}

// add notes rel, written for what; it fails if rel was noted before.
func (p *outputPaths) add(rel, what string) error {
	key := strings.ToLower(rel)
	if first, dup := p.seen[key]; dup {
		return &compute.InputError{File: p.file, Problem: fmt.Sprintf("%s and %s would both be written to %s", first, what, rel),
			Allowed: "event ids and warrant numbers that differ in more than letter case"}
	}
	p.seen[key] = what
	return nil
}
