package pdftest

import (
	"strconv"
)

// A content stream lexer and operand collector (PDF 32000-1, 7.2 and 7.8.2),
// tolerant of anything: malformed input ends a token or the stream, it never
// panics or loops.

type opKind uint8

const (
	opNumber opKind = iota
	opName
	opString
	opArray
	opOther // dictionaries, booleans, null: kept only as placeholders
)

type operand struct {
	kind opKind
	num  float64
	str  []byte // name (without '/') or string bytes
	arr  []operand
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNumber
	tokName
	tokString
	tokArrayOpen
	tokArrayClose
	tokDictOpen
	tokDictClose
	tokKeyword
)

type token struct {
	kind tokKind
	num  float64
	str  []byte
}

type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (lx *lexer) skipSpace() {
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		if isSpace(c) {
			lx.i++
			continue
		}
		if c == '%' {
			for lx.i < len(lx.b) && lx.b[lx.i] != '\n' && lx.b[lx.i] != '\r' {
				lx.i++
			}
			continue
		}
		return
	}
}

func (lx *lexer) next() token {
	lx.skipSpace()
	if lx.i >= len(lx.b) {
		return token{kind: tokEOF}
	}
	c := lx.b[lx.i]
	switch c {
	case '[':
		lx.i++
		return token{kind: tokArrayOpen}
	case ']':
		lx.i++
		return token{kind: tokArrayClose}
	case '{', '}', ')':
		// PostScript procedures do not occur in content streams; a stray
		// ')' is garbage. Treat them as (ignored) keywords.
		lx.i++
		return token{kind: tokKeyword, str: []byte{c}}
	case '<':
		if lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '<' {
			lx.i += 2
			return token{kind: tokDictOpen}
		}
		lx.i++
		return token{kind: tokString, str: lx.hexString()}
	case '>':
		if lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '>' {
			lx.i += 2
			return token{kind: tokDictClose}
		}
		lx.i++
		return token{kind: tokKeyword, str: []byte{c}}
	case '(':
		lx.i++
		return token{kind: tokString, str: lx.literalString()}
	case '/':
		lx.i++
		return token{kind: tokName, str: lx.name()}
	}
	start := lx.i
	for lx.i < len(lx.b) && !isSpace(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
		lx.i++
	}
	word := lx.b[start:lx.i]
	if isNumber(word) {
		v, err := strconv.ParseFloat(string(word), 64)
		if err != nil {
			v = 0
		}
		return token{kind: tokNumber, num: v}
	}
	return token{kind: tokKeyword, str: word}
}

// isNumber reports whether w looks like a PDF number: an optional sign,
// digits and at most one period (7.3.3); "4.", ".5" and "-.002" included.
func isNumber(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i++
	}
	digits, dots := 0, 0
	for ; i < len(w); i++ {
		switch {
		case w[i] >= '0' && w[i] <= '9':
			digits++
		case w[i] == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (lx *lexer) hexString() []byte {
	var out []byte
	hi := -1
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		if c == '>' {
			break
		}
		v := hexVal(c)
		if v < 0 {
			continue // whitespace, or garbage
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4)) // an odd final digit is followed by 0
	}
	return out
}

func (lx *lexer) literalString() []byte {
	var out []byte
	depth := 1
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return out
			}
			out = append(out, c)
		case '\r':
			// An unescaped end of line is a single line feed.
			if lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
				lx.i++
			}
			out = append(out, '\n')
		case '\\':
			if lx.i >= len(lx.b) {
				return out
			}
			e := lx.b[lx.i]
			lx.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				// Line continuation.
				if lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
					lx.i++
				}
			case '\n':
				// Line continuation.
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.i < len(lx.b); k++ {
						d := lx.b[lx.i]
						if d < '0' || d > '7' {
							break
						}
						v = v*8 + int(d-'0')
						lx.i++
					}
					out = append(out, byte(v))
				} else {
					// \( \) \\ and any unknown escape: the character itself.
					out = append(out, e)
				}
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

func (lx *lexer) name() []byte {
	var out []byte
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		if isSpace(c) || isDelim(c) {
			break
		}
		lx.i++
		if c == '#' && lx.i+1 < len(lx.b) {
			h, l := hexVal(lx.b[lx.i]), hexVal(lx.b[lx.i+1])
			if h >= 0 && l >= 0 {
				out = append(out, byte(h<<4|l))
				lx.i += 2
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// skipInlineImage skips the data of an inline image, the lexer standing just
// after its ID operator: the data ends at the first "EI" that has white space
// before it and white space (or the end) after it.
func (lx *lexer) skipInlineImage() {
	if lx.i < len(lx.b) && isSpace(lx.b[lx.i]) {
		lx.i++
	}
	for j := lx.i; j+1 < len(lx.b); j++ {
		if lx.b[j] == 'E' && lx.b[j+1] == 'I' &&
			(j == 0 || isSpace(lx.b[j-1])) &&
			(j+2 == len(lx.b) || isSpace(lx.b[j+2])) {
			lx.i = j + 2
			return
		}
	}
	lx.i = len(lx.b)
}

const (
	maxOperands   = 1 << 12 // operands kept before an operator; more are dropped
	maxArrayDepth = 32
)

// nextOp returns the next operator and its operands; ok is false at the end
// of the stream. Operands without an operator at the end are dropped.
func (lx *lexer) nextOp(ops []operand) (op string, operands []operand, ok bool) {
	ops = ops[:0]
	for {
		t := lx.next()
		switch t.kind {
		case tokEOF:
			return "", ops, false
		case tokKeyword:
			switch string(t.str) {
			case "true", "false", "null":
				ops = appendOperand(ops, operand{kind: opOther})
				continue
			}
			return string(t.str), ops, true
		case tokArrayClose, tokDictClose:
			continue // unbalanced; ignore
		default:
			ops = appendOperand(ops, lx.operand(t, 0))
		}
	}
}

func appendOperand(ops []operand, o operand) []operand {
	if len(ops) >= maxOperands {
		return ops
	}
	return append(ops, o)
}

// operand builds an operand that starts with token t.
func (lx *lexer) operand(t token, depth int) operand {
	switch t.kind {
	case tokNumber:
		return operand{kind: opNumber, num: t.num}
	case tokName:
		return operand{kind: opName, str: t.str}
	case tokString:
		return operand{kind: opString, str: t.str}
	case tokArrayOpen:
		var arr []operand
		for {
			save := lx.i
			u := lx.next()
			switch u.kind {
			case tokEOF, tokArrayClose:
				return operand{kind: opArray, arr: arr}
			case tokKeyword:
				switch string(u.str) {
				case "true", "false", "null":
					if len(arr) < maxOperands {
						arr = append(arr, operand{kind: opOther})
					}
					continue
				}
				// An operator inside an array: the array was not closed.
				lx.i = save
				return operand{kind: opArray, arr: arr}
			case tokDictClose:
				continue
			}
			if depth >= maxArrayDepth {
				continue
			}
			o := lx.operand(u, depth+1)
			if len(arr) < maxOperands {
				arr = append(arr, o)
			}
		}
	case tokDictOpen:
		// Skip to the matching ">>"; content dictionaries (BDC properties,
		// inline image parameters) carry no text.
		level := 1
		for level > 0 {
			u := lx.next()
			switch u.kind {
			case tokEOF:
				return operand{kind: opOther}
			case tokDictOpen:
				level++
			case tokDictClose:
				level--
			}
		}
		return operand{kind: opOther}
	}
	return operand{kind: opOther}
}
