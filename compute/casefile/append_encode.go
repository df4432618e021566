package casefile

// The text of one recorded transaction (SPEC §5.2): a YAML flow mapping or
// a JSON object on one line, its fields in the order of the SPEC §2.5 table.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// EncodeTransaction is tx as it is appended to a case file's transactions:
// a YAML flow mapping (json false) or a JSON object (json true), on one
// line, without the list's dash or comma. Its fields are type, id, warrant,
// date, then those of its type in the order of the SPEC §2.5 table, then
// note; an optional field is written only when set. Decimals are quoted
// strings with their own digits, dates YYYY-MM-DD; a market value keeps the
// method it was determined by (SPEC §2.4), so that the certificate can still
// say which. Strings are written plain in YAML when they read the same
// unquoted, otherwise in JSON's string syntax, which YAML reads the same.
// t is not needed by the text today; it is taken so that a form depending on
// the terms (share_decimals, price_decimals) never changes the signature.
func EncodeTransaction(tx compute.Transaction, t compute.Terms, json bool) string {
	e := txEncoder{json: json}
	e.str("type", string(tx.Type))
	e.str("id", tx.ID)
	e.str("warrant", tx.Warrant)
	if !tx.Date.IsZero() {
		e.field("date", e.date(tx.Date))
	}
	switch tx.Type {
	case compute.TxExercise:
		e.dec("shares", tx.Shares)
		e.str("method", tx.Method)
		e.dec("cashless_shares", tx.CashlessShares)
		if tx.MarketValue != nil {
			e.field("market_value", e.marketValue(*tx.MarketValue))
		}
		e.str("balance", tx.Balance)
	case compute.TxAssignment:
		e.field("to", e.holder(tx.To))
		e.dec("shares", tx.Shares)
		e.str("number", tx.Number)
		e.str("balance", tx.Balance)
	case compute.TxExchange:
		items := make([]string, len(tx.Into))
		for i, it := range tx.Into {
			ie := txEncoder{json: json}
			ie.str("number", it.Number)
			ie.dec("shares", it.Shares)
			items[i] = ie.mapping()
		}
		e.field("into", "["+strings.Join(items, ", ")+"]")
	case compute.TxReplacement:
		e.str("number", tx.Number)
		e.str("reason", tx.Reason)
	case compute.TxReissue:
		e.str("first_number", tx.FirstNumber)
	case compute.TxCancellation:
		e.str("reason", tx.Reason)
	}
	e.str("note", tx.Note)
	return e.mapping()
}

// txEncoder collects the "key: value" pairs of one flow mapping or object.
type txEncoder struct {
	json  bool
	pairs []string
}

// field adds key with value, already written in the encoder's syntax.
func (e *txEncoder) field(key, value string) {
	k := key
	if e.json {
		k = `"` + key + `"`
	}
	e.pairs = append(e.pairs, k+": "+value)
}

// str adds a string field when s is set.
func (e *txEncoder) str(key, s string) {
	if s != "" {
		e.field(key, e.text(s))
	}
}

// dec adds a decimal field, a quoted string of its own digits, when d is set.
func (e *txEncoder) dec(key string, d decimal.Decimal) {
	if !d.IsZero() {
		e.field(key, `"`+digits(d)+`"`)
	}
}

// mapping is the pairs as one flow mapping or object.
func (e *txEncoder) mapping() string { return "{" + strings.Join(e.pairs, ", ") + "}" }

// date is d as YYYY-MM-DD: plain in YAML (a date), quoted in JSON.
func (e *txEncoder) date(d compute.Date) string {
	if e.json {
		return `"` + d.String() + `"`
	}
	return d.String()
}

// holder is {name, address: [...]}.
func (e *txEncoder) holder(h compute.Holder) string {
	he := txEncoder{json: e.json}
	he.str("name", h.Name)
	he.field("address", e.list(h.Address))
	return he.mapping()
}

// list is a flow list of strings.
func (e *txEncoder) list(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = e.text(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// marketValue is a Per Share Market Value in the form it was given (SPEC
// §2.4): its quotes or appraisals, or the plain value when it was one.
func (e *txEncoder) marketValue(mv compute.MarketValue) string {
	quotes := make([]string, len(mv.Inputs))
	for i, v := range mv.Inputs {
		quotes[i] = `"` + digits(v) + `"`
	}
	me := txEncoder{json: e.json}
	switch {
	case mv.Method == compute.MVExchange && len(quotes) == 2:
		qe := txEncoder{json: e.json}
		qe.field("bid", quotes[0])
		qe.field("ask", quotes[1])
		me.field(compute.MVExchange, qe.mapping())
	case mv.Method == compute.MVOTC && len(quotes) == 1:
		qe := txEncoder{json: e.json}
		qe.field("closing_bid", quotes[0])
		me.field(compute.MVOTC, qe.mapping())
	case (mv.Method == compute.MVPinkSheets || mv.Method == compute.MVAppraisal) && len(quotes) > 0:
		me.field(mv.Method, "["+strings.Join(quotes, ", ")+"]")
	case mv.Method == compute.MVPlain && len(quotes) == 1:
		return quotes[0]
	default:
		return `"` + digits(mv.Value) + `"`
	}
	return me.mapping()
}

// digits is d with its own digits: "1.50" stays 1.50, "20000" 20000.
func digits(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

// plainText is a string that YAML reads back as the same string unquoted,
// in a flow mapping: a letter, then letters, digits and . _ - only.
var plainText = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

// yamlWords are plain scalars YAML (1.1 or 1.2) may read as a boolean or null.
var yamlWords = map[string]bool{"true": true, "false": true, "null": true,
	"yes": true, "no": true, "on": true, "off": true, "y": true, "n": true}

// text is s plain (YAML, when it reads back the same) or quoted.
func (e *txEncoder) text(s string) string {
	if !e.json && plainText.MatchString(s) && !yamlWords[strings.ToLower(s)] {
		return s
	}
	return quoteText(s)
}

// quoteText quotes s in a syntax that is both a JSON string and a YAML
// double-quoted scalar: every character YAML would not take printed (the
// controls, DEL, the C1 controls, the line and paragraph separators, the
// byte order mark) is escaped as \uXXXX. s must be valid UTF-8.
func quoteText(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == utf8.RuneError:
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)) + h)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
