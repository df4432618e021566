// Package ocf reads and writes the Open Cap Table Format (OCF) v1.2.0: it
// turns the warrants of one series in an OCF export into a warrantkit case
// and register — the original warrants and the ledger's transactions (the
// exercises, transfers and cancellations that ended a warrant and the
// warrants they issued) — and a case's ledger, or what warrantkit did (a
// reissue, exercise or assignment), back into OCF.
//
// Every file is validated against the embedded OCF schemas before it is
// decoded. Numerics are OCF's decimal strings: they are decoded as Go strings
// and parsed with shopspring/decimal, never through a binary float.
package ocf

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/internal/strictjson"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// FileRef is OCF's File type: a file of the package and its md5.
type FileRef struct {
	Filepath string `json:"filepath"`
	MD5      string `json:"md5"`
}

// Monetary is an amount and an ISO 4217 currency.
type Monetary struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// Address is OCF's Address type.
type Address struct {
	AddressType        string `json:"address_type"`
	StreetSuite        string `json:"street_suite,omitempty"`
	City               string `json:"city,omitempty"`
	CountrySubdivision string `json:"country_subdivision,omitempty"`
	Country            string `json:"country"`
	PostalCode         string `json:"postal_code,omitempty"`
}

// Lines are the address as the lines of a register or case file.
func (a Address) Lines() []string {
	var out []string
	for _, l := range strings.Split(a.StreetSuite, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	city := strings.TrimSpace(a.City)
	sub := strings.TrimSpace(strings.Join([]string{a.CountrySubdivision, a.PostalCode}, " "))
	switch {
	case city != "" && sub != "":
		out = append(out, city+", "+sub)
	case city != "" || sub != "":
		out = append(out, city+sub)
	}
	if a.Country != "" {
		out = append(out, a.Country)
	}
	return out
}

// Issuer is the manifest's issuer (the fields warrantkit uses).
type Issuer struct {
	ID                            string   `json:"id"`
	LegalName                     string   `json:"legal_name"`
	CountryOfFormation            string   `json:"country_of_formation"`
	CountrySubdivisionOfFormation string   `json:"country_subdivision_of_formation"`
	Address                       *Address `json:"address"`
	Phone                         *struct {
		PhoneNumber string `json:"phone_number"`
	} `json:"phone"`
}

// Manifest is the OCF manifest (the fields warrantkit uses).
type Manifest struct {
	Issuer Issuer `json:"issuer"`
	AsOf   string `json:"as_of"`
}

// Stakeholder is an OCF stakeholder (the fields warrantkit uses).
type Stakeholder struct {
	ID   string `json:"id"`
	Name struct {
		LegalName string `json:"legal_name"`
	} `json:"name"`
	Addresses   []Address `json:"addresses"`
	ContactInfo *struct {
		Emails []struct {
			EmailAddress string `json:"email_address"`
		} `json:"emails"`
	} `json:"contact_info"`
	at location
}

// StockClass is an OCF stock class (the fields warrantkit uses).
type StockClass struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	at   location
}

// Ratio is OCF's Ratio type.
type Ratio struct {
	Numerator   string `json:"numerator"`
	Denominator string `json:"denominator"`
}

// Tx is any transaction, with the fields of the kinds warrantkit reads.
type Tx struct {
	ObjectType            string            `json:"object_type"`
	ID                    string            `json:"id"`
	Date                  string            `json:"date"`
	SecurityID            string            `json:"security_id"`
	CustomID              string            `json:"custom_id"`
	StakeholderID         string            `json:"stakeholder_id"`
	Quantity              string            `json:"quantity"`
	ExercisePrice         *Monetary         `json:"exercise_price"`
	StockClassID          string            `json:"stock_class_id"`
	SplitRatio            *Ratio            `json:"split_ratio"`
	BalanceSecurityID     string            `json:"balance_security_id"`
	ResultingSecurityIDs  []string          `json:"resulting_security_ids"`
	ExerciseTriggers      []json.RawMessage `json:"exercise_triggers"`
	WarrantExpirationDate string            `json:"warrant_expiration_date"`
	SecurityLawExemptions json.RawMessage   `json:"security_law_exemptions"`
	PurchasePrice         *Monetary         `json:"purchase_price"`
	ReasonText            string            `json:"reason_text"`
	at                    location
}

// location is where an object stands: its file and JSON pointer.
type location struct {
	file string
	path string
}

func (l location) problem(field, problem, allowed string) Problem {
	p := l.path
	if field != "" {
		p += "/" + field
	}
	return Problem{File: l.file, Path: p, Problem: problem, Allowed: allowed}
}

// Error is an OCF package that cannot be used: every problem found, in the
// order met. It wraps compute.ErrInvalid (exit 3).
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	if len(e.Problems) == 0 {
		return "invalid OCF package"
	}
	s := e.Problems[0].String()
	if n := len(e.Problems) - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more problems)", n)
	}
	return s
}

// Unwrap makes errors.Is(err, compute.ErrInvalid) hold.
func (e *Error) Unwrap() error { return compute.ErrInvalid }

// AsError returns the problems as an *Error, or nil when there are none.
func asError(ps []Problem) error {
	if len(ps) == 0 {
		return nil
	}
	return &Error{Problems: ps}
}

// Problems returns the problems of err if it is an *Error.
func Problems(err error) []Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.Problems
	}
	return nil
}

// SplitProblems returns the first problem of err (an *Error) as an
// *compute.InputError, whose text counts the others, and the others; an
// error that holds no problems is returned as it is.
func SplitProblems(err error) (first error, rest []Problem) {
	ps := Problems(err)
	if len(ps) == 0 {
		return err, nil
	}
	p, problem := ps[0], ps[0].Problem
	if len(ps) > 1 {
		problem = fmt.Sprintf("%s [1 of %d problems; the others are above]", problem, len(ps))
	}
	return &compute.InputError{File: p.File, Field: p.Path, Problem: problem, Allowed: p.Allowed}, ps[1:]
}

// ParseNumeric parses an OCF Numeric: [+-]digits[.1 to 10 digits], exactly.
func ParseNumeric(s string) (decimal.Decimal, string) { return strictjson.ParseNumeric(s) }

// NumericAllowed describes ParseNumeric's input.
const NumericAllowed = strictjson.NumericAllowed

// Numeric writes d as an OCF Numeric with exactly places decimals (0 to 10).
func Numeric(d decimal.Decimal, places int32) string {
	return d.StringFixed(places)
}

func jsonUnmarshal(raw []byte, v any) error { return json.Unmarshal(raw, v) }
