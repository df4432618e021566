package casefile

// The ledger's transactions (SPEC §2.5): what happened to individual
// warrants, listed in any order. This file decodes the list and the fields
// every transaction has; txfields.go the fields of each type. The checks
// that need the whole ledger (is the warrant outstanding, is a new number
// free) are compute.NewLedger's, and those that need quantities (shares ≤ N,
// a balance required, an exchange adding up, B > P) the engine's: here each
// transaction is checked on its own, against the terms.

import (
	"errors"
	"fmt"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// txCommonKeys are the fields of every transaction; txKeys are the fields
// each type adds to them, and txRequired those of them (and of the common
// ones) that must be given.
var (
	txCommonKeys = []string{"type", "date", "id", "note"}
	txKeys       = map[compute.TransactionType][]string{
		compute.TxExercise:     {"warrant", "shares", "method", "cashless_shares", "market_value", "balance"},
		compute.TxAssignment:   {"warrant", "to", "shares", "number", "balance"},
		compute.TxExchange:     {"warrant", "into"},
		compute.TxReplacement:  {"warrant", "number", "reason"},
		compute.TxReissue:      {"first_number"},
		compute.TxCancellation: {"warrant", "reason"},
	}
	txRequired = map[compute.TransactionType][]string{
		compute.TxExercise:     {"date", "warrant", "shares"},
		compute.TxAssignment:   {"date", "warrant", "to", "number"},
		compute.TxExchange:     {"date", "warrant", "into"},
		compute.TxReplacement:  {"date", "warrant", "number", "reason"},
		compute.TxReissue:      {"date"},
		compute.TxCancellation: {"date", "warrant"},
	}
)

// decodeTransactions decodes the list of transactions. An id must be unique
// among the events (eventIDs, id → events[k]'s k) and the transactions.
func (d *caseDecoder) decodeTransactions(n *yaml.Node, eventIDs map[string]int) ([]compute.Transaction, error) {
	items, err := d.boundedList(n, "transactions", "transactions", MaxTransactions)
	if err != nil {
		return nil, err
	}
	txs := make([]compute.Transaction, 0, len(items))
	byID := make(map[string]int) // id → index into txs
	for i, item := range items {
		path := itemPath("transactions", i)
		x, idNode, err := d.decodeTransaction(item, path, i+1)
		if err != nil {
			return nil, err
		}
		if x.ID != "" {
			if k, dup := eventIDs[x.ID]; dup {
				return nil, d.fail(idNode, path+".id", fmt.Sprintf("duplicate id %q (used by events[%d])", x.ID, k), "an id no event or other transaction has")
			}
			if j, dup := byID[x.ID]; dup {
				return nil, d.fail(idNode, path+".id", fmt.Sprintf("duplicate id %q (first used by transactions[%d] on line %d)", x.ID, j+1, txs[j].Line), "an id no event or other transaction has")
			}
			byID[x.ID] = i
		}
		txs = append(txs, x)
	}
	return txs, nil
}

// decodeTransaction decodes the index-th transaction, at path; it returns
// the id's node too. Every error after the id is decoded names the id.
func (d *caseDecoder) decodeTransaction(n *yaml.Node, path string, index int) (compute.Transaction, *yaml.Node, error) {
	x := compute.Transaction{Index: index}
	idNode, err := d.txID(n, path, &x)
	if err != nil {
		return x, nil, err
	}
	if err := d.txBody(n, path, &x); err != nil {
		var ie *compute.InputError
		if x.ID != "" && errors.As(err, &ie) {
			ie.Problem = x.ID + ": " + ie.Problem
		}
		return x, nil, err
	}
	return x, idNode, nil
}

// txID decodes the id of the transaction n, if it has one, before anything
// else: every other error about the transaction names it.
func (d *caseDecoder) txID(n *yaml.Node, path string, x *compute.Transaction) (*yaml.Node, error) {
	idNode := mappingValue(n, "id")
	if idNode == nil || isNull(idNode) {
		return nil, nil
	}
	var err error
	if x.ID, err = d.entryID(idNode, path+".id"); err != nil {
		return nil, err
	}
	return idNode, nil
}

// txBody decodes the transaction n but its id: the type and the keys it
// allows, the date, the note, the type's fields, and the checks that the
// transaction's numbers are distinct.
func (d *caseDecoder) txBody(n *yaml.Node, path string, x *compute.Transaction) error {
	f, typ, err := typedMapping(d, n, path, txSchema)
	if err != nil {
		return err
	}
	x.Type, x.Line = typ, f.line
	if x.Date, err = d.txDate(f, x.Type); err != nil {
		return err
	}
	if x.Note, err = d.str(f.get("note"), f.path+".note"); err != nil {
		return err
	}
	if f.get("warrant") != nil {
		if x.Warrant, err = d.warrantNumber(f.get("warrant"), f.path+".warrant"); err != nil {
			return err
		}
	}
	news, err := d.txFields(f, x)
	if err != nil {
		return err
	}
	return d.txNumbersDistinct(f.path, x, news)
}

// txSchema is a transaction: a mapping with a known type, the keys that
// type allows and the keys it requires.
var txSchema = &typedSchema[compute.TransactionType]{
	noun:     "transaction",
	shape:    "a transaction: a mapping with type, date and the type's fields",
	types:    compute.TransactionTypes,
	common:   txCommonKeys,
	keys:     txKeys,
	required: txRequired,
}

// txDate is the transaction's date: on or after the Original Issue Date, on
// or before the expiration date, and for an exercise on or after
// exercise_start (§2(a)).
func (d *caseDecoder) txDate(f mapFields, typ compute.TransactionType) (compute.Date, error) {
	n, path := f.get("date"), f.path+".date"
	v, err := d.date(n, path)
	if err != nil {
		return v, err
	}
	t := d.terms
	switch {
	case v.Before(t.OriginalIssueDate):
		return v, d.fail(resolveAlias(n), path, fmt.Sprintf("%s is before the original_issue_date %s", v, t.OriginalIssueDate),
			"a date from terms.original_issue_date to the expiration date: no warrant of the series exists before it was issued")
	case v.After(t.ExpirationDate()):
		return v, d.fail(resolveAlias(n), path, fmt.Sprintf("%s is after the expiration %s", v, t.ExpirationDate()),
			"a date from terms.original_issue_date to the expiration date: after it no warrant is outstanding (§1)")
	case typ == compute.TxExercise && v.Before(t.ExerciseStart):
		return v, d.fail(resolveAlias(n), path, fmt.Sprintf("%s is before the exercise_start %s", v, t.ExerciseStart),
			"a date on or after terms.exercise_start: the Warrant may not be exercised before it (§2(a))")
	}
	return v, nil
}

// newNumber is a number a transaction issues, with the field that names it.
type newNumber struct {
	node   *yaml.Node
	field  string // its path after the transaction's: "balance", "into[2].number"
	number string
}

// txNumbersDistinct refuses a transaction whose new numbers repeat one
// another or the number of the warrant it surrenders: however many leading
// zeros each is written with, a number names one warrant.
func (d *caseDecoder) txNumbersDistinct(path string, x *compute.Transaction, news []newNumber) error {
	key := func(s string) string { return compute.WarrantNumberKey(d.terms.Series, s) }
	for i, a := range news {
		if x.Warrant != "" && key(a.number) == key(x.Warrant) {
			return d.fail(a.node, path+"."+a.field, fmt.Sprintf("%s is the number of the warrant surrendered (warrant: %s)", a.number, x.Warrant),
				"a new number: the warrant surrendered keeps its number and the new warrant takes another")
		}
		for _, b := range news[:i] {
			if key(a.number) == key(b.number) {
				return d.fail(a.node, path+"."+a.field, fmt.Sprintf("%s is also the %s of this transaction", a.number, b.field),
					"a different number for each new warrant")
			}
		}
	}
	return nil
}
