package strictjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// TestCheckKeys: a key twice in one object is refused with the JSON pointer
// of the second and its line; the same key in two objects, or a value equal
// to a key, is not.
func TestCheckKeys(t *testing.T) {
	for _, c := range []struct {
		doc, want string // want: "" or "LINE POINTER"
	}{
		{`{"a":1,"b":2}`, ""},
		{`[{"a":1},{"a":2}]`, ""},
		{`{"a":{"a":"a"},"b":["a","a"]}`, ""},
		{`{"a":[],"b":{}}`, ""},
		{`"a"`, ""},
		{`not json`, ""},
		{`{"quantity":"250000","quantity":"999"}`, "1 /quantity"},
		{"{\n \"items\": [\n  {\"id\": 1},\n  {\"x\": {},\n   \"id\": 2, \"id\": 3}\n ]\n}", "5 /items/1/id"},
		{`{"a":[[1,{"b":2}],{"c":{"d/e~f":1,"d/e~f":2}}]}`, "1 /a/1/c/d~1e~0f"},
		{`{"":1,"":2}`, "1 /"},
		{`{"a":1,"\u0061":2}`, "1 /a"}, // the same key, escaped
	} {
		err := CheckKeys("f.json", []byte(c.doc))
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.doc, err)
			}
			continue
		}
		var ie *compute.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %v, want %s", c.doc, err, c.want)
			continue
		}
		if got := strings.Join([]string{itoa(ie.Line), ie.Field}, " "); got != c.want || ie.File != "f.json" || !strings.Contains(ie.Problem, "appears twice") {
			t.Errorf("%s: %s (%v), want %s", c.doc, got, err, c.want)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// FuzzCheckKeys: no input makes CheckKeys fail but with a one-line input
// error, and any JSON value given twice under one key is found.
func FuzzCheckKeys(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `[1,{"b":[{}]}]`, `"x"`, `{"a":{"a":1,"a":2}}`, `{`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := CheckKeys("f.json", data); err != nil {
			var ie *compute.InputError
			if !errors.As(err, &ie) || strings.ContainsAny(err.Error(), "\n\r") || !strings.HasPrefix(ie.Field, "/") {
				t.Fatalf("%v is not a one-line input error with a pointer", err)
			}
		}
		if !json.Valid(data) {
			return
		}
		doc := append(append([]byte(`{"k":`), data...), `,"k":1}`...)
		err := CheckKeys("f.json", doc)
		var ie *compute.InputError
		// The first duplicate found may lie inside data; otherwise it is /k.
		if !errors.As(err, &ie) || (ie.Field != "/k" && !strings.HasPrefix(ie.Field, "/k/")) {
			t.Fatalf("%s: the second k not found: %v", doc, err)
		}
	})
}
