package render

import (
	"errors"
	"io"
)

// doc is the layout state behind Doc. (Skeleton: the engine is being written.)
type doc struct {
	meta Meta
}

func newDoc(meta Meta) (*Doc, error) { return &Doc{impl: &doc{meta: meta}}, nil }

func (d *doc) add(blocks []Block)                        {}
func (d *doc) attach(name, description string, b []byte) {}
func (d *doc) write(w io.Writer) error                   { return errors.New("render: not implemented") }
func (d *doc) pages() int                                { return 0 }

func (Heading) layout(*doc)   {}
func (Paragraph) layout(*doc) {}
func (Fraction) layout(*doc)  {}
func (Signature) layout(*doc) {}
func (Table) layout(*doc)     {}
func (Spacer) layout(*doc)    {}
func (PageBreak) layout(*doc) {}
func (Keep) layout(*doc)      {}
