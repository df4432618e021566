package folder

import (
	"strings"
	"testing"
)

const goodRecord = `{"tool": "warrantkit", "version": "0.1.0-dev", "command": "exercise", "series": "W-F-05",
 "inputs": {"case": {"path": "inputs/case.yaml", "sha256": "` + zeros64 + `", "size": 10}},
 "warrant": {"number": "W-F-05-001", "holder": {"name": "Alpha", "address": ["Vaduz"]}, "shares": "250000.00", "price": "2.4000"},
 "exercise": {"date": "2005-11-01", "method": "cash", "warrant_price": "2.4000", "shares_exercised": "100000.00", "cashless_shares": "0.00",
  "cash_shares": "100000.00", "shares_issued": "100000", "shares_canceled": "0.00", "fraction": "0.00", "cash_in_lieu": "0.00",
  "aggregate_price": "240000.00", "remaining_shares": "150000.00"},
 "new_warrants": [{"role": "balance", "number": "W-F-05-015", "holder": {"name": "Alpha", "address": ["Vaduz"]}, "shares": "150000.00", "price": "2.4000"}],
 "files": [{"path": "warrants/W-F-05-015.pdf", "sha256": "` + zeros64 + `", "size": 1}]}`

const zeros64 = "0000000000000000000000000000000000000000000000000000000000000000"

// TestDecodeRecord: a record decodes; every malformed one names the JSON
// path and the reason.
func TestDecodeRecord(t *testing.T) {
	r, err := DecodeRecord("x/exercise.json", []byte(goodRecord))
	if err != nil || r.Exercise.SharesIssued != "100000" || r.NewWarrants[0].Number != "W-F-05-015" {
		t.Fatalf("%v %+v", err, r)
	}
	for _, tc := range []struct{ from, to, want string }{
		{`"fraction": "0.00"`, `"fraction": "0.00", "extra": 1`, "x/exercise.json: /exercise/extra: unknown field"},
		{`"price": "2.4000"}`, `"price": "2.40000000001"}`, `/warrant/price: "2.40000000001" has 11 decimals`},
		{`"shares_issued": "100000"`, `"shares_issued": 1e5`, "/exercise/shares_issued: is the number 1e5, not a string"},
		{`"shares_issued": "100000"`, `"shares_issued": "-1"`, "/exercise/shares_issued: -1 is not positive"},
		{`"date": "2005-11-01"`, `"date": "2005-13-01"`, "/exercise/date:"},
		{`"method": "cash"`, `"method": "barter"`, `/exercise/method: "barter" is not a method of exercise`},
		{`"path": "warrants/W-F-05-015.pdf"`, `"path": "../W-F-05-015.pdf"`, "/files/0/path:"},
		{`"path": "warrants/W-F-05-015.pdf"`, `"path": "/dev/zero.pdf"`, `/files/0/path: "/dev/zero.pdf" is an absolute path`},
		{`"path": "warrants/W-F-05-015.pdf"`, `"path": "warrants//W-F-05-015.pdf"`, `/files/0/path: "warrants//W-F-05-015.pdf" is not a clean path`},
		{`"series": "W-F-05",`, `"series": "W-F-05", "series": "W-F-06",`, `/series: the key "series" appears twice`},
		{`"role": "balance"`, `"role": "assignee"`, `/new_warrants/0/role: "assignee" is not a new warrant of exercise`},
		{`"command": "exercise"`, `"command": "assign"`, "/command: exercise.json is the record of exercise, not of assign"},
		{`"series": "W-F-05",`, ``, "/series: is missing"},
		{`}]}`, `}]}]`, "has more after the JSON object"},
		{`{"tool"`, `{"tool" x`, "is not JSON"},
	} {
		if !strings.Contains(goodRecord, tc.from) {
			t.Fatalf("record lacks %s", tc.from)
		}
		_, err := DecodeRecord("x/exercise.json", []byte(strings.Replace(goodRecord, tc.from, tc.to, 1)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s → %s: %v, want %s", tc.from, tc.to, err, tc.want)
		}
	}
}

// FuzzDecodeRecord: any input decodes or is refused with an error; never a
// panic, and a decoded record encodes and decodes to the same bytes.
func FuzzDecodeRecord(f *testing.F) {
	f.Add([]byte(goodRecord))
	f.Add([]byte(`{"tool": "warrantkit"}`))
	f.Add([]byte(`[1, "a", null]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRecord("exercise.json", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
			return
		}
		b, err := r.Encode()
		if err != nil {
			t.Fatal(err)
		}
		r2, err := DecodeRecord("exercise.json", b)
		if err != nil {
			t.Fatalf("re-decoding the encoded record: %v", err)
		}
		b2, _ := r2.Encode()
		if string(b) != string(b2) {
			t.Errorf("encode is not stable")
		}
	})
}
