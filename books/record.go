package books

import (
	"bytes"
	"path/filepath"

	"github.com/warrantkit/warrantkit/books/folder"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The machine-readable record an exercise or assign --out directory ends
// with (DIR/exercise.json, DIR/assignment.json): what ocf export reads.

// pendingRecord is a record being made and the files it lists, held in
// memory: every document is rendered before finishRecord writes the first
// byte, so that nothing that can fail (a template, a layout) fails after
// writing began and leaves a partial directory.
type pendingRecord struct {
	*folder.Record
	files []pendingFile
	// exercise is the exercise the record is of, for the issuer's record
	// to state the shares issued and canceled and the cash; nil otherwise.
	exercise *compute.ExerciseResult
}

type pendingFile struct {
	rel  string
	data []byte
}

// add holds data for DIR/rel and lists it in the record.
func (rec *pendingRecord) add(rel string, data []byte) folder.File {
	rec.files = append(rec.files, pendingFile{rel: rel, data: data})
	return entry(rel, data)
}

// newRecord starts the record of command on warrant w, in effect as st: it
// will copy the inputs into DIR/inputs as reissue does (case, and the
// register when the warrants came from one).
func newRecord(b *Books, command string, w compute.Warrant, st compute.State, opt Options) (*pendingRecord, error) {
	c := b.Case
	rec := &pendingRecord{Record: &folder.Record{Tool: opt.tool(), Version: opt.Version, Command: command, Series: c.Terms.Series,
		Warrant: recordWarrant("", c, w.Number, w.Holder, st.Shares, st.Price), NewWarrants: []folder.Warrant{}, Files: []folder.File{}}}
	rec.Inputs.Case = rec.add(folder.CaseCopy(b.CasePath), b.caseData)
	if b.RegisterPath != "" {
		in := rec.add(folder.RegisterCopy, b.registerData)
		rec.Inputs.Register = &in
	}
	return rec, nil
}

func recordWarrant(role string, c *compute.Case, number string, h compute.Holder, shares, price decimal.Decimal) folder.Warrant {
	return folder.Warrant{Role: role, Number: number, Holder: recordHolder(h),
		Shares: shares.StringFixed(c.Terms.ShareDecimals), Price: price.StringFixed(c.Terms.PriceDecimals)}
}

func recordHolder(h compute.Holder) folder.Holder {
	addr := h.Address
	if addr == nil {
		addr = []string{}
	}
	return folder.Holder{Name: h.Name, Address: addr}
}

// recordDoc renders doc, to be written to DIR/rel by finishRecord, and lists
// it in rec with the sha256 of its bytes.
func recordDoc(rec *pendingRecord, rel string, doc *render.Doc) error {
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return err
	}
	rec.Files = append(rec.Files, rec.add(rel, buf.Bytes()))
	return nil
}

// finishRecord writes the files of the record, each atomically, then the
// record itself, last: a directory with a record holds everything the
// record lists.
func finishRecord(dir string, rec *pendingRecord) error {
	data, err := rec.Encode()
	if err != nil {
		return err
	}
	for _, f := range rec.files {
		if err := WriteFile(filepath.Join(dir, filepath.FromSlash(f.rel)), f.data); err != nil {
			return err
		}
	}
	return WriteFile(filepath.Join(dir, folder.RecordName(rec.Command)), data)
}
