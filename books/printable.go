package books

import (
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// A name the documents print must print: a character the embedded font
// (Liberation Serif) has no glyph for would be kept in the PDF's text but
// print blank, and a Warrant would read "certifies that ________". Every
// command that writes documents checks every name and address it was given
// — the issuer's, each warrant holder's (the register's or the case
// file's), each assignee's of the ledger, the flags' — before it writes
// anything, and refuses the characters neither the embedded font nor the
// fallback font (--font, templates.Options.Font) has.

// Printable checks every name and address of the books (CheckPrintable).
func (b *Books) Printable(font *render.Font) error {
	return CheckPrintable(b.Case, b.RegisterPath, font)
}

// CheckPrintable checks the issuer's names and address, every warrant
// holder's name and address (from register, when not "", else from the
// case file), every event's description (certificates quote it) and every
// assignee's of the ledger, with font as the fallback font (nil: none).
func CheckPrintable(c *compute.Case, register string, font *render.Font) error {
	is := c.Issuer
	for _, f := range []struct{ field, text string }{
		{"issuer.name", is.Name}, {"issuer.jurisdiction", is.Jurisdiction}, {"issuer.address", strings.Join(is.Address, " ")},
		{"issuer.signatory.name", is.Signatory.Name}, {"issuer.signatory.title", is.Signatory.Title},
		{"issuer.notice.attention", is.Notice.Attention},
	} {
		if err := printable(&compute.InputError{File: c.File, Field: f.field}, f.text, font); err != nil {
			return err
		}
	}
	for i, w := range c.Warrants {
		at := &compute.InputError{File: c.File, Line: w.Line, Field: fmt.Sprintf("warrants[%d].holder", i+1)}
		if register != "" {
			at = &compute.InputError{File: register, Row: w.Line, Field: "holder"}
		}
		if err := holderPrintable(at, w.Holder, "warrant "+w.Number, font); err != nil {
			return err
		}
	}
	for i, e := range c.Events {
		at := &compute.InputError{File: c.File, Line: e.Line, Field: fmt.Sprintf("events[%d].description", i+1)}
		if err := printable(at, e.Description, font); err != nil {
			return err
		}
	}
	for _, x := range c.Transactions {
		if x.Type != compute.TxAssignment {
			continue
		}
		at := &compute.InputError{File: c.File, Line: x.Line, Field: x.Path() + ".to"}
		if err := holderPrintable(at, x.To, "the assignee of "+x.Warrant, font); err != nil {
			return err
		}
	}
	return nil
}

// RowPrintable checks the holder of a register row (a reissue reads its
// register as a stream).
func RowPrintable(register string, w compute.Warrant, font *render.Font) error {
	return holderPrintable(&compute.InputError{File: register, Row: w.Line, Field: "holder"}, w.Holder, "warrant "+w.Number, font)
}

// FlagPrintable checks the value of a flag, such as --to.
func FlagPrintable(flag, value string, font *render.Font) error {
	return printable(&compute.InputError{Field: flag}, value, font)
}

// holderPrintable checks h's name (field at.Field+".name" of a case file,
// holder_name of a register) and address; whose says whose holder it is.
func holderPrintable(at *compute.InputError, h compute.Holder, whose string, font *render.Font) error {
	name, address := at.Field+".name", at.Field+".address"
	if at.Row > 0 {
		name, address = "holder_name", "holder_address"
	}
	for _, f := range []struct{ field, text string }{{name, h.Name}, {address, strings.Join(h.Address, " | ")}} {
		e := *at
		e.Field = f.field
		if err := printable(&e, f.text+" ("+whose+")", font); err != nil {
			return err
		}
	}
	return nil
}

// printable fills at and returns it when text has characters that would
// print blank: they are named, with their code points.
func printable(at *compute.InputError, text string, font *render.Font) error {
	bad := render.Unprintable(text, font)
	if len(bad) == 0 {
		return nil
	}
	points := make([]string, len(bad))
	for i, r := range bad {
		points[i] = fmt.Sprintf("U+%04X", r)
	}
	chars := fmt.Sprintf("%q (%s)", string(bad), strings.Join(points, " "))
	if font == nil {
		at.Problem = fmt.Sprintf("%s: the embedded font (Liberation Serif) has no glyphs for %s, which documents would print blank", text, chars)
		at.Allowed = "Latin, Greek and Cyrillic letters; for others, --font FILE.ttf, a TrueType font that has them"
		return at
	}
	at.Problem = fmt.Sprintf("%s: neither the embedded font nor the fallback font %s has glyphs for %s, which documents would print blank", text, font.Name(), chars)
	at.Allowed = "characters of Liberation Serif or of the --font file"
	return at
}
