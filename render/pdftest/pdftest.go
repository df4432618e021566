// Package pdftest reads PDFs back for tests: it validates them with pdfcpu,
// extracts their text, document info and embedded files.
//
// It is an independent reader for the PDFs that render/ writes with fpdf, so
// it deliberately does not import fpdf: everything it reports comes from the
// bytes of the PDF, parsed by pdfcpu (github.com/pdfcpu/pdfcpu) and by a small
// content-stream interpreter in this package.
//
// Every function takes the whole PDF in memory and returns an error, never a
// panic, for input it cannot read.
package pdftest

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// DocInfo is the document information dictionary of a PDF and its page count.
// Text strings are decoded (PDFDocEncoding or UTF-16BE with a byte order
// mark), so UTF-8 metadata written by fpdf's Set…(s, true) round-trips.
type DocInfo struct {
	Title    string
	Subject  string
	Author   string
	Keywords string
	Creator  string
	Producer string

	// CreationDate and ModDate are the dates as written ("D:20080610163000",
	// possibly with a time zone suffix); empty when absent.
	CreationDate string
	ModDate      string
	// Created and Modified are those dates parsed; a date without a time
	// zone (fpdf writes none) is read as UTC. Zero when absent or unparsable.
	Created  time.Time
	Modified time.Time

	// Version is the PDF version in the file header, e.g. "1.3".
	Version string
	// Pages is the page count.
	Pages int
}

var configOnce sync.Once

// config returns a fresh pdfcpu configuration that never touches the user's
// configuration directory (pdfcpu would otherwise create one on first use).
func config(strict bool) *model.Configuration {
	configOnce.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	if strict {
		conf.ValidationMode = model.ValidationStrict
	} else {
		conf.ValidationMode = model.ValidationRelaxed
	}
	conf.OptimizeResourceDicts = true
	return conf
}

// PanicError is the error returned when reading a PDF panicked (in pdfcpu or
// in this package): the panic is recovered, so that broken input gives an
// error, but it is kept recognisable, with its stack.
type PanicError struct {
	Op    string
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("pdftest: %s: panic: %v", e.Op, e.Value)
}

// guard turns a panic inside pdfcpu or this package into a *PanicError.
func guard(op string, err *error) {
	if r := recover(); r != nil {
		*err = &PanicError{Op: op, Value: r, Stack: debug.Stack()}
	}
}

// Validate runs pdfcpu's validation on a PDF in memory, in strict mode
// (PDF 32000-1 to the letter, including each feature's minimum version) or
// relaxed mode (pdfcpu's default, which tolerates common deviations).
func Validate(pdf []byte, strict bool) (err error) {
	defer guard("validate", &err)
	if len(pdf) == 0 {
		return fmt.Errorf("pdftest: validate: empty input")
	}
	conf := config(strict)
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		mode := "relaxed"
		if strict {
			mode = "strict"
		}
		return fmt.Errorf("pdftest: validate (%s): %w", mode, err)
	}
	return nil
}

// read parses a PDF into a pdfcpu context without validating it.
func read(pdf []byte) (*model.Context, error) {
	if len(pdf) == 0 {
		return nil, fmt.Errorf("empty input")
	}
	ctx, err := api.ReadContext(bytes.NewReader(pdf), config(false))
	if err != nil {
		return nil, err
	}
	if ctx == nil || ctx.XRefTable == nil {
		return nil, fmt.Errorf("no cross reference table")
	}
	if pages, err := ctx.Pages(); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	} else if pages == nil {
		return nil, fmt.Errorf("catalog: no page tree")
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("page count: %w", err)
	}
	if ctx.PageCount < 0 {
		return nil, fmt.Errorf("negative page count %d", ctx.PageCount)
	}
	return ctx, nil
}

