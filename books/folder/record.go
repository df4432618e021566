package folder

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/strictjson"
)

// The record of an `exercise --out DIR` or `assign --out DIR`: what the
// command did, as DIR/exercise.json or DIR/assignment.json. The command
// writes it (Encode), ocf export reads it (DecodeRecord). Every number is a
// decimal string, never a JSON number.

// Record file names and their commands.
const (
	ExerciseRecordName    = "exercise.json"
	AssignmentRecordName  = "assignment.json"
	ExchangeRecordName    = "exchange.json"
	ReplacementRecordName = "replacement.json"
)

// recordCommands are the commands that write a record, by record file name.
var recordCommands = map[string]string{ExerciseRecordName: "exercise", AssignmentRecordName: "assign",
	ExchangeRecordName: "exchange", ReplacementRecordName: "replace"}

// Record is what an exercise or an assignment did.
type Record struct {
	Tool        string      `json:"tool"`
	Version     string      `json:"version"`
	Command     string      `json:"command"` // "exercise" or "assign"
	Series      string      `json:"series"`
	Inputs      Inputs      `json:"inputs"`
	Warrant     Warrant     `json:"warrant"` // before: shares and price after adjustment, on the date
	Exercise    *Exercise   `json:"exercise,omitempty"`
	Assignment  *Assignment `json:"assignment,omitempty"`
	Exchange    *Surrender  `json:"exchange,omitempty"`
	Replacement *Surrender  `json:"replacement,omitempty"`
	NewWarrants []Warrant   `json:"new_warrants"`
	Files       []File      `json:"files"` // every PDF written
	// Ledger is the case file with the transaction appended (SPEC §5.2).
	Ledger *File `json:"ledger,omitempty"`
}

// Inputs are the copies of the inputs under DIR/inputs.
type Inputs struct {
	Case     File  `json:"case"`
	Register *File `json:"register,omitempty"`
}

// Holder is a holder or assignee.
type Holder struct {
	Name    string   `json:"name"`
	Address []string `json:"address"`
}

// Warrant is a warrant: shares and price as in effect (after adjustment).
type Warrant struct {
	Role   string `json:"role,omitempty"` // new warrants: "balance" or "assignee"
	Number string `json:"number"`
	Holder Holder `json:"holder"`
	Shares string `json:"shares"`
	Price  string `json:"price"`
}

// Exercise is what an exercise did (§2).
type Exercise struct {
	Date            string `json:"date"`
	Method          string `json:"method"` // cash, cashless, combined
	WarrantPrice    string `json:"warrant_price"`
	MarketValue     string `json:"market_value,omitempty"`
	SharesExercised string `json:"shares_exercised"` // Y
	CashlessShares  string `json:"cashless_shares"`  // Y₂
	CashShares      string `json:"cash_shares"`      // Y₁
	SharesIssued    string `json:"shares_issued"`    // X
	SharesCanceled  string `json:"shares_canceled"`
	Fraction        string `json:"fraction"`
	CashInLieu      string `json:"cash_in_lieu"`
	AggregatePrice  string `json:"aggregate_price"`
	RemainingShares string `json:"remaining_shares"`
}

// Assignment is what an assignment did (§2(e)).
type Assignment struct {
	Date     string `json:"date"`
	Partial  bool   `json:"partial"`
	Assignee Holder `json:"assignee"`
	Attorney string `json:"attorney,omitempty"`
	Shares   string `json:"shares"`
}

// Surrender is what an exchange (§2(e)) or a replacement (§3(d)) did: its
// date and, for a replacement, why (lost, stolen, destroyed, mutilated).
type Surrender struct {
	Date   string `json:"date"`
	Reason string `json:"reason,omitempty"`
}

// Encode writes the record: sorted struct order, two-space indent, no HTML
// escaping, a final newline. The same record gives the same bytes.
func (r *Record) Encode() ([]byte, error) { return Encode(r) }

// RecordName is the file name of the record of command.
func RecordName(command string) string {
	for name, c := range recordCommands {
		if c == command {
			return name
		}
	}
	return ExerciseRecordName
}

// DecodeRecord reads a record strictly: JSON syntax, no unknown field, the
// right JSON types, decimal strings with at most 10 decimals, dates, relative
// paths, sha256 digests. A problem is an *compute.InputError naming file, the
// JSON pointer and what is allowed.
func DecodeRecord(file string, data []byte) (*Record, error) {
	bad := func(ptr, problem, allowed string) error {
		return &compute.InputError{File: file, Field: ptr, Problem: problem, Allowed: allowed}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, bad("", "is not JSON: "+strictjson.SyntaxProblem(data, err), "the "+filepath.Base(file)+" warrantkit writes")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, bad("", "has more after the JSON object", "one JSON object")
	}
	if err := strictjson.CheckKeys(file, data); err != nil {
		return nil, err
	}
	if ptr, problem, allowed := strictjson.ShapeProblem(doc, reflect.TypeOf(Record{}), ""); problem != "" {
		return nil, bad(ptr, problem, allowed)
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, bad("", err.Error(), "")
	}
	if r.Tool != "warrantkit" {
		return nil, bad("/tool", fmt.Sprintf("%q is not warrantkit", r.Tool), `"warrantkit"`)
	}
	switch {
	case RecordName(r.Command) == ExerciseRecordName && r.Command != "exercise":
		return nil, bad("/command", fmt.Sprintf("%q is not a command that writes a record", r.Command), "exercise, assign, exchange or replace")
	case filepath.Base(file) != RecordName(r.Command):
		return nil, bad("/command", fmt.Sprintf("%s is the record of %s, not of %s", filepath.Base(file), recordCommands[filepath.Base(file)], r.Command), "the command whose record the file name is")
	case r.Command == "exercise" && (r.Exercise == nil || r.Assignment != nil || r.Exchange != nil || r.Replacement != nil):
		return nil, bad("/exercise", "an exercise record needs exercise and nothing else", "")
	case r.Command == "assign" && (r.Assignment == nil || r.Exercise != nil || r.Exchange != nil || r.Replacement != nil):
		return nil, bad("/assignment", "an assignment record needs assignment and nothing else", "")
	case r.Command == "exchange" && (r.Exchange == nil || r.Exercise != nil || r.Assignment != nil || r.Replacement != nil):
		return nil, bad("/exchange", "an exchange record needs exchange and nothing else", "")
	case r.Command == "replace" && (r.Replacement == nil || r.Exercise != nil || r.Assignment != nil || r.Exchange != nil):
		return nil, bad("/replacement", "a replacement record needs replacement and nothing else", "")
	}
	if r.Series == "" {
		return nil, bad("/series", "is empty", "the series of the warrant, such as W-F-05")
	}
	if err := checkRecord(file, &r); err != nil {
		return nil, err
	}
	return &r, nil
}
