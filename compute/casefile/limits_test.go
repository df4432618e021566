package casefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// tcWantInputError checks that err is a one-line *InputError naming file
// and field whose message contains want.
func tcWantInputError(t *testing.T, err error, file, field, want string) {
	t.Helper()
	checkInputError(t, err, file, badInput{file: file, field: field, substring: want})
}

// tcRepeat is a case file whose list key holds n copies of item.
func tcRepeat(t *testing.T, base, key, item string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(base)
	b.WriteString(key + ":\n")
	for range n {
		b.WriteString("  - " + item + "\n")
	}
	return b.String()
}

func TestDecodeCase_CountLimits(t *testing.T) {
	minimal := tcMinimal(t)
	noWarrants := minimal[:strings.Index(minimal, "warrants:")]
	split := `{type: stock-split, date: 2006-01-10, ratio: "2:1"}`
	distribution := func(quotes int) string {
		q := strings.TrimSuffix(strings.Repeat(`"1.5", `, quotes), ", ")
		return fmt.Sprintf(`{type: distribution, date: 2006-01-02, kind: cash, per_share_value: "0.01", market_value: {pink_sheets: [%s]}}`, q)
	}
	triggering := func(items int) string {
		it := strings.TrimSuffix(strings.Repeat(`{description: cash, amount: "1", kind: cash}, `, items), ", ")
		return fmt.Sprintf(`{type: triggering-event, date: 2007-01-02, kind: merger, successor: Acquirer, consideration_per_share: [%s]}`, it)
	}
	aliased := func(events int) string {
		first := `{type: triggering-event, date: 2006-01-02, kind: merger, successor: &d "` + strings.Repeat("D", MaxTextChars) +
			`", consideration_per_share: &c [` + strings.TrimSuffix(strings.Repeat(`{description: *d, amount: "1", kind: cash}, `, MaxListItems), ", ") + "]}"
		return tcRepeat(t, minimal, "events", first, 1) + strings.Repeat("  - {type: triggering-event, date: 2006-01-02, kind: merger, successor: *d, consideration_per_share: *c}\n", events-1)
	}
	tests := []struct {
		name, src    string
		field, error string // error "" means the case is accepted
	}{
		{"aliases expanding to 8 MiB", aliased(80), "", ""},
		{"aliases expanding beyond", aliased(90), "events[83].consideration_per_share[70].description", "with its aliases expanded, the file's text is larger than 8 MiB (allowed: aliases that repeat less text)"},
		{"events at the limit", tcRepeat(t, minimal, "events", split, MaxEvents), "", ""},
		{"one event too many", tcRepeat(t, minimal, "events", "{}", MaxEvents+1), "events", "lists 1001 events (allowed: at most 1000 events)"},
		{"one warrant too many", tcRepeat(t, noWarrants, "warrants", "{}", MaxInlineWarrants+1), "warrants", "lists 10001 warrants (allowed: at most 10000 warrants in a case file; list more in a register (--register FILE.csv))"},
		{"quotes at the limit", tcRepeat(t, minimal, "events", distribution(MaxListItems), 1), "", ""},
		{"one quote too many", tcRepeat(t, minimal, "events", distribution(MaxListItems+1), 1), "events[1].market_value.pink_sheets", "has 101 values (allowed: at most 100 quotes)"},
		{"consideration at the limit", tcRepeat(t, minimal, "events", triggering(MaxListItems), 1), "", ""},
		{"one consideration item too many", tcRepeat(t, minimal, "events", triggering(MaxListItems+1), 1), "events[1].consideration_per_share", "has 101 items (allowed: at most 100 items)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tcDecode(t, tt.src)
			if tt.error == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(c.Events) == 0 {
					t.Fatal("no events decoded")
				}
				return
			}
			tcWantInputError(t, err, "case.yaml", tt.field, tt.error)
		})
	}
}

