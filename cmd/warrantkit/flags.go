package main

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

// docFlags are the flags every command that writes documents shares.
type docFlags struct {
	esign     *string
	embedData *bool
	font      *string
}

// newDocFlags defines --esign and --embed-data on fs; embed says what
// --embed-data attaches.
func newDocFlags(fs *pflag.FlagSet, embed string) docFlags {
	return docFlags{
		esign:     fs.String("esign", "", "add invisible signature tags for adobe, dropbox or docusign"),
		embedData: fs.Bool("embed-data", false, embed),
		font:      fontFlag(fs),
	}
}

// fontFlag defines --font on fs.
func fontFlag(fs *pflag.FlagSet) *string {
	return fs.String("font", "", "print the characters of names and addresses that the embedded font lacks (such as CJK) in this TrueType `FILE.ttf`, subset and embedded")
}

// loadFont reads and checks the fallback font at path; "" is none.
func loadFont(path string) (*render.Font, error) {
	if path == "" {
		return nil, nil
	}
	ttf, err := safepath.ReadRegular(path, "--font", maxFontBytes)
	if err != nil {
		return nil, err
	}
	f, err := render.LoadFont(ttf)
	if err != nil {
		return nil, &compute.InputError{File: path, Field: "--font", Problem: err.Error(), Allowed: "a TrueType font file (.ttf)"}
	}
	return f, nil
}

// maxFontBytes is the largest --font file read: a CJK font is 4 to 20 MB.
const maxFontBytes = 64 << 20

// toolOptions are the books.Options every command starts from: the tool and
// its version, named in manifests, records and every document.
func toolOptions() books.Options {
	return books.Options{Tool: "warrantkit", Version: version, Documents: templates.Options{Creator: "warrantkit " + version}}
}

// options are the books.Options of a command: the tool, its version and
// how documents are made.
func (f docFlags) options(env *Env) (books.Options, error) {
	bo := toolOptions()
	if *f.esign != "" && !slices.Contains(templates.ESignServices, *f.esign) {
		return bo, &compute.InputError{Field: "--esign", Problem: fmt.Sprintf("%q is not a service", *f.esign), Allowed: strings.Join(templates.ESignServices, ", ")}
	}
	opt := bo.Documents
	opt.EmbedData, opt.ESign = *f.embedData, *f.esign
	var err error
	if opt.Font, err = loadFont(*f.font); err != nil {
		return bo, err
	}
	// SOURCE_DATE_EPOCH fixes every document's creation date (reproducible builds).
	if s := env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		secs, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return bo, &compute.InputError{Field: "SOURCE_DATE_EPOCH", Problem: fmt.Sprintf("%q is not a number of seconds", s), Allowed: "an integer, seconds since 1970-01-01 UTC"}
		}
		opt.Created = time.Unix(secs, 0).UTC()
	}
	bo.Documents = opt
	return bo, nil
}

// oneArg checks that exactly one positional argument (the case file) was given.
func oneArg(name string, args []string) (string, error) {
	switch len(args) {
	case 1:
		return args[0], nil
	case 0:
		return "", usageErrorf("%s: missing CASE file (run warrantkit %s --help)", name, name)
	}
	return "", usageErrorf("%s: expected one CASE file, got %d arguments: %q", name, len(args), args)
}

// tuneGC trades memory for speed unless the user set GOGC or GOMEMLIMIT:
// rendering allocates a lot that dies young, and a soft limit keeps the
// heap, and so the RSS, under 100 MB.
func tuneGC(env *Env) {
	if env.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if env.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(70 << 20)
	}
}

// parseAsOf reads --as-of: a date, or the zero Date (the whole history)
// when it is not given.
func parseAsOf(s string) (compute.Date, error) {
	if s == "" {
		return compute.Date{}, nil
	}
	d, err := compute.ParseDate(s)
	if err != nil {
		return d, &compute.InputError{Field: "--as-of", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
	}
	return d, nil
}
