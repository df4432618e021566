package casefile

// Checks on the text a user gives (names, addresses, descriptions and every
// other string of the case file and the register).
//
// The strings are printed back: on the terminal, raw, and in the documents.
// A control character can move the cursor or change the terminal's state; a
// bidi override or isolate can make a line read in another order than it is
// stored (the "Trojan Source" trick), which in legal text can change what a
// reader believes was agreed; a zero-width character makes two names that
// look the same differ. None of them belongs in a name or an address, so they
// are refused with their code point, never stripped in silence.
//
// Ordinary Unicode is kept: accents, CJK, Greek, Cyrillic, Arabic, Hebrew and
// the rest. The zero-width non-joiner and joiner (U+200C, U+200D) are part of
// the spelling of words in Persian and in Indic scripts, so they are allowed
// where they join two letters of a script other than Latin; anywhere else
// they are invisible marks and refused.

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Text limits: far beyond any name, address line or description a person
// writes, small enough that no field can make a document or a message huge.
const (
	MaxTextChars    = 1000 // characters in one string field (a name, one address line, a description)
	MaxAddressLines = 10   // lines of one address
)

// forbiddenRunes names the invisible characters that are refused outside the
// control ranges.
var forbiddenRunes = map[rune]string{
	'\u200b': "zero width space",
	'\u200c': "zero width non-joiner",
	'\u200d': "zero width joiner",
	'\u2060': "word joiner",
	'\ufeff': "zero width no-break space (byte order mark)",
	'\u202a': "left-to-right embedding",
	'\u202b': "right-to-left embedding",
	'\u202c': "pop directional formatting",
	'\u202d': "left-to-right override",
	'\u202e': "right-to-left override",
	'\u2066': "left-to-right isolate",
	'\u2067': "right-to-left isolate",
	'\u2068': "first strong isolate",
	'\u2069': "pop directional isolate",
}

const textAllowed = "printable text: no control characters other than tab and line feed, no bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), no zero-width character (U+200B–U+200D outside a non-Latin word, U+2060, U+FEFF)"

// textProblem says what is wrong with a string field, or returns "".
func textProblem(s string) (problem, allowed string) {
	if len(s) > MaxTextChars {
		if n := utf8.RuneCountInString(s); n > MaxTextChars {
			return fmt.Sprintf("is %d characters long; at most %d allowed", n, MaxTextChars), fmt.Sprintf("at most %d characters", MaxTextChars)
		}
	}
	for i, r := range s {
		if name := forbiddenRune(s, i, r); name != "" {
			return fmt.Sprintf("contains %U (%s) at character %d", r, name, utf8.RuneCountInString(s[:i])+1), textAllowed
		}
	}
	return "", ""
}

// forbiddenRune names r, the rune at byte offset i of s, if it is refused.
func forbiddenRune(s string, i int, r rune) string {
	switch {
	case r == '\t' || r == '\n':
		return ""
	case r < 0x20 || r == 0x7f:
		return "control character"
	case r >= 0x80 && r <= 0x9f:
		return "C1 control character"
	case r == '\u200c' || r == '\u200d':
		if joinsLetters(s, i, r) {
			return ""
		}
	}
	return forbiddenRunes[r]
}

// joinsLetters reports whether the joiner r at byte offset i of s stands
// between two letters (or combining marks) of scripts other than Latin, as it
// does in a Persian or Devanagari word.
func joinsLetters(s string, i int, r rune) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
	ok := func(c rune) bool {
		return c >= utf8.RuneSelf && c != utf8.RuneError && (unicode.IsLetter(c) || unicode.IsMark(c)) && !unicode.Is(unicode.Latin, c)
	}
	return ok(prev) && ok(next)
}