// TestDecodeCase_WarrantsAtTheLimit: the largest list of warrants a case file
// may hold fits in the largest case file.
func TestDecodeCase_WarrantsAtTheLimit(t *testing.T) {
	minimal := tcMinimal(t)
	var b strings.Builder
	b.WriteString(minimal[:strings.Index(minimal, "warrants:")])
	b.WriteString("warrants:\n")
	for i := 1; i <= MaxInlineWarrants; i++ {
		fmt.Fprintf(&b, "  - number: W-F-05-%06d\n    holder:\n      name: \"Holder Número %d of the Series\"\n      address: [\"%d Long Avenue, Suite 100\", \"Hillside, New Jersey 07205\", \"United States of America\"]\n    shares: \"%d.25\"\n    email: holder%d@example.com\n    tax_id_last4: \"0123\"\n", i, i, i, i, i)
	}
	if b.Len() > MaxCaseFileBytes {
		t.Fatalf("%d warrants take %d bytes, more than the %d a case file may have", MaxInlineWarrants, b.Len(), MaxCaseFileBytes)
	}
	c, err := tcDecode(t, b.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warrants) != MaxInlineWarrants {
		t.Errorf("%d warrants decoded", len(c.Warrants))
	}
}

// tcEndless is a reader that gives a prefix and then comment lines without end,
// counting what it gave.
type tcEndless struct {
	prefix []byte
	given  int64
}

func (r *tcEndless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.prefix) > 0 {
			k := copy(p[n:], r.prefix)
			r.prefix = r.prefix[k:]
			n += k
			continue
		}
		line := "# padding padding padding padding padding padding padding padding\n"
		n += copy(p[n:], line[int(r.given+int64(n))%len(line):])
	}
	r.given += int64(n)
	return n, nil
}

func TestDecodeCase_FileTooLarge(t *testing.T) {
	r := &tcEndless{prefix: []byte(tcMinimal(t))}
	_, err := Decode("huge.yaml", r)
	tcWantInputError(t, err, "huge.yaml", "-", "the case file is larger than 4 MiB (allowed: a case file of at most 4194304 bytes")
	if r.given > MaxCaseFileBytes+64<<10 {
		t.Errorf("read %d bytes of an endless input before refusing it; the limit is %d", r.given, MaxCaseFileBytes)
	}
}

// TestLoadCase_FileTooLarge: a case file on disk larger than the limit is
// refused from its size, without reading it.
func TestLoadCase_FileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxCaseFileBytes + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(path)
	tcWantInputError(t, err, path, "-", "the case file is larger than 4 MiB")
}

