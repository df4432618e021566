package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// CheckKeys refuses a JSON document with an object that holds a key twice:
// encoding/json and the schema validator both keep the last value
// ("quantity":"250000","quantity":"999" would be 999) where a reader of
// the file may see the first. The problem is a *compute.InputError naming
// file, the line, the JSON pointer of the second key and the key. A
// document that is not JSON passes: its parser reports that.
func CheckKeys(file string, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []*keyFrame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		var top *keyFrame
		if n := len(stack); n > 0 {
			top = stack[n-1]
		}
		if top != nil && top.object && top.wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = endValue(stack[:len(stack)-1])
				continue
			}
			key, _ := tok.(string)
			if top.keys[key] {
				line := 1 + bytes.Count(data[:dec.InputOffset()], []byte("\n"))
				return &compute.InputError{File: file, Line: line, Field: keyPointer(stack) + "/" + escapePointer(key),
					Problem: fmt.Sprintf("the key %q appears twice in one object", key), Allowed: "each key once per object"}
			}
			top.keys[key], top.key, top.wantKey = true, key, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &keyFrame{object: true, wantKey: true, keys: map[string]bool{}})
		case json.Delim('['):
			stack = append(stack, &keyFrame{})
		case json.Delim(']'):
			stack = endValue(stack[:len(stack)-1])
		default:
			stack = endValue(stack)
		}
	}
}

// keyFrame is an object or array being read: the keys seen and the current
// key, or the index of the current element.
type keyFrame struct {
	object  bool
	wantKey bool
	keys    map[string]bool
	key     string
	index   int
}

// endValue notes that a value of the innermost object or array ended.
func endValue(stack []*keyFrame) []*keyFrame {
	if n := len(stack); n > 0 {
		top := stack[n-1]
		if top.object {
			top.wantKey = true
		} else {
			top.index++
		}
	}
	return stack
}

// keyPointer is the JSON pointer of the innermost object of stack.
func keyPointer(stack []*keyFrame) string {
	var b strings.Builder
	for _, f := range stack[:len(stack)-1] {
		b.WriteByte('/')
		if f.object {
			b.WriteString(escapePointer(f.key))
		} else {
			b.WriteString(strconv.Itoa(f.index))
		}
	}
	return b.String()
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
