package strictjson

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// ShapeProblem checks doc (decoded with UseNumber) against the Go type t:
// every key a field, every value of the field's JSON type. It returns the
// JSON pointer, problem and what is allowed of the first mismatch.
func ShapeProblem(doc any, t reflect.Type, ptr string) (string, string, string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	at := ptr
	if at == "" {
		at = "/"
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := doc.(map[string]any)
		if !ok {
			return at, fmt.Sprintf("is %s, not an object", jsonKind(doc)), "a JSON object"
		}
		fields := map[string]reflect.StructField{}
		var names []string
		var required []string
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" || name == "-" {
				continue
			}
			fields[name] = f
			names = append(names, name)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			f, ok := fields[k]
			if !ok {
				return ptr + "/" + k, "unknown field", "the fields " + strings.Join(names, ", ")
			}
			if p, pr, al := ShapeProblem(m[k], f.Type, ptr+"/"+k); pr != "" {
				return p, pr, al
			}
		}
		for _, k := range required {
			if _, ok := m[k]; !ok {
				return ptr + "/" + k, "is missing", "a value for every field but the optional ones"
			}
		}
	case reflect.Slice:
		if doc == nil {
			return "", "", ""
		}
		a, ok := doc.([]any)
		if !ok {
			return at, fmt.Sprintf("is %s, not an array", jsonKind(doc)), "a JSON array"
		}
		for i, v := range a {
			if p, pr, al := ShapeProblem(v, t.Elem(), ptr+"/"+strconv.Itoa(i)); pr != "" {
				return p, pr, al
			}
		}
	case reflect.String:
		if _, ok := doc.(string); !ok {
			return at, fmt.Sprintf("is %s, not a string", jsonKind(doc)), "a JSON string (numbers are decimal strings such as \"250000.00\")"
		}
	case reflect.Bool:
		if _, ok := doc.(bool); !ok {
			return at, fmt.Sprintf("is %s, not true or false", jsonKind(doc)), "true or false"
		}
	case reflect.Int64:
		n, ok := doc.(json.Number)
		if _, err := strconv.ParseInt(string(n), 10, 64); !ok || err != nil {
			return at, fmt.Sprintf("is %s, not a whole number", jsonKind(doc)), "a whole number of bytes"
		}
	}
	return "", "", ""
}

func jsonKind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "the number " + string(v)
	}
	return fmt.Sprintf("%T", v)
}