// TestDecodeCase_FileAtTheLimit: a file of exactly MaxCaseFileBytes is read.
func TestDecodeCase_FileAtTheLimit(t *testing.T) {
	src := []byte(tcMinimal(t))
	pad := bytes.Repeat([]byte("#"), MaxCaseFileBytes-len(src)-1)
	data := bytes.Join([][]byte{src, pad, []byte("\n")}, nil)
	if len(data) != MaxCaseFileBytes {
		t.Fatalf("built %d bytes", len(data))
	}
	if _, err := Decode("case.yaml", bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeCase_Dates(t *testing.T) {
	minimal := tcMinimal(t)
	withDates := func(issue, start, expiration string) string {
		s := strings.Replace(minimal, "original_issue_date: 2005-03-14", "original_issue_date: "+issue, 1)
		s = strings.Replace(s, "exercise_start: 2005-09-15", "exercise_start: "+start, 1)
		return strings.Replace(s, "expiration: 2010-03-14T17:00:00", "expiration: "+expiration, 1)
	}
	event := func(date string) string {
		return minimal + "events:\n  - {type: stock-split, date: " + date + `, ratio: "2:1"}` + "\n"
	}
	tests := []struct {
		name, src, field, error string
	}{
		{"first and last dates allowed", withDates("1900-01-01", "1900-01-01", "2100-12-31T17:00:00"), "", ""},
		{"day before the first", withDates("1899-12-31", "1900-01-01", "2010-03-14"), "terms.original_issue_date", "1899-12-31 is out of range"},
		{"day after the last", withDates("2005-03-14", "2005-09-15", "2101-01-01"), "terms.expiration", "2101-01-01 is out of range"},
		{"exercise start in year 0", withDates("2005-03-14", "0000-01-01", "2010-03-14"), "terms.exercise_start", "0000-01-01 is out of range"},
		{"event on the Original Issue Date", event("2005-03-14"), "", ""},
		{"event the day before", event("2005-03-13"), "events[1].date", "2005-03-13 is before the original_issue_date 2005-03-14"},
		{"event in year 0", event("0000-03-14"), "events[1].date", "0000-03-14 is out of range"},
		{"paid date out of range", minimal + "events:\n  - {type: stock-dividend, date: 2006-01-10, paid_date: 2222-01-01, shares_per_share: \"0.05\"}\n", "events[1].paid_date", "2222-01-01 is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tcDecode(t, tt.src)
			if tt.error == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			tcWantInputError(t, err, "case.yaml", tt.field, tt.error)
		})
	}
}

// TestDecodeCase_Decimals: the Warrant Price takes price_decimals, share
// quantities share_decimals, every other decimal at most MaxDecimals decimals
// and MaxIntegerDigits digits before the point. Trailing zeros do not count
// against price_decimals or share_decimals.
func TestDecodeCase_Decimals(t *testing.T) {
	minimal := tcMinimal(t)
	price := func(p string) string {
		return strings.Replace(minimal, `initial_warrant_price: "2.40"`, "initial_warrant_price: "+p, 1)
	}
	consideration := func(c string) string {
		return minimal + "events:\n  - {type: issuance, date: 2006-01-02, shares: \"1\", outstanding_before: \"100\", consideration: " + c + "}\n"
	}
	d20 := "0." + strings.Repeat("1", 20)
	tests := []struct {
		name, src, field, error string
	}{
		{"price with price_decimals decimals", price(`"2.4001"`), "", ""},
		{"price with trailing zeros", price(`"2.400000"`), "", ""},
		{"price with one decimal too many", price(`"2.40001"`), "terms.initial_warrant_price", "2.40001 has 5 decimals; at most 4 allowed (terms.price_decimals)"},
		{"price_decimals 10 allows 10", strings.Replace(price(`"2.4000000001"`), "  series:", "  price_decimals: 10\n  series:", 1), "", ""},
		{"unquoted price", price(`2.400001`), "terms.initial_warrant_price", "has 6 decimals; at most 4 allowed"},
		{"consideration with 20 decimals", consideration(`"` + d20 + `"`), "", ""},
		{"consideration with 21 decimals", consideration(`"` + d20 + `1"`), "events[1].consideration", "has 21 decimals; at most 20 allowed"},
		{"consideration with 30 digits", consideration(`"` + strings.Repeat("9", 30) + `"`), "", ""},
		{"consideration with 31 digits", consideration(`"` + strings.Repeat("9", 31) + `"`), "events[1].consideration", "has 31 digits before the decimal point; at most 30 allowed"},
		{"huge literal not echoed", consideration(`"` + strings.Repeat("9", 100000) + `x"`), "events[1].consideration", `"9999999999999999999999999999999999999999"… (100001 characters) is not a decimal`},
		{"ratio side too long", minimal + "events:\n  - {type: stock-split, date: 2006-01-10, ratio: \"" + strings.Repeat("2", 31) + ":1\"}\n", "events[1].ratio", "the new side has 31 digits before the decimal point"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tcDecode(t, tt.src)
			if tt.error == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			tcWantInputError(t, err, "case.yaml", tt.field, tt.error)
			if len(err.Error()) > 1000 {
				t.Errorf("message of %d bytes", len(err.Error()))
			}
		})
	}
}

