package casefile

// Recording transactions in the ledger (SPEC §5.2): the case file with the
// new transactions appended to `transactions`, every byte of the input kept.
// The case file is the series' "books of the Issuer" (§2(e): "this Warrant
// may be transferred on the books of the Issuer by the Holder hereof"): what
// is written there is only ever added to, never rewritten.

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// AppendTransactions returns the case file data (named name in errors) with
// txs appended to its top-level `transactions` list: the input with exactly
// one contiguous insertion and nothing else changed (SPEC §5.2).
//
// A JSON case file (its first non-space byte is '{') gets JSON objects
// before the `]` of "transactions", or a "transactions" member added before
// the final `}`. A YAML case file gets whole lines, one flow mapping per
// transaction (EncodeTransaction), dashed and indented as the list's
// existing items: after the last item, above the blank and comment lines
// that lead to the next top-level key; or, when there is no transactions
// key, `transactions:` and the items at the end of the document; no line of
// the input changes, so its comments, blank lines, anchors and key order
// all stay. A list written in flow style (`transactions: []`) cannot be
// added to without changing its line: it is refused (an InputError naming
// the line), as is a document that is not a block mapping.
//
// The result is checked before it is returned: it must be the input with
// one insertion, parse to the same document with only the transactions
// added, and decode (Decode) with the new transactions read back as given.
// Otherwise it is refused with an error and nothing is returned.
func AppendTransactions(name string, data []byte, txs []compute.Transaction, t compute.Terms) ([]byte, error) {
	if len(txs) == 0 {
		return nil, fmt.Errorf("record in %s: no transaction to append", name)
	}
	json := IsJSON(data)
	items := make([]string, len(txs))
	for i, tx := range txs {
		if err := checkText(tx); err != nil {
			return nil, fmt.Errorf("record in %s: %w", name, err)
		}
		items[i] = EncodeTransaction(tx, t, json)
	}
	// The input is parsed once, when first needed: a YAML file to find
	// where the items go, then each candidate's guard compares with it.
	input := sync.OnceValues(func() (*yaml.Node, error) { return parseTop(name, data) })
	var cands []insertion
	if json {
		ins, err := jsonInsertion(name, data, items)
		if err != nil {
			return nil, err
		}
		cands = []insertion{ins}
	} else {
		top, err := input()
		if err != nil {
			return nil, err
		}
		if cands, err = yamlInsertions(name, data, top, items); err != nil {
			return nil, err
		}
	}
	// What each transaction must read back as, the same for every candidate.
	want := make([]string, len(txs))
	for i, tx := range txs {
		want[i] = EncodeTransaction(withDefaults(tx), t, json)
	}
	var first error
	for _, ins := range cands {
		out := make([]byte, 0, len(data)+len(ins.text))
		out = append(append(append(out, data[:ins.at]...), ins.text...), data[ins.at:]...)
		err := checkAppended(name, data, input, out, ins, txs, want, t, json)
		if err == nil {
			return out, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// IsJSON reports whether data is a JSON case file: its first non-space byte
// is '{' (the decoder reads both with one parser; only recording tells).
func IsJSON(data []byte) bool {
	s := bytes.TrimLeft(data, " \t\r\n")
	return len(s) > 0 && s[0] == '{'
}

// checkText refuses a transaction whose strings are not valid UTF-8: they
// could not be written back as they are.
func checkText(tx compute.Transaction) error {
	ss := []string{tx.ID, tx.Note, tx.Warrant, tx.Method, tx.Balance, tx.To.Name, tx.Number, tx.Reason, tx.FirstNumber}
	ss = append(ss, tx.To.Address...)
	for _, it := range tx.Into {
		ss = append(ss, it.Number)
	}
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s: %q is not valid UTF-8", tx.Path(), s)
		}
	}
	return nil
}

// checkAppended is the guard on a result out, made of data (parsed by
// input) and the insertion ins: one insertion (for YAML, of whole lines);
// the same document with only the transactions added; and the transactions
// txs decoded back as given, encoded as want.
func checkAppended(name string, data []byte, input func() (*yaml.Node, error), out []byte, ins insertion, txs []compute.Transaction, want []string, t compute.Terms, json bool) error {
	fail := func(why string, err error) error {
		if err != nil {
			return fmt.Errorf("record in %s: the case file with the transactions appended %s, so nothing was written: %w", name, why, err)
		}
		return fmt.Errorf("record in %s: the case file with the transactions appended %s, so nothing was written", name, why)
	}
	if !bytes.Equal(out[:ins.at], data[:ins.at]) || !bytes.Equal(out[ins.at+len(ins.text):], data[ins.at:]) {
		return fail("is not the input with one insertion (a bug)", nil)
	}
	lineStart := ins.at == 0 || data[ins.at-1] == '\n' ||
		ins.at == len(data) && (strings.HasPrefix(ins.text, "\n") || strings.HasPrefix(ins.text, "\r\n"))
	if !json && (!lineStart || !strings.HasSuffix(ins.text, "\n")) {
		return fail("would change a line of the input (a bug)", nil)
	}
	before, err := input()
	if err != nil {
		return fail("cannot be compared with the input", err)
	}
	after, err := parseTop(name, out)
	if err != nil {
		return fail("does not parse", err)
	}
	if !sameButTransactions(before, after, len(txs)) {
		return fail("would read differently outside the new transactions (a comment or a block scalar where they go?)", nil)
	}
	return checkDecoded(name, out, txs, want, t, json, fail)
}

// sameButTransactions reports whether the document after is before with n
// items added at the end of its top-level transactions list (created, at
// the end, when before had none). The trees are compared node by node,
// aliases by name, never expanded; lines and comments are not compared.
func sameButTransactions(before, after *yaml.Node, n int) bool {
	if before.Kind != yaml.MappingNode || after.Kind != yaml.MappingNode {
		return false
	}
	b, a := before.Content, after.Content
	if !hasKey(b, "transactions") {
		b = append(b[:len(b):len(b)], &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "transactions"}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"})
	}
	if len(a) != len(b) {
		return false
	}
	for i := 0; i+1 < len(a); i += 2 {
		if !sameNode(a[i], b[i]) {
			return false
		}
		if a[i].Value != "transactions" {
			if !sameNode(a[i+1], b[i+1]) {
				return false
			}
			continue
		}
		var old []*yaml.Node
		if b[i+1].Kind == yaml.SequenceNode {
			old = b[i+1].Content
		}
		now := a[i+1]
		if now.Kind != yaml.SequenceNode || len(now.Content) != len(old)+n {
			return false
		}
		for k, item := range old {
			if !sameNode(now.Content[k], item) {
				return false
			}
		}
	}
	return true
}

// hasKey reports whether the mapping's content holds key.
func hasKey(content []*yaml.Node, key string) bool {
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Kind == yaml.ScalarNode && content[i].Value == key {
			return true
		}
	}
	return false
}

// sameNode reports whether a and b are the same YAML value, written the
// same way (kind, tag, value, anchor), aliases compared by their name.
func sameNode(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// checkDecoded decodes out and compares its last transactions with txs,
// field by field through their encoding: want[i] is txs[i]'s.
func checkDecoded(name string, out []byte, txs []compute.Transaction, want []string, t compute.Terms, json bool, fail func(string, error) error) error {
	c, err := decodeData(name, out)
	if err != nil {
		return fail("does not decode", err)
	}
	if len(c.Transactions) < len(txs) {
		return fail("does not read back the new transactions", nil)
	}
	got := c.Transactions[len(c.Transactions)-len(txs):]
	for i, tx := range txs {
		if a, b := EncodeTransaction(withDefaults(got[i]), t, json), want[i]; a != b {
			return fail(fmt.Sprintf("reads %s back as %s, not %s", tx.Path(), a, b), nil)
		}
	}
	return nil
}

// withDefaults is tx with the defaults the decoder fills in filled in.
func withDefaults(tx compute.Transaction) compute.Transaction {
	if tx.Type == compute.TxExercise && tx.Method == "" {
		tx.Method = "cash"
	}
	return tx
}