// Info reads the document information dictionary and the page count.
func Info(pdf []byte) (info DocInfo, err error) {
	defer guard("info", &err)
	ctx, err := read(pdf)
	if err != nil {
		return DocInfo{}, fmt.Errorf("pdftest: info: %w", err)
	}
	info.Pages = ctx.PageCount
	if ctx.HeaderVersion != nil {
		info.Version = ctx.HeaderVersion.String()
	}
	if ctx.Info == nil {
		return info, nil
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		return info, fmt.Errorf("pdftest: info: dictionary: %w", err)
	}
	text := func(key string) (string, error) {
		o, ok := d.Find(key)
		if !ok || o == nil {
			return "", nil
		}
		return textObject(ctx.XRefTable, o)
	}
	for _, f := range []struct {
		key string
		dst *string
	}{
		{"Title", &info.Title},
		{"Subject", &info.Subject},
		{"Author", &info.Author},
		{"Keywords", &info.Keywords},
		{"Creator", &info.Creator},
		{"Producer", &info.Producer},
		{"CreationDate", &info.CreationDate},
		{"ModDate", &info.ModDate},
	} {
		s, err := text(f.key)
		if err != nil {
			return info, fmt.Errorf("pdftest: info: %s: %w", f.key, err)
		}
		*f.dst = s
	}
	info.Created, _ = parseDate(info.CreationDate)
	info.Modified, _ = parseDate(info.ModDate)
	return info, nil
}