func TestTextProblem(t *testing.T) {
	accepted := []string{
		"Glowpoint, Inc.",
		"Łukasz Żółć",
		"José Ñúñez García, 2º",
		"山田太郎",
		"Αλφα Κεφάλαιο",
		"Иван Петров",
		"שלום\u200fעולם",          // a right-to-left mark is ordinary bidi text, not an override
		"می\u200cخواهم",           // Persian: the non-joiner is part of the spelling
		"क्\u200dष",               // Devanagari: a joiner after a virama
		"One Main St\nSuite 2",    // a line break inside a register cell
		"a\tb",                    // a tab
		strings.Repeat("山", 1000), // the limit counts characters, not bytes
		"",
	}
	for _, s := range accepted {
		if p, _ := textProblem(s); p != "" {
			t.Errorf("textProblem(%q) = %q, want accepted", s, p)
		}
	}
	refused := []struct{ s, want string }{
		{"a\x00b", "contains U+0000 (control character) at character 2"},
		{"\x1b[31mred", "contains U+001B (control character) at character 1"},
		{"a\rb", "contains U+000D (control character)"},
		{"a\x7fb", "contains U+007F (control character)"},
		{"a\u0085b", "contains U+0085 (C1 control character)"},
		{"a\u009b2Jb", "contains U+009B (C1 control character)"},
		{"a\u202ab", "contains U+202A (left-to-right embedding)"},
		{"a\u202bb", "contains U+202B (right-to-left embedding)"},
		{"a\u202cb", "contains U+202C (pop directional formatting)"},
		{"a\u202db", "contains U+202D (left-to-right override)"},
		{"a\u202eb", "contains U+202E (right-to-left override)"},
		{"a\u2066b", "contains U+2066 (left-to-right isolate)"},
		{"a\u2067b", "contains U+2067 (right-to-left isolate)"},
		{"a\u2068b", "contains U+2068 (first strong isolate)"},
		{"a\u2069b", "contains U+2069 (pop directional isolate)"},
		{"a\u200bb", "contains U+200B (zero width space)"},
		{"a\u200cb", "contains U+200C (zero width non-joiner)"},
		{"Alpha\u200dCapital", "contains U+200D (zero width joiner) at character 6"},
		{"é\u200dè", "contains U+200D"},       // Latin letters, accents or not
		{"\u200cمی", "contains U+200C"},       // not between two letters
		{"می\u200c", "contains U+200C"},       // at the end
		{"می\u200c خواهم", "contains U+200C"}, // before a space
		{"a\u2060b", "contains U+2060 (word joiner)"},
		{"a\ufeffb", "contains U+FEFF (zero width no-break space (byte order mark))"},
		{strings.Repeat("a", 1001), "is 1001 characters long; at most 1000 allowed"},
		{strings.Repeat("山", 1001), "is 1001 characters long"},
	}
	for _, tt := range refused {
		p, a := textProblem(tt.s)
		if !strings.Contains(p, tt.want) || a == "" {
			t.Errorf("textProblem(%q) = %q, %q; want %q", tt.s, p, a, tt.want)
		}
	}
}

// TestDecodeCase_OrdinaryUnicode: names in every script a holder may write
// are kept as they are.
func TestDecodeCase_OrdinaryUnicode(t *testing.T) {
	names := []string{"Łukasz Żółć", "山田太郎", "Αλφα Κεφάλαιο", "Иван Петров", "שלום\u200fעולם", "می\u200cخواهم"}
	for _, name := range names {
		src := strings.Replace(tcMinimal(t), `holder: {name: "Alpha Capital Anstalt"}`, `holder: {name: "`+name+`"}`, 1)
		c, err := tcDecode(t, src)
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		if got := c.Warrants[0].Holder.Name; got != name {
			t.Errorf("name %q decoded as %q", name, got)
		}
	}
}

// tcEndlessRow is a register whose second row never ends: a quoted cell of
// short lines without end.
type tcEndlessRow struct {
	head  []byte
	given int64
}

func (r *tcEndlessRow) Read(p []byte) (int, error) {
	n := copy(p, r.head)
	r.head = r.head[n:]
	for n < len(p) {
		p[n] = "abcdefg\n"[(r.given+int64(n))%8]
		n++
	}
	r.given += int64(n)
	return n, nil
}

