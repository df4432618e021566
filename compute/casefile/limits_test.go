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
