package casefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/compute"
)

// registerTerms are the terms the register tests check rows against.
func registerTerms() compute.Terms {
	t := compute.DefaultTerms()
	t.Series = "W-F-05"
	return t
}

func TestReadRegister_Valid(t *testing.T) {
	f, err := os.Open("testdata/good/register.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ws, err := ReadRegister("register.csv", f, registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		number, name string
		address      []string
		shares       string
		email, tax   string
		parent       string
	}{
		{"W-F-05-001", "Alpha Capital Anstalt", []string{"Pradafant 7", "9490 Vaduz", "Liechtenstein"}, "250000", "", "", ""},
		{"W-F-05-002", "Łukasz Żółć", []string{"ul. Długa 5", "00-238 Warszawa"}, "1234.50", "lukasz@example.com", "0123", ""},
		{"W-F-05-003", "José Ñúñez García", []string{"Calle Mayor 1, 2º", "28013 Madrid"}, "10", "", "", ""},
		{"W-F-05-004", "山田太郎", []string{"東京都千代田区丸の内1-1", "100-0005"}, "0.01", "yamada@example.jp", "9876", ""},
		{"W-F-05-005", `Quote "The Fund" LP`, []string{"One Main St\nSuite 2", "Springfield"}, "7", "", "", ""},
	}
	if len(ws) != len(want) {
		t.Fatalf("%d warrants, want %d", len(ws), len(want))
	}
	for i, w := range want {
		got := ws[i]
		if got.Number != w.number || got.Holder.Name != w.name || !reflect.DeepEqual(got.Holder.Address, w.address) ||
			got.Email != w.email || got.TaxID4 != w.tax || got.Parent != w.parent || got.Line != i+1 {
			t.Errorf("row %d = %+v", i+1, got)
		}
		tcWantDec(t, fmt.Sprintf("row %d shares", i+1), got.Shares, w.shares)
	}
}

// TestReadRegister_MatchesCaseFile: a register and a case file that list the
// same warrant decode to the same Warrant, apart from where it was declared.
func TestReadRegister_MatchesCaseFile(t *testing.T) {
	c := tcLoad(t, "testdata/good/full.yaml")
	csv := "number,holder_name,holder_address,shares,email,tax_id_last4,parent\n" +
		"W-F-05-002,Łukasz Żółć,ul. Długa 5|00-238 Warszawa,1234.5,lukasz@example.com,0123,\n"
	ws, err := ReadRegister("r.csv", strings.NewReader(csv), c.Terms)
	if err != nil {
		t.Fatal(err)
	}
	got, want := ws[0], c.Warrants[1]
	got.Line, want.Line = 0, 0
	if !reflect.DeepEqual(got, want) {
		t.Errorf("register %+v\ncase file %+v", got, want)
	}
}

func TestRegisterReader_ByteOrderMark(t *testing.T) {
	csv := "\ufeffnumber,holder_name,holder_address,shares\nW-F-05-001,A,B,1\n"
	ws, err := ReadRegister("r.csv", strings.NewReader(csv), registerTerms())
	if err != nil || len(ws) != 1 {
		t.Fatalf("ws = %v, err = %v", ws, err)
	}
}

func TestReadRegister_HeaderOnly(t *testing.T) {
	ws, err := ReadRegister("r.csv", strings.NewReader("number,holder_name,holder_address,shares\n"), registerTerms())
	if err != nil || len(ws) != 0 {
		t.Errorf("ws = %v, err = %v", ws, err)
	}
}

func TestReadRegister_Bad(t *testing.T) {
	ws := readBadInputs(t, "testdata/badreg")
	for _, w := range ws {
		t.Run(w.file, func(t *testing.T) {
			path := filepath.Join("testdata/badreg", w.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadRegister(path, bytes.NewReader(data), registerTerms())
			if got != nil {
				t.Errorf("ReadRegister returned %d warrants with the error", len(got))
			}
			checkInputError(t, err, path, w)
		})
	}
}

// TestRegisterReader_GoesOnAfterBadRow: an error about one row leaves the
// reader usable, so every bad row can be reported; a duplicate is still
// caught after an earlier row failed.
func TestRegisterReader_GoesOnAfterBadRow(t *testing.T) {
	csv := "number,holder_name,holder_address,shares\n" +
		"W-F-05-001,A,B,1\n" +
		"W-F-05-002,A,B,-1\n" + // bad shares
		"W-F-05-003,A,B,1,extra\n" + // wrong field count
		"W-F-05-002,A,B,2\n" + // duplicate of row 2, whose number was valid
		"W-F-05-004,A,B,3\n"
	rr, err := NewRegisterReader("r.csv", strings.NewReader(csv), registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		w, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ie *compute.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("row error is %T: %v", err, err)
			}
			got = append(got, fmt.Sprintf("error row %d", ie.Row))
			continue
		}
		got = append(got, w.Number)
	}
	want := []string{"W-F-05-001", "error row 2", "error row 3", "error row 4", "W-F-05-004"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := rr.Next(); err != io.EOF {
		t.Errorf("Next after the end = %v, want io.EOF", err)
	}
}