func TestRegisterReader_RowTooLarge(t *testing.T) {
	head := "number,holder_name,holder_address,shares\nW-F-05-001,A,B,1\nW-F-05-002,\""
	r := &tcEndlessRow{head: []byte(head)}
	rr, err := NewRegisterReader("big.csv", r, registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	if w, err := rr.Next(); err != nil || w.Number != "W-F-05-001" {
		t.Fatalf("row 1: %+v, %v", w, err)
	}
	_, err = rr.Next()
	tcWantInputError(t, err, "big.csv", "-", "row 2: the row is larger than 64 KiB (allowed: rows of at most 65536 bytes)")
	if _, again := rr.Next(); again != err {
		t.Errorf("Next after the error = %v, want the same error", again)
	}
	if r.given > MaxRegisterRowBytes+16<<10 {
		t.Errorf("read %d bytes before refusing the row", r.given)
	}
}

func TestRegisterReader_HeaderTooLarge(t *testing.T) {
	r := &tcEndlessRow{head: []byte(`number,"`)}
	_, err := NewRegisterReader("big.csv", r, registerTerms())
	tcWantInputError(t, err, "big.csv", "header", "the row is larger than 64 KiB")
}

// TestRegisterReader_LargestRows: rows as large as the field limits allow,
// with a byte order mark before the header, are read, each on its own.
func TestRegisterReader_LargestRows(t *testing.T) {
	line := strings.Repeat("山", MaxTextChars) // 3,000 bytes
	address := strings.TrimSuffix(strings.Repeat(line+"|", MaxAddressLines), "|")
	var b strings.Builder
	b.WriteString("\ufeffnumber,holder_name,holder_address,shares,email\n")
	const rows = 50
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&b, "W-F-05-%03d,%s,\"%s\",1,%s@example.com\n", i, line, address, strings.Repeat("x", MaxTextChars-len("@example.com")))
	}
	ws, err := ReadRegister("r.csv", strings.NewReader(b.String()), registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != rows || len(ws[rows-1].Holder.Address) != MaxAddressLines {
		t.Errorf("%d rows read", len(ws))
	}
}

func TestWarrantNumberProblem_Digits(t *testing.T) {
	if p, _ := warrantNumberProblem("W-F-05", "W-F-05-"+strings.Repeat("9", MaxNumberDigits)); p != "" {
		t.Errorf("30 digits refused: %s", p)
	}
	p, a := warrantNumberProblem("W-F-05", "W-F-05-"+strings.Repeat("9", MaxNumberDigits+1))
	if p != "has 31 digits after the series; at most 30 allowed" || a == "" {
		t.Errorf("31 digits: %q, %q", p, a)
	}
	csv := "number,holder_name,holder_address,shares\nW-F-05-" + strings.Repeat("1", 500) + ",A,B,1\n"
	_, err := ReadRegister("r.csv", strings.NewReader(csv), registerTerms())
	tcWantInputError(t, err, "r.csv", "number", "row 1: number: has 500 digits after the series; at most 30 allowed")
}

// TestRegisterReader_NumbersWithZeros: a number is the same warrant however
// many leading zeros it has; the message spells the first as it was written.
func TestRegisterReader_NumbersWithZeros(t *testing.T) {
	tests := []struct{ first, second, want string }{
		{"W-F-05-1", "W-F-05-001", `duplicate warrant number "W-F-05-001": the same number as "W-F-05-1" (first on row 1)`},
		{"W-F-05-0010", "W-F-05-10", `duplicate warrant number "W-F-05-10": the same number as "W-F-05-0010" (first on row 1)`},
		{"W-F-05-000", "W-F-05-0", `duplicate warrant number "W-F-05-0": the same number as "W-F-05-000" (first on row 1)`},
		{"W-F-05-7", "W-F-05-7", `duplicate warrant number "W-F-05-7" (first on row 1)`},
	}
	for _, tt := range tests {
		csv := "number,holder_name,holder_address,shares\n" + tt.first + ",A,B,1\n" + tt.second + ",C,D,2\n"
		_, err := ReadRegister("r.csv", strings.NewReader(csv), registerTerms())
		tcWantInputError(t, err, "r.csv", "number", "row 2: number: "+tt.want)
	}
	csv := "number,holder_name,holder_address,shares\nW-F-05-1,A,B,1\nW-F-05-10,C,D,2\nW-F-05-100,C,D,2\n"
	if ws, err := ReadRegister("r.csv", strings.NewReader(csv), registerTerms()); err != nil || len(ws) != 3 {
		t.Errorf("1, 10 and 100 are different numbers: %v, %v", ws, err)
	}
}

func TestRowLimiter_ErrorIsNotInputError(t *testing.T) {
	// A read error of the underlying reader still ends the reading as a
	// read error, not as a row that is too large.
	rr, err := NewRegisterReader("r.csv", io.MultiReader(strings.NewReader("number,holder_name,holder_address,shares\n"), tcFailingReader{}), registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	_, err = rr.Next()
	if err == nil || errors.Is(err, compute.ErrInvalid) || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the read error", err)
	}
}
