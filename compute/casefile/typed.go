package casefile

// What the decoders of events (events.go) and transactions
// (transactions.go) share: the bounded top-level list, the mapping whose
// type decides the keys it allows, and the id other entries may not reuse.

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// typedSchema describes a mapping whose type field decides its other keys:
// an event or a transaction.
type typedSchema[T ~string] struct {
	noun     string         // "event": in "unknown event type"
	shape    string         // what a mapping of it is, for a message
	types    []T            // the known types, in the order a message lists them
	common   []string       // the keys of every type
	keys     map[T][]string // the keys each type adds to common; a type not here is unknown
	required map[T][]string // the keys each type requires
}

// typedMapping checks that n is a mapping of schema s: a mapping with a
// known type, the keys that type allows and the keys it requires. It
// returns the mapping and its type.
func typedMapping[T ~string](d *caseDecoder, n *yaml.Node, path string, s *typedSchema[T]) (mapFields, T, error) {
	m := resolveAlias(n)
	if m.Kind != yaml.MappingNode {
		return mapFields{}, "", d.fail(m, path, "is "+kindName(m)+", not a mapping", s.shape)
	}
	// The type decides which keys are allowed, so find it first.
	typeNode := mappingValue(m, "type")
	types := joinTypes(s.types, ", ")
	if typeNode == nil || isNull(typeNode) {
		return mapFields{}, "", d.fail(m, path+".type", "required field is missing", types)
	}
	name, err := d.str(typeNode, path+".type")
	if err != nil {
		return mapFields{}, "", err
	}
	typ := T(name)
	extra, known := s.keys[typ]
	if !known {
		return mapFields{}, typ, d.fail(typeNode, path+".type", fmt.Sprintf("unknown %s type %q", s.noun, name), types)
	}
	f, err := d.mapping(m, path, slices.Concat(s.common, extra))
	if err != nil {
		return mapFields{}, typ, err
	}
	if err := f.require(d, s.required[typ]...); err != nil {
		return mapFields{}, typ, err
	}
	return f, typ, nil
}

// mappingValue is the value of key in the mapping n (aliases followed), or
// nil when n is no mapping or has no such key.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	m := resolveAlias(n)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := resolveAlias(m.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return resolveAlias(m.Content[i+1])
		}
	}
	return nil
}

// boundedList is the top-level list key (events, transactions) of at most
// max items; noun names its items in a message.
func (d *caseDecoder) boundedList(n *yaml.Node, key, noun string, max int) ([]*yaml.Node, error) {
	items, err := d.sequence(n, key)
	if err != nil {
		return nil, err
	}
	if len(items) > max {
		return nil, d.fail(resolveAlias(n), key, fmt.Sprintf("lists %d %s", len(items), noun), fmt.Sprintf("at most %d %s", max, noun))
	}
	return items, nil
}

// itemList is the list at path inside an entry (a Triggering Event's
// consideration, an exchange's new warrants): at least one item, at most
// MaxListItems; allowed says what an empty one should hold.
func (d *caseDecoder) itemList(n *yaml.Node, path, allowed string) ([]*yaml.Node, error) {
	items, err := d.sequence(n, path)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, d.fail(resolveAlias(n), path, "the list is empty", allowed)
	}
	if len(items) > MaxListItems {
		return nil, d.fail(resolveAlias(n), path, fmt.Sprintf("has %d items", len(items)), fmt.Sprintf("at most %d items", MaxListItems))
	}
	return items, nil
}

// entryID decodes the id at n (present, not null, aliases followed), at
// path: a name events and transactions refer to one another by.
func (d *caseDecoder) entryID(n *yaml.Node, path string) (string, error) {
	id, err := d.str(n, path)
	if err != nil {
		return "", err
	}
	if !eventID.MatchString(id) {
		return "", d.fail(n, path, fmt.Sprintf("%q is not an id", id), "a letter or digit, then letters, digits, '.', '_', ':' or '-'")
	}
	return id, nil
}

// joinTypes joins type names with sep, for a message.
func joinTypes[T ~string](ts []T, sep string) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, sep)
}
