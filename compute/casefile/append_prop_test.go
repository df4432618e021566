package casefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
	"pgregory.net/rapid"
)

// genCaseYAML draws a YAML case file: the top-level keys in any order,
// comments and blank lines anywhere between them, lists indented 0, 2 or 4
// with one to three spaces after the dash, items in block or flow style,
// with or without a transactions key (empty, or with items, maybe a block
// scalar with kept trailing blank lines last), LF or CRLF.
func genCaseYAML(t *rapid.T) string {
	junk := func(label string) string {
		var b strings.Builder
		for range rapid.IntRange(0, 2).Draw(t, label) {
			switch rapid.IntRange(0, 2).Draw(t, label+"-kind") {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString("# a comment: - {not: an item}\n")
			case 2:
				b.WriteString(strings.Repeat(" ", rapid.IntRange(0, 6).Draw(t, label+"-col")) + "# indented comment\n")
			}
		}
		return b.String()
	}
	dash := func(label string) string {
		return strings.Repeat(" ", rapid.SampledFrom([]int{0, 2, 4}).Draw(t, label+"-indent")) + "-" +
			strings.Repeat(" ", rapid.IntRange(1, 3).Draw(t, label+"-gap"))
	}
	list := func(label string, items [][]string) string {
		d := dash(label)
		pad := strings.Repeat(" ", len(d))
		var b strings.Builder
		for i, lines := range items {
			if i > 0 {
				b.WriteString(junk(label + "-between"))
			}
			b.WriteString(d + lines[0] + "\n")
			for _, l := range lines[1:] {
				if l == "" {
					b.WriteString("\n")
				} else {
					b.WriteString(pad + l + "\n")
				}
			}
		}
		return b.String()
	}
	parts := map[string]string{
		"issuer": "issuer:\n  name: \"Glowpoint, Inc.\"\n  jurisdiction: Delaware\n  address: [\"225 Long Avenue\"]\n" +
			"  signatory: {name: \"G\", title: \"CFO\"}\n  notice: {attention: \"CFO\", phone: \"1\", fax: \"2\"}\n",
		"terms": "terms:\n  series: W-F-05\n  original_issue_date: 2005-03-14\n  exercise_start: 2005-09-15\n" +
			"  expiration: 2010-03-14T17:00:00\n  initial_warrant_price: \"2.40\"\n  market_value_at_issue: \"1.50\"\n",
		"warrants": "warrants:\n" + list("warrants", [][]string{
			{"number: W-F-05-001", "holder: {name: \"Alpha\", address: [\"x\"]}", "shares: \"250000\""},
			{"{number: W-F-05-004, holder: {name: \"Ł\", address: [\"y\"]}, shares: \"41667\"}"}}),
		"events": "events:\n" + list("events", [][]string{{"{type: stock-split, date: 2006-01-17, ratio: \"2:1\"}"}}),
	}
	keys := []string{"issuer", "terms", "warrants", "events"}
	kept := false // a block scalar keeping its final line breaks
	switch rapid.IntRange(0, 3).Draw(t, "transactions") {
	case 1:
		parts["transactions"] = "transactions:" + rapid.SampledFrom([]string{"", "  # none yet"}).Draw(t, "empty") + "\n"
	case 2, 3:
		last := []string{"{type: cancellation, warrant: W-F-05-006, date: 2006-03-01}"}
		if kept = rapid.Bool().Draw(t, "block scalar"); kept {
			last = []string{"type: cancellation", "warrant: W-F-05-006", "date: 2006-03-01", "note: |+", "  kept", "", ""}
		}
		parts["transactions"] = "transactions:\n" + list("transactions", [][]string{
			{"{type: replacement, warrant: W-F-05-001, date: 2005-06-01, reason: lost, number: W-F-05-005}"},
			{"type: replacement", "warrant: W-F-05-005", "date: 2005-07-01", "reason: stolen", "number: W-F-05-006"},
			last})
	}
	if _, ok := parts["transactions"]; ok {
		keys = append(keys, "transactions")
	}
	order := rapid.Permutation(keys).Draw(t, "order")
	var b strings.Builder
	b.WriteString(junk("head"))
	for _, k := range order {
		b.WriteString(parts[k])
		b.WriteString(junk("after-" + k))
	}
	s := b.String()
	// (A kept block scalar at the end of a file without its last newline
	// cannot be followed by any line without gaining one: refused.)
	if !kept && rapid.Bool().Draw(t, "no final newline") {
		s = strings.TrimRight(s, "\n")
	}
	if rapid.Bool().Draw(t, "crlf") {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return s
}

// checkOneInsertion fails unless out is in with one insertion, and (lines)
// that insertion is of whole lines: it starts a line (or follows the last
// one, with the newline it lacked) and ends with a newline. It returns the
// inserted text.
func checkOneInsertion(t interface {
	Helper()
	Fatalf(string, ...any)
}, in, out []byte, lines bool) string {
	t.Helper()
	n := len(out) - len(in)
	if n <= 0 {
		t.Fatalf("nothing inserted")
	}
	p := 0
	for p < len(in) && in[p] == out[p] {
		p++
	}
	s := 0
	for s < len(in) && in[len(in)-1-s] == out[len(out)-1-s] {
		s++
	}
	if p+s < len(in) {
		t.Fatalf("not one insertion: the input changes between offsets %d and %d", p, len(in)-s)
	}
	for q := len(in) - s; q <= p; q++ {
		text := string(out[q : q+n])
		if !lines {
			return text
		}
		starts := q == 0 || in[q-1] == '\n' || q == len(in) && strings.HasPrefix(strings.TrimPrefix(text, "\r"), "\n")
		if starts && strings.HasSuffix(text, "\n") {
			return text
		}
	}
	t.Fatalf("the insertion is not of whole lines:\n%s", out)
	return ""
}

// TestAppendTransactions_YAMLProperty: for any drawn case file, the result
// is the input with whole lines inserted, reads the same with the new
// transaction last, and the case file decoder accepts it when it accepted
// the input.
func TestAppendTransactions_YAMLProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		in := []byte(genCaseYAML(rt))
		tx := compute.Transaction{Type: compute.TxExercise, Warrant: "W-F-05-004", Date: compute.Date{Year: 2009, Month: 10, Day: 1},
			Shares: dec("20000"), Method: "cash", Balance: "W-F-05-007", Note: rapid.SampledFrom([]string{"", "yes", "a: b # c", "Ł\n\"q\""}).Draw(rt, "note")}
		out, err := AppendTransactions("case.yaml", in, []compute.Transaction{tx}, compute.Terms{})
		if err != nil {
			rt.Fatalf("%v\n%s", err, in)
		}
		text := checkOneInsertion(rt, in, out, true)
		if !strings.Contains(text, EncodeTransaction(tx, compute.Terms{}, false)) {
			rt.Fatalf("inserted %q", text)
		}
		if bytes.Contains(in, []byte("\r\n")) && strings.Count(text, "\n") != strings.Count(text, "\r\n") {
			rt.Fatalf("LF lines inserted into a CRLF file: %q", text)
		}
		js, err := yamlToJSON(out)
		if err != nil {
			rt.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(js, &doc); err != nil {
			rt.Fatal(err)
		}
		items := doc["transactions"].([]any)
		if got := items[len(items)-1].(map[string]any); got["warrant"] != "W-F-05-004" || got["note"] != nilIfEmpty(tx.Note) {
			rt.Fatalf("last transaction reads %v", got)
		}
		if _, err := decodeData("case.yaml", out); err != nil {
			rt.Fatalf("does not decode: %v\n%s", err, out)
		}
		// Recording again, on the recorded ledger, appends after it.
		next := compute.Transaction{Type: compute.TxCancellation, Warrant: "W-F-05-007", Date: compute.Date{Year: 2009, Month: 10, Day: 2}}
		out2, err := AppendTransactions("case.yaml", out, []compute.Transaction{next}, compute.Terms{})
		if err != nil {
			rt.Fatalf("second recording: %v\n%s", err, out)
		}
		if at := bytes.Index(out2, []byte(EncodeTransaction(next, compute.Terms{}, false))); at < bytes.Index(out2, []byte(EncodeTransaction(tx, compute.Terms{}, false))) {
			rt.Fatalf("the second transaction is not after the first:\n%s", out2)
		}
		checkOneInsertion(rt, out, out2, true)
	})
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// yamlToJSON reads YAML as plain values and writes them as JSON, dates as
// strings.
func yamlToJSON(data []byte) ([]byte, error) {
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// TestAppendTransactions_JSONProperty: for any JSON case file (keys in any
// order, pretty or compact, with or without transactions), the result is
// valid JSON, the input with one insertion, and reads the same outside the
// transactions, which gain the new ones.
func TestAppendTransactions_JSONProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		members := map[string]string{
			"issuer":   `{"name": "Glowpoint, Inc.", "jurisdiction": "Delaware", "address": ["225 Long Avenue"], "signatory": {"name": "G", "title": "CFO"}, "notice": {"attention": "CFO", "phone": "1", "fax": "2"}}`,
			"terms":    `{"series": "W-F-05", "original_issue_date": "2005-03-14", "exercise_start": "2005-09-15", "expiration": "2010-03-14T17:00:00", "initial_warrant_price": "2.40", "market_value_at_issue": "1.50"}`,
			"warrants": `[{"number": "W-F-05-004", "holder": {"name": "Ł", "address": ["y"]}, "shares": "41667"}]`,
		}
		keys := []string{"issuer", "terms", "warrants"}
		switch rapid.IntRange(0, 2).Draw(rt, "transactions") {
		case 1:
			members["transactions"], keys = "[]", append(keys, "transactions")
		case 2:
			members["transactions"], keys = `[{"type": "replacement", "warrant": "W-F-05-004", "date": "2005-06-01", "reason": "lost", "number": "W-F-05-005"}]`, append(keys, "transactions")
		}
		var b bytes.Buffer
		b.WriteString("{")
		for i, k := range rapid.Permutation(keys).Draw(rt, "order") {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"` + k + `":` + members[k])
		}
		b.WriteString("}")
		var in bytes.Buffer
		switch rapid.IntRange(0, 2).Draw(rt, "style") {
		case 0:
			json.Compact(&in, b.Bytes())
		case 1:
			json.Indent(&in, b.Bytes(), "", "  ")
			in.WriteString("\n")
		case 2:
			json.Indent(&in, b.Bytes(), "", "\t")
		}
		warrant := "W-F-05-004"
		if _, ok := members["transactions"]; ok && strings.Contains(members["transactions"], "W-F-05-005") {
			warrant = "W-F-05-005"
		}
		tx := compute.Transaction{Type: compute.TxCancellation, Warrant: warrant, Date: compute.Date{Year: 2006, Month: 2, Day: 1}, Reason: "repurchased"}
		out, err := AppendTransactions("case.json", in.Bytes(), []compute.Transaction{tx}, compute.Terms{})
		if err != nil {
			rt.Fatalf("%v\n%s", err, in.Bytes())
		}
		checkOneInsertion(rt, in.Bytes(), out, false)
		var before, after map[string]any
		if err := json.Unmarshal(in.Bytes(), &before); err != nil {
			rt.Fatal(err)
		}
		if err := json.Unmarshal(out, &after); err != nil {
			rt.Fatalf("not valid JSON: %v\n%s", err, out)
		}
		old, _ := before["transactions"].([]any)
		now := after["transactions"].([]any)
		if len(now) != len(old)+1 || now[len(now)-1].(map[string]any)["reason"] != "repurchased" {
			rt.Fatalf("transactions read %v", now)
		}
		delete(before, "transactions")
		delete(after, "transactions")
		if !reflect.DeepEqual(before, after) {
			rt.Fatalf("changed outside the transactions:\n%s", out)
		}
	})
}

// FuzzAppendTransactions: on any input, AppendTransactions returns an error
// or the input with one insertion (of whole lines, for YAML), never panics;
// and the appended transaction's note, any text, reads back as written.
func FuzzAppendTransactions(f *testing.F) {
	for _, dir := range []string{"testdata/good"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !strings.HasSuffix(e.Name(), ".csv") {
				f.Add(data, "n: #")
			}
		}
	}
	f.Add([]byte(appendHead), "yes")
	f.Add([]byte(appendHead+"transactions:\n  - {type: reissue, date: 2006-02-01}\n# c\nevents: []\n"), "\"q\"\\\u2028\x7f")
	f.Add([]byte(appendHead+"transactions:\n"), "Ł\n\t- x")
	f.Add([]byte(`{"issuer": {}, "transactions": []}`), "null")
	f.Fuzz(func(t *testing.T, data []byte, note string) {
		tx := compute.Transaction{Type: compute.TxCancellation, Warrant: "W-F-05-001", Date: compute.Date{Year: 2006, Month: 2, Day: 1}, Note: note}
		out, err := AppendTransactions("fuzz.yaml", data, []compute.Transaction{tx}, compute.Terms{})
		if err != nil {
			return
		}
		checkOneInsertion(t, data, out, !IsJSON(data))
		if got, err := lastNote(out); err != nil || got != note {
			t.Fatalf("the note %q reads back as %q (%v)", note, got, err)
		}
	})
}

// lastNote is the note of the last transaction of the case file data.
func lastNote(data []byte) (string, error) {
	top, err := parseTop("fuzz.yaml", data)
	if err != nil {
		return "", err
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "transactions" {
			items := top.Content[i+1].Content
			var tx struct{ Note string }
			err := items[len(items)-1].Decode(&tx)
			return tx.Note, err
		}
	}
	return "", errors.New("no transactions")
}