// TestRegisterReader_SyntaxErrorEndsReading: after a quoting error the rows
// that follow cannot be trusted, so the error sticks.
func TestRegisterReader_SyntaxErrorEndsReading(t *testing.T) {
	csv := "number,holder_name,holder_address,shares\nW-F-05-001,A \"B\",C,1\nW-F-05-002,A,B,1\n"
	rr, err := NewRegisterReader("r.csv", strings.NewReader(csv), registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	_, err1 := rr.Next()
	_, err2 := rr.Next()
	if err1 == nil || err2 != err1 {
		t.Errorf("errors %v, then %v; want the same error twice", err1, err2)
	}
}

// rowSource generates a register of n rows on demand, so that the test
// measures the reader's memory and not the input's.
type rowSource struct {
	n, next int
	buf     []byte
}

func (s *rowSource) Read(p []byte) (int, error) {
	for len(s.buf) < len(p) && s.next <= s.n {
		if s.next == 0 {
			s.buf = append(s.buf, "number,holder_name,holder_address,shares,email\n"...)
		} else {
			s.buf = fmt.Appendf(s.buf, "W-F-05-%06d,Holder Número %d,Street %d|City %d,%d.25,h%d@example.com\n", s.next, s.next, s.next, s.next, s.next, s.next)
		}
		s.next++
	}
	if len(s.buf) == 0 {
		return 0, io.EOF
	}
	k := copy(p, s.buf)
	s.buf = s.buf[:copy(s.buf, s.buf[k:])]
	return k, nil
}

func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestRegisterReader_StreamsInFlatMemory reads 100,000 rows through Next: the
// heap may grow by the set of seen numbers, not by the rows.
func TestRegisterReader_StreamsInFlatMemory(t *testing.T) {
	const rows = 100_000
	start := time.Now()
	before := heapAlloc()
	rr, err := NewRegisterReader("big.csv", &rowSource{n: rows}, registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	sum := tcDec("0")
	for {
		w, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		count++
		sum = sum.Add(w.Shares)
	}
	after := heapAlloc()
	runtime.KeepAlive(rr)
	if count != rows {
		t.Fatalf("read %d rows, want %d", count, rows)
	}
	// Σ (k + 0.25) for k = 1..n.
	if want := tcDec(fmt.Sprint(rows * (rows + 1) / 2)).Add(tcDec("0.25").Mul(tcDec(fmt.Sprint(rows)))); !sum.Equal(want) {
		t.Errorf("sum of shares = %s, want %s", sum, want)
	}
	grown := int64(after) - int64(before)
	t.Logf("%d rows in %v; heap grew by %d KiB", rows, time.Since(start), grown>>10)
	// The set of 100,000 numbers takes about 5 MB; keeping every Warrant
	// would take about 30 MB, so 16 MB tells the two apart with room to spare.
	if grown > 16<<20 {
		t.Errorf("heap grew by %d bytes reading %d rows; the reader should keep only the seen numbers", grown, rows)
	}
}

// FuzzRegister: no register may crash the reader, and every error about the
// input is an *InputError with a one-line message.
func FuzzRegister(f *testing.F) {
	for _, pattern := range []string{"testdata/good/*.csv", "testdata/badreg/*.csv"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	terms := registerTerms()
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(err error) {
			var ie *compute.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is %T, not *InputError: %v", err, err)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, "fuzz.csv") {
				t.Fatalf("bad message: %q", msg)
			}
		}
		// The view reader refuses in one line or reads rows a view may hold.
		if rows, err := ReadRegisterView("fuzz.csv", bytes.NewReader(data), terms); err != nil {
			check(err)
		} else {
			for _, v := range rows {
				if v.WarrantPrice.Sign() < 0 || v.Parent != "" && compute.WarrantNumberKey(terms.Series, v.Parent) == compute.WarrantNumberKey(terms.Series, v.Number) {
					t.Fatalf("invalid view row accepted: %+v", v)
				}
			}
		}
		rr, err := NewRegisterReader("fuzz.csv", bytes.NewReader(data), terms)
		if err != nil {
			check(err)
			return
		}
		seen := map[string]bool{}
		var last error
		for range len(data) + 2 { // every call consumes a row or ends
			w, err := rr.Next()
			if err == io.EOF || (err != nil && err == last) {
				return // the end, or an error that ends the reading
			}
			if err != nil {
				check(err)
				last = err
				continue
			}
			key := compute.WarrantNumberKey(terms.Series, w.Number)
			if seen[key] || w.Parent != "" || w.Shares.Sign() <= 0 || w.Holder.Name == "" || len(w.Holder.Address) == 0 || len(w.Holder.Address) > MaxAddressLines {
				t.Fatalf("invalid warrant accepted: %+v", w)
			}
			seen[key] = true
			tcFuzzText(t, w.Holder.Name, w.Email)
			tcFuzzText(t, w.Holder.Address...)
		}
		t.Fatalf("Next did not reach the end")
	})
}