// parseDate parses a PDF date (7.9.4): D:YYYYMMDDHHmmSSOHH'mm', every part
// after the year optional. Without a zone the time is taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 4 {
		return time.Time{}, false
	}
	num := func(i, n, def int) (int, bool) {
		if len(s) < i+n {
			return def, true
		}
		v := 0
		for _, c := range s[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	fields := [6]int{}
	defs := [6]int{0, 1, 1, 0, 0, 0}
	pos := []int{0, 4, 6, 8, 10, 12}
	size := []int{4, 2, 2, 2, 2, 2}
	end := 0
	for i := range fields {
		if len(s) < pos[i]+size[i] {
			fields[i] = defs[i]
			continue
		}
		if c := s[pos[i]]; c < '0' || c > '9' {
			// A zone designator may follow any complete field.
			for j := i; j < len(fields); j++ {
				fields[j] = defs[j]
			}
			break
		}
		v, ok := num(pos[i], size[i], defs[i])
		if !ok {
			return time.Time{}, false
		}
		fields[i] = v
		end = pos[i] + size[i]
	}
	loc := time.UTC
	if rest := s[end:]; rest != "" {
		switch rest[0] {
		case 'Z':
		case '+', '-':
			z := strings.NewReplacer("'", "").Replace(rest[1:])
			h, m := 0, 0
			if len(z) >= 2 {
				if _, err := fmt.Sscanf(z[:2], "%d", &h); err != nil {
					return time.Time{}, false
				}
			}
			if len(z) >= 4 {
				if _, err := fmt.Sscanf(z[2:4], "%d", &m); err != nil {
					return time.Time{}, false
				}
			}
			off := h*3600 + m*60
			if rest[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		default:
			return time.Time{}, false
		}
	}
	mo, dd, hh, mi, ss := fields[1], fields[2], fields[3], fields[4], fields[5]
	if mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59 {
		return time.Time{}, false
	}
	return time.Date(fields[0], time.Month(mo), dd, hh, mi, ss, 0, loc), true
}

// Attachments lists the document's embedded files (the EmbeddedFiles name
// tree of the catalog's /Names), by file name (the file specification's /UF
// entry, else /F, else the name tree key), with their decoded contents. A
// document without attachments gives an empty map. Two files with the same
// name are told apart by appending " (key)", key being the name tree key.
func Attachments(pdf []byte) (files map[string][]byte, err error) {
	defer guard("attachments", &err)
	ctx, err := read(pdf)
	if err != nil {
		return nil, fmt.Errorf("pdftest: attachments: %w", err)
	}
	files = map[string][]byte{}
	x := ctx.XRefTable
	cat, err := x.Catalog()
	if err != nil {
		return nil, fmt.Errorf("pdftest: attachments: catalog: %w", err)
	}
	names, err := dictEntry(x, cat, "Names")
	if err != nil || names == nil {
		return files, err
	}
	tree, err := dictEntry(x, names, "EmbeddedFiles")
	if err != nil || tree == nil {
		return files, err
	}
	var walk func(d types.Dict, depth int) error
	walk = func(d types.Dict, depth int) error {
		if depth > 32 {
			return fmt.Errorf("name tree too deep")
		}
		if o, ok := d.Find("Names"); ok {
			a, err := x.DereferenceArray(o)
			if err != nil {
				return fmt.Errorf("name tree Names: %w", err)
			}
			for i := 0; i+1 < len(a); i += 2 {
				key, err := textObject(x, a[i])
				if err != nil {
					return fmt.Errorf("name tree key: %w", err)
				}
				name, data, err := fileSpec(x, a[i+1])
				if err != nil {
					return fmt.Errorf("embedded file %q: %w", key, err)
				}
				if name == "" {
					name = key
				}
				if _, dup := files[name]; dup {
					name += " (" + key + ")"
				}
				files[name] = data
			}
		}
		if o, ok := d.Find("Kids"); ok {
			kids, err := x.DereferenceArray(o)
			if err != nil {
				return fmt.Errorf("name tree Kids: %w", err)
			}
			for _, k := range kids {
				kd, err := x.DereferenceDict(k)
				if err != nil {
					return fmt.Errorf("name tree kid: %w", err)
				}
				if kd != nil {
					if err := walk(kd, depth+1); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	if err := walk(tree, 0); err != nil {
		return nil, fmt.Errorf("pdftest: attachments: %w", err)
	}
	return files, nil
}

// dictEntry returns the dictionary d[key], or nil if there is none.
func dictEntry(x *model.XRefTable, d types.Dict, key string) (types.Dict, error) {
	o, ok := d.Find(key)
	if !ok || o == nil {
		return nil, nil
	}
	sub, err := x.DereferenceDict(o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return sub, nil
}

// textObject decodes a PDF text string (PDFDocEncoding or UTF-16BE).
func textObject(x *model.XRefTable, o types.Object) (string, error) {
	o, err := x.Dereference(o)
	if err != nil {
		return "", err
	}
	switch o := o.(type) {
	case types.StringLiteral:
		return types.StringLiteralToString(o)
	case types.HexLiteral:
		return types.HexLiteralToString(o)
	case types.Name:
		return o.Value(), nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("a %T, not a string", o)
}

// fileSpec reads a file specification: its file name and the decoded
// contents of its embedded file stream (/EF /UF or /EF /F).
func fileSpec(x *model.XRefTable, o types.Object) (string, []byte, error) {
	d, err := x.DereferenceDict(o)
	if err != nil {
		return "", nil, err
	}
	if d == nil {
		return "", nil, fmt.Errorf("no file specification")
	}
	var name string
	for _, k := range []string{"UF", "F"} {
		if v, ok := d.Find(k); ok {
			if name, err = textObject(x, v); err != nil {
				return "", nil, fmt.Errorf("%s: %w", k, err)
			}
			if name != "" {
				break
			}
		}
	}
	ef, err := dictEntry(x, d, "EF")
	if err != nil {
		return "", nil, err
	}
	if ef == nil {
		return "", nil, fmt.Errorf("no embedded file (EF)")
	}
	so, ok := ef.Find("UF")
	if !ok {
		so, ok = ef.Find("F")
	}
	if !ok {
		return "", nil, fmt.Errorf("no embedded file stream")
	}
	sd, _, err := x.DereferenceStreamDict(so)
	if err != nil {
		return "", nil, err
	}
	if sd == nil {
		return "", nil, fmt.Errorf("no embedded file stream")
	}
	if err := sd.Decode(); err != nil {
		return "", nil, fmt.Errorf("decode: %w", err)
	}
	return name, sd.Content, nil
}
