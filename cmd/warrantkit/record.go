package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/ocf"
	"github.com/warrantkit/warrantkit/render"
)

// The machine-readable record an exercise or assign --out directory ends
// with (DIR/exercise.json, DIR/assignment.json): what ocf export reads.

// newRecord starts the record of command on warrant w, in effect as st: it
// copies the inputs into DIR/inputs as reissue does (case, and the register
// when the warrants came from one).
func newRecord(dir, command, casePath, regPath string, c *compute.Case, w compute.Warrant, st compute.State) (*ocf.Record, error) {
	rec := &ocf.Record{Tool: "warrantkit", Version: version, Command: command, Series: c.Terms.Series,
		Warrant: recordWarrant("", c, w.Number, w.Holder, st.Shares, st.Price), NewWarrants: []ocf.RecordWarrant{}, Files: []ocf.RecordFile{}}
	in, err := copyInput(dir, casePath, "inputs/case"+caseExt(casePath))
	if err != nil {
		return nil, err
	}
	rec.Inputs.Case = in
	if regPath != "" {
		in, err := copyInput(dir, regPath, "inputs/register.csv")
		if err != nil {
			return nil, err
		}
		rec.Inputs.Register = &in
	}
	return rec, nil
}

func recordWarrant(role string, c *compute.Case, number string, h compute.Holder, shares, price decimal.Decimal) ocf.RecordWarrant {
	return ocf.RecordWarrant{Role: role, Number: number, Holder: recordHolder(h),
		Shares: shares.StringFixed(c.Terms.ShareDecimals), Price: price.StringFixed(c.Terms.PriceDecimals)}
}

func recordHolder(h compute.Holder) ocf.RecordHolder {
	addr := h.Address
	if addr == nil {
		addr = []string{}
	}
	return ocf.RecordHolder{Name: h.Name, Address: addr}
}

// copyInput copies the input at src to DIR/rel and returns its entry.
func copyInput(dir, src, rel string) (inputFile, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return inputFile{}, &compute.InputError{File: src, Problem: "cannot read: " + unwrapPath(err).Error()}
	}
	if err := writeBytes(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
		return inputFile{}, err
	}
	return inputFile{Path: rel, SHA256: sha(data), Size: int64(len(data))}, nil
}

// recordDoc renders doc into DIR/rel atomically and lists it in rec with the
// sha256 of the bytes written.
func recordDoc(rec *ocf.Record, dir, rel string, doc *render.Doc) error {
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return err
	}
	data := buf.Bytes()
	if err := writeBytes(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
		return err
	}
	rec.Files = append(rec.Files, ocf.RecordFile{Path: rel, SHA256: sha(data), Size: int64(len(data))})
	return nil
}

// finishRecord writes the record into DIR atomically, last: a directory
// with a record holds everything the record lists.
func finishRecord(dir string, rec *ocf.Record) error {
	data, err := rec.Encode()
	if err != nil {
		return err
	}
	return writeBytes(filepath.Join(dir, ocf.RecordName(rec.Command)), data)
}
