package casefile

// The schema's shapes: mappings holding only the keys they allow, lists,
// aliases followed, and the dotted field paths that errors name.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// mapFields is a decoded mapping: its value nodes by key, nulls left out.
type mapFields struct {
	node *yaml.Node
	path string
	m    map[string]*yaml.Node
	keys map[string]*yaml.Node // the key nodes, nulls included
	line int                   // where a missing field is reported
}

// get is the value of key, or nil when it is absent or null.
func (f mapFields) get(key string) *yaml.Node { return f.m[key] }

// require reports the first of keys that is absent or null.
func (f mapFields) require(d *caseDecoder, keys ...string) error {
	for _, k := range keys {
		if f.m[k] == nil {
			return f.missing(d, k)
		}
	}
	return nil
}

// missing is the error for a required key that is absent or null: at the
// null value, or else at the key that holds the mapping.
func (f mapFields) missing(d *caseDecoder, key string) error {
	e := d.fail(nil, fieldPath(f.path, key), "required field is missing", "")
	e.Line = f.line
	if k := f.keys[key]; k != nil {
		e.Line = k.Line
	}
	return e
}

// sub decodes the mapping at key of f (which must be present).
func (d *caseDecoder) sub(f mapFields, key string, allowed []string) (mapFields, error) {
	s, err := d.mapping(f.get(key), fieldPath(f.path, key), allowed)
	if err != nil {
		return s, err
	}
	s.line = f.keys[key].Line
	return s, nil
}

// mapping checks that n is a mapping whose keys are distinct and allowed.
func (d *caseDecoder) mapping(n *yaml.Node, path string, allowed []string) (mapFields, error) {
	m := resolveAlias(n)
	if m == nil || m.Kind != yaml.MappingNode {
		return mapFields{}, d.fail(m, path, "is "+kindName(m)+", not a mapping", "a mapping with the keys "+strings.Join(allowed, ", "))
	}
	f := mapFields{node: m, path: path, line: m.Line,
		m:    make(map[string]*yaml.Node, len(m.Content)/2),
		keys: make(map[string]*yaml.Node, len(m.Content)/2)}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := resolveAlias(m.Content[i]), resolveAlias(m.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return mapFields{}, d.fail(k, path, "a key is "+kindName(k)+", not a name", strings.Join(allowed, ", "))
		}
		kp := fieldPath(path, k.Value)
		if !slices.Contains(allowed, k.Value) {
			return mapFields{}, d.fail(k, kp, "unknown field", strings.Join(allowed, ", "))
		}
		if first, dup := f.keys[k.Value]; dup {
			return mapFields{}, d.fail(k, kp, fmt.Sprintf("duplicate key (first on line %d)", first.Line), "each key once")
		}
		f.keys[k.Value] = k
		if !isNull(v) {
			f.m[k.Value] = v
		}
	}
	return f, nil
}

// sequence checks that n is a list and returns its items.
func (d *caseDecoder) sequence(n *yaml.Node, path string) ([]*yaml.Node, error) {
	s := resolveAlias(n)
	if s == nil || s.Kind != yaml.SequenceNode {
		return nil, d.fail(s, path, "is "+kindName(s)+", not a list", "a list")
	}
	return s.Content, nil
}

// resolveAlias follows aliases to the node they name.
func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 64; i++ {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is a null scalar (`key:`, `~`, null).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName says what n is, for a message: "a mapping", "a list", "empty"...
func kindName(n *yaml.Node) string {
	if n == nil {
		return "missing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "empty"
		}
		return "a scalar"
	}
	return "not a value"
}

// plainKey is a key that reads well unquoted in a field path.
var plainKey = regexp.MustCompile(`^[A-Za-z0-9_-]*$`)

// fieldPath appends key to a dotted path, quoting a key that is not a plain name
// so that the path stays on one line.
func fieldPath(path, key string) string {
	if !plainKey.MatchString(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// itemPath is path[i+1]: field paths count list items from 1.
func itemPath(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i+1) }
