package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/warrantkit/warrantkit/books/folder"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
	"golang.org/x/term"
)

// reissue re-issues every warrant of a register after the case's events
// (SPEC §5.1): per warrant its certificates of adjustment, the replacement
// warrant and the issuer's cancellation record; then register.csv,
// summary.csv and, last, manifest.json. The register streams through a pool
// of workers; results are put back in register order, so the output does not
// depend on -j.

const (
	stateFile    = ".reissue.json" // what a --resume must match
	manifestName = "manifest.json"
)

// reissueOptions are everything besides the inputs that decides the output.
type reissueOptions struct {
	FirstNumber string `json:"first_number"`
	Date        string `json:"date"`
	ESign       string `json:"esign,omitempty"`
	EmbedData   bool   `json:"embed_data,omitempty"`
	Created     string `json:"created,omitempty"` // SOURCE_DATE_EPOCH, as a time
	Bundle      bool   `json:"bundle,omitempty"`
}

// inputFile and manifestFile are a file of the output directory, relative to
// it, with its sha256 and size: the same as in an exercise or assign record.
type (
	inputFile    = folder.File
	manifestFile = folder.File
)

type manifest struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	Inputs  struct {
		Case     inputFile `json:"case"`
		Register inputFile `json:"register"`
	} `json:"inputs"`
	Options  reissueOptions `json:"options"`
	Warrants int            `json:"warrants"`
	Files    []manifestFile `json:"files"`
}

func runReissue(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "reissue", "CASE --register FILE.csv --out DIR [-j N] [--first-number NUM] [--date D] [--resume]")
	register := fs.String("register", "", "the register of outstanding warrants, `CSV` (required)")
	out := fs.String("out", "", "the output `DIR`: must be empty or absent, unless --resume (required)")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "render with `N` workers")
	first := fs.String("first-number", "", "the number of the first new warrant (default: after the highest in the register)")
	date := fs.String("date", "", "the date of the re-issue, `YYYY-MM-DD` (default: the last event's effective date)")
	resume := fs.Bool("resume", false, "finish an interrupted reissue into DIR, keeping the files already written")
	bundle := fs.Bool("bundle", false, "also write certificates.pdf: every certificate in one print-ready PDF")
	df := newDocFlags(fs, "attach each document's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	path, err := oneArg("reissue", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "register", "out"); err != nil {
		return err
	}
	if err := checkJobs("reissue", *jobs); err != nil {
		return err
	}
	// A non-empty --out is for the claim to judge (a claim to resume, or
	// the leftovers of one stopped before it was made).
	if err := checkOutDir("reissue", "--out", *out, true); err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	tuneGC(env)

	start := time.Now()
	r, err := planReissue(path, *register, *out, *first, *date, opt, *resume, *bundle)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("reissue %w before writing anything", context.Cause(ctx))
	}
	if err := r.claimOutput(); err != nil {
		return err
	}
	defer r.release()
	stallAt("claimed")
	for _, w := range r.warnings {
		fmt.Fprintln(env.Stderr, "warrantkit: warning: "+w)
	}
	stats, err := r.runShowingProgress(ctx, env, *jobs)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			return &stopped{cause: context.Cause(ctx), done: stats.done, total: r.count, dir: *out}
		}
		return err
	}
	stallAt("done")
	elapsed := time.Since(start)
	fmt.Fprintf(env.Stderr, "reissued %d warrants: %d documents (%d pages, %d kept from before) in %s — %.0f docs/s, %.0f pages/s → %s\n",
		r.count, stats.docs, stats.pages, stats.kept, elapsed.Round(time.Millisecond),
		float64(stats.docs-stats.kept)/elapsed.Seconds(), float64(stats.pages)/elapsed.Seconds(), *out)
	return nil
}

// stopped is a reissue a signal stopped after it claimed its directory: it
// says how far it got and how to finish.
type stopped struct {
	cause       error
	done, total int
	dir         string
}

func (e *stopped) Error() string {
	return fmt.Sprintf("reissue %v: %d of %d warrants written to %s; run the same command with --resume to finish", e.cause, e.done, e.total, e.dir)
}

func (e *stopped) Unwrap() error { return e.cause }

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

// reissueRun is one reissue (or its verification): the case, the options and
// where the files go.
type reissueRun struct {
	c        *compute.Case
	opt      templates.Options
	ro       reissueOptions
	date     compute.Date
	out      string
	resume   bool
	count    int
	numbers  *newNumbers
	regPath  string // the register to stream (the copy in out/inputs)
	caseHash inputFile
	regHash  inputFile
	// srcCase and srcReg are the inputs as given, named in messages and
	// copied into out/inputs by the claim.
	srcCase, srcReg string
	caseData        []byte
	// sink, when set, receives each document instead of the file system:
	// verify checks them. Unset, run writes them (startSink).
	sink sinkFunc
	// warnings are printed before the run (see readRegisterFile).
	warnings []string
	// existing returns a file already written by an interrupted run, if any.
	existing func(rel string) (manifestFile, bool, error)
	// lock is out, locked against a second run until release.
	lock *os.File
}

// sinkFunc receives one document of the run.
type sinkFunc func(rel string, data []byte) (manifestFile, error)

type reissueStats struct {
	docs, pages, kept int
	done              int // warrants whose documents are all written
}

// prepareReissue plans a reissue and claims its output directory.
func prepareReissue(casePath, regPath, out, first, date string, opt templates.Options, resume, bundle bool) (*reissueRun, error) {
	r, err := planReissue(casePath, regPath, out, first, date, opt, resume, bundle)
	if err != nil {
		return nil, err
	}
	return r, r.claimOutput()
}

// planReissue checks everything that can be checked before a file is
// written: the flags, the case, every row of the register.
func planReissue(casePath, regPath, out, first, date string, opt templates.Options, resume, bundle bool) (*reissueRun, error) {
	c, err := openCase(casePath)
	if err != nil {
		return nil, err
	}
	if err := checkFileNames(c, casePath); err != nil {
		return nil, err
	}
	caseData, err := os.ReadFile(casePath)
	if err != nil {
		return nil, err
	}
	regHash, count, issued, warnings, err := readRegisterFile(regPath, c)
	if err != nil {
		return nil, err
	}
	nn, err := issued.numbers(first, count)
	if err != nil {
		return nil, err
	}
	ro := reissueOptions{FirstNumber: nn.peek(), ESign: opt.ESign, EmbedData: opt.EmbedData, Bundle: bundle}
	day, err := reissueDate(c, date)
	if err != nil {
		return nil, err
	}
	ro.Date = day.String()
	if !opt.Created.IsZero() {
		ro.Created = opt.Created.Format(time.RFC3339)
	}
	r := &reissueRun{c: c, opt: opt, ro: ro, date: day, out: out, resume: resume, count: count, numbers: nn,
		caseHash: inputFile{Path: "inputs/case" + caseExt(casePath), SHA256: sha(caseData), Size: int64(len(caseData))},
		regHash:  regHash, warnings: warnings, srcCase: casePath, srcReg: regPath, caseData: caseData,
	}
	r.regPath = filepath.Join(out, r.regHash.Path)
	r.existing = r.existingFile
	if err := r.adjustFirst(); err != nil {
		return nil, err
	}
	return r, nil
}

// adjustFirst adjusts the register's first warrant before anything is
// written: an event the engine refuses for every warrant is refused here,
// not by every worker once the directory is claimed. (One refused for some
// warrants only, by their share number, still ends the run at that row:
// adjusting every row first would cost a run of 100,000 warrants ~15 s.)
func (r *reissueRun) adjustFirst() error {
	f, err := os.Open(r.srcReg)
	if err != nil {
		return err
	}
	defer f.Close()
	rr, err := compute.NewRegisterReader(r.srcReg, bufio.NewReader(f), r.c.Terms)
	if err != nil {
		return err
	}
	w, err := rr.Next()
	if err != nil {
		return err
	}
	if _, err := compute.Adjust(r.c.Terms, w, r.c.Events, compute.Date{}); err != nil {
		return r.rowError(job{index: 0, w: w}, err)
	}
	return nil
}

func caseExt(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return ".json"
	}
	return ".yaml"
}

// readRegisterFile reads and validates every row of the register, as a
// stream, before anything is written; it keeps no rows: only its hash, the
// count and the numbers issued.
//
// It also returns warnings, at most maxUnprintable and a count of the rest,
// for names and addresses with characters the embedded font cannot print.
func readRegisterFile(path string, c *compute.Case) (in inputFile, count int, issued *issuedNumbers, warnings []string, err error) {
	in = inputFile{Path: "inputs/register.csv"}
	f, err := os.Open(path)
	if err != nil {
		return in, 0, nil, nil, &compute.InputError{File: path, Field: "--register", Problem: fmt.Sprintf("cannot read the register: %v", unwrapPath(err))}
	}
	defer f.Close()
	counted := newHashWriter()
	rr, err := compute.NewRegisterReader(path, bufio.NewReader(io.TeeReader(f, counted)), c.Terms)
	if err != nil {
		return in, 0, nil, nil, err
	}
	issued = newIssued(c.Terms.Series)
	unprintable := 0
	for {
		w, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return in, 0, nil, nil, err
		}
		count++
		if ie := issued.add(w.Number); ie != nil {
			ie.File, ie.Row, ie.Field = path, w.Line, "number"
			return in, 0, nil, nil, ie
		}
		if bad := render.Unsupported(w.Holder.Name + " " + strings.Join(w.Holder.Address, " ")); len(bad) > 0 {
			if unprintable++; unprintable <= maxUnprintable {
				warnings = append(warnings, fmt.Sprintf("%s: row %d (warrant %s): the embedded font has no glyphs for %q in the holder's name or address: they stay in the documents' text but print blank", path, count, w.Number, string(bad)))
			}
		}
	}
	if count == 0 {
		return in, 0, nil, nil, &compute.InputError{File: path, Field: "--register", Problem: "the register has a header but no warrants", Allowed: "one row per outstanding warrant"}
	}
	if unprintable > maxUnprintable {
		warnings = append(warnings, fmt.Sprintf("%s: %d more rows have characters that print blank", path, unprintable-maxUnprintable))
	}
	if _, err := io.Copy(counted, f); err != nil { // whatever the CSV reader left unread
		return in, 0, nil, nil, err
	}
	in.SHA256, in.Size = counted.sum(), counted.size
	return in, count, issued, warnings, nil
}

// maxUnprintable is how many rows with unprintable characters are named.
const maxUnprintable = 5

// reissueDate is --date, or the effective date of the last event.
func reissueDate(c *compute.Case, date string) (compute.Date, error) {
	if date != "" {
		d, err := compute.ParseDate(date)
		if err != nil {
			return d, &compute.InputError{Field: "--date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
		return d, nil
	}
	last := c.Terms.OriginalIssueDate
	for _, e := range c.Events {
		if e.Effective().After(last) {
			last = e.Effective()
		}
	}
	return last, nil
}

func writeBytes(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// startSink returns where the run's documents go and how to wait for them:
// r.sink if set, else a fileWriter into out.
func (r *reissueRun) startSink() (sinkFunc, func() error) {
	if r.sink != nil {
		return r.sink, func() error { return nil }
	}
	w := newFileWriter(r.out, 2)
	return w.put, w.close
}

// fileWriter writes the documents of a reissue on goroutines of its own, so
// that rendering does not wait for the file system: creating and renaming
// files in the same directories, workers would otherwise take turns.
//
// Each file is written atomically but without syncing it (writeUnsynced):
// the whole output is synced once, before manifest.json is written
// (syncAll), instead of every file on its own, which was a quarter of the
// time of a run.
type fileWriter struct {
	dir   string
	queue chan fileWrite
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
}

type fileWrite struct {
	path string
	data []byte
}

func newFileWriter(dir string, goroutines int) *fileWriter {
	w := &fileWriter{dir: dir, queue: make(chan fileWrite, 32)}
	for range goroutines {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for f := range w.queue {
				if err := writeUnsynced(f.path, f.data); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
			}
		}()
	}
	return w
}

// put queues the document rel; it returns the first error of an earlier
// write. It must not be called once close was.
func (w *fileWriter) put(rel string, data []byte) (manifestFile, error) {
	if err := w.failed(); err != nil {
		return manifestFile{}, err
	}
	w.queue <- fileWrite{filepath.Join(w.dir, rel), data}
	return manifestFile{Path: rel, SHA256: sha(data), Size: int64(len(data))}, nil
}

func (w *fileWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// close waits for every queued file and returns the first error.
func (w *fileWriter) close() error {
	close(w.queue)
	w.wg.Wait()
	return w.failed()
}

func (r *reissueRun) existingFile(rel string) (manifestFile, bool, error) {
	if !r.resume {
		return manifestFile{}, false, nil
	}
	data, err := os.ReadFile(filepath.Join(r.out, rel))
	if errors.Is(err, os.ErrNotExist) {
		return manifestFile{}, false, nil
	}
	if err != nil {
		return manifestFile{}, false, err
	}
	if strings.HasSuffix(rel, ".pdf") && !bytes.HasSuffix(data, []byte("%%EOF\n")) {
		// Cut short: a crash of the machine (not of the process) after the
		// rename but before the data reached the disk. Written again.
		return manifestFile{}, false, nil
	}
	return manifestFile{Path: rel, SHA256: sha(data), Size: int64(len(data))}, true, nil
}

// job is one row of the register with its new number.
type job struct {
	index     int
	w         compute.Warrant
	newNumber string
}

// warrantResult is what one warrant produced.
type warrantResult struct {
	index    int
	bundle   [][]render.Block // each certificate's blocks, with --bundle
	files    []manifestFile
	register []string
	summary  []string
	docs     int
	pages    int
	kept     int
	err      error
}

// run streams the register through the workers and writes the tables and the
// manifest in register order.
//
// Whatever ends it (a row that fails, a write that fails, ctx canceled),
// run returns only once the feeder and every worker have stopped and every
// document handed to the writer is written or has failed: nothing it started
// outlives it, and no file is written after it returns.
func (r *reissueRun) run(ctx context.Context, workers int, progress func()) (reissueStats, error) {
	var stats reissueStats
	tables, err := r.newTables()
	if err != nil {
		return stats, err
	}
	defer tables.discard()
	var bundle *render.Doc
	if r.ro.Bundle {
		if bundle, err = templates.NewBundle(r.c, r.opt, r.date); err != nil {
			return stats, err
		}
	}
	put, closeSink := r.startSink()
	p := r.startPipeline(ctx, workers, put)
	err = collect(p.results, tables, bundle, &stats, progress)
	if perr := p.stop(); err == nil {
		err = perr
	}
	switch {
	case err != nil:
	case ctx.Err() != nil:
		err = context.Cause(ctx)
	case stats.done != r.count:
		err = fmt.Errorf("reissue: %d of %d warrants done", stats.done, r.count)
	case bundle != nil:
		err = addBundle(bundle, put, tables, &stats)
	}
	if cerr := closeSink(); err == nil {
		err = cerr
	}
	if err != nil {
		return stats, err
	}
	return stats, tables.finish(r)
}

// pipeline is the feeder and the workers of a run.
type pipeline struct {
	results <-chan warrantResult // closed once the feeder and every worker stopped
	cancel  context.CancelFunc
	fed     chan error // the feeder's error
}

// startPipeline streams the register (feed) to workers goroutines that
// render each warrant and hand its documents to put.
func (r *reissueRun) startPipeline(ctx context.Context, workers int, put sinkFunc) *pipeline {
	ctx, cancel := context.WithCancel(ctx)
	jobs := make(chan job, workers)
	results := make(chan warrantResult, workers)
	p := &pipeline{results: results, cancel: cancel, fed: make(chan error, 1)}
	var wg sync.WaitGroup
	wg.Add(1 + workers)
	go func() {
		defer wg.Done()
		defer close(jobs)
		p.fed <- r.feed(ctx, jobs)
	}()
	for range workers {
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := r.one(ctx, j, put)
				select {
				case results <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	return p
}

// stop cancels what is left, waits for the feeder and every worker to stop
// (dropping their results) and returns the feeder's error.
func (p *pipeline) stop() error {
	p.cancel()
	for range p.results {
	}
	return <-p.fed
}

// collect adds the results to the tables (and the bundle) in register order,
// until results is closed or a warrant failed.
func collect(results <-chan warrantResult, tables *tables, bundle *render.Doc, stats *reissueStats, progress func()) error {
	pending := map[int]warrantResult{}
	next, bundled := 0, 0
	for res := range results {
		if res.err != nil {
			return res.err
		}
		stats.done++
		pending[res.index] = res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err := tables.add(res); err != nil {
				return err
			}
			for _, blocks := range res.bundle {
				if bundled > 0 {
					bundle.Add(render.PageBreak{})
				}
				bundle.Add(blocks...)
				bundled++
			}
			stats.docs += res.docs
			stats.pages += res.pages
			stats.kept += res.kept
			next++
			progress()
		}
	}
	return nil
}

// addBundle writes certificates.pdf, every certificate in one PDF.
func addBundle(bundle *render.Doc, put sinkFunc, tables *tables, stats *reissueStats) error {
	var buf bytes.Buffer
	if err := bundle.Write(&buf); err != nil {
		return err
	}
	f, err := put("certificates.pdf", buf.Bytes())
	if err != nil {
		return err
	}
	if err := tables.add(warrantResult{files: []manifestFile{f}}); err != nil {
		return err
	}
	stats.docs++
	stats.pages += bundle.Pages()
	return nil
}

// runShowingProgress is run with a progress bar on a terminal.
func (r *reissueRun) runShowingProgress(ctx context.Context, env *Env, workers int) (reissueStats, error) {
	bar := newProgress(env, r.count)
	stats, err := r.run(ctx, workers, bar.add)
	bar.finish(err == nil)
	return stats, err
}

// feed streams the register's rows as jobs.
func (r *reissueRun) feed(ctx context.Context, jobs chan<- job) error {
	f, err := os.Open(r.regPath)
	if err != nil {
		return err
	}
	defer f.Close()
	rr, err := compute.NewRegisterReader(r.regHash.Path, bufio.NewReader(f), r.c.Terms)
	if err != nil {
		return err
	}
	numbers := *r.numbers
	for i := 0; ; i++ {
		w, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		select {
		case jobs <- job{index: i, w: w, newNumber: numbers.take()}:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
}

// one computes and renders everything for one warrant.
// It stops between documents when ctx is canceled.
func (r *reissueRun) one(ctx context.Context, j job, put sinkFunc) warrantResult {
	c, t := r.c, r.c.Terms
	res := warrantResult{index: j.index}
	adj, err := compute.Adjust(t, j.w, c.Events, compute.Date{})
	if err != nil {
		res.err = r.rowError(j, err)
		return res
	}
	emit := func(rel string, render func() (docWriter, error)) {
		if res.err == nil && ctx.Err() != nil {
			res.err = context.Cause(ctx)
		}
		if res.err != nil {
			return
		}
		if f, ok, err := r.existing(rel); err != nil || ok {
			res.err = err
			res.files = append(res.files, f)
			res.docs++
			res.kept++
			return
		}
		doc, err := render()
		if err != nil {
			res.err = err
			return
		}
		var buf bytes.Buffer
		if err := doc.Write(&buf); err != nil {
			res.err = err
			return
		}
		f, err := put(rel, buf.Bytes())
		if err != nil {
			res.err = err
			return
		}
		res.files = append(res.files, f)
		res.docs++
		res.pages += doc.Pages()
	}
	certs := 0
	names := newOutputPaths(r.caseHash.Path) // checkFileNames made them distinct: the belt
	for _, e := range adj.Entries {
		if !e.Status.Certified() {
			continue
		}
		certs++
		rel := "certificates/" + fileName(j.w.Number) + "-" + fileName(e.Event) + ".pdf"
		if err := names.add(rel, fmt.Sprintf("the certificate for event %q", e.Event)); err != nil {
			res.err = err
			return res
		}
		emit(rel, func() (docWriter, error) {
			return templates.Certificate(c, j.w, e, r.opt)
		})
		if r.ro.Bundle {
			res.bundle = append(res.bundle, templates.CertificateBlocks(c, j.w, e, r.opt))
		}
	}
	nw := compute.Warrant{Number: j.newNumber, Holder: j.w.Holder, Shares: adj.Final.Shares, Email: j.w.Email, TaxID4: j.w.TaxID4, Parent: j.w.Number}
	emit("warrants/"+fileName(nw.Number)+".pdf", func() (docWriter, error) {
		return templates.Warrant(c, templates.WarrantInput{Warrant: nw, Replacing: j.w.Number, State: adj.Final, Entries: adj.Entries, Issued: r.date}, r.opt)
	})
	emit("records/"+fileName(j.w.Number)+".pdf", func() (docWriter, error) {
		return templates.IssuerRecord(c, templates.RecordInput{Old: j.w, Date: r.date, New: []compute.Warrant{nw}, Shares: []decimal.Decimal{nw.Shares},
			Reason: "was exchanged for a replacement warrant stating the adjusted Warrant Price and Warrant Share Number"}, r.opt)
	})
	pending := ""
	if adj.Pending != nil {
		pending = adj.Pending.Shares.StringFixed(t.ShareDecimals)
	}
	res.register = []string{nw.Number, nw.Holder.Name, strings.Join(nw.Holder.Address, "|"), nw.Shares.StringFixed(t.ShareDecimals), nw.Email, nw.TaxID4, nw.Parent}
	res.summary = []string{j.w.Number, nw.Number, j.w.Holder.Name,
		adj.Initial.Price.StringFixed(t.PriceDecimals), adj.Initial.Shares.StringFixed(t.ShareDecimals),
		adj.Final.Price.StringFixed(t.PriceDecimals), adj.Final.Shares.StringFixed(t.ShareDecimals),
		strconv.Itoa(certs), pending}
	return res
}

// rowError places an error of the engine about one warrant: the case file
// and event it names, and the warrant and row of the register it was for.
func (r *reissueRun) rowError(j job, err error) error {
	err = inFile(err, r.srcCase)
	var ie *compute.InputError
	if errors.As(err, &ie) {
		ie.Problem = fmt.Sprintf("warrant %s (%s row %d): %s", j.w.Number, r.srcReg, j.index+1, ie.Problem)
	}
	return err
}

// docWriter is a rendered document.
type docWriter interface {
	Write(io.Writer) error
	Pages() int
}

// tables are register.csv, summary.csv and the manifest's file list, written
// row by row in register order into temporary files. A cell a spreadsheet
// would take for a formula is quoted (compute.CSVCell).
type tables struct {
	dir                    string
	register, summary, man *os.File
	regCSV, sumCSV         *csv.Writer
	manBuf                 *bufio.Writer
	verify                 bool
	regHash, sumHash       *hashWriter
}

// hashWriter counts and hashes (sha256) what is written to it.
type hashWriter struct {
	h    hash.Hash
	size int64
}

func newHashWriter() *hashWriter { return &hashWriter{h: sha256.New()} }

func (w *hashWriter) Write(p []byte) (int, error) { w.size += int64(len(p)); return w.h.Write(p) }

func (w *hashWriter) sum() string { return hex.EncodeToString(w.h.Sum(nil)) }

var registerHeader = []string{"number", "holder_name", "holder_address", "shares", "email", "tax_id_last4", "parent"}
var summaryHeader = []string{"number", "new_number", "holder_name", "initial_warrant_price", "initial_warrant_share_number",
	"warrant_price", "warrant_share_number", "certificates", "pending_warrant_share_number"}

func (r *reissueRun) newTables() (*tables, error) {
	tb := &tables{dir: r.out, regHash: newHashWriter(), sumHash: newHashWriter()}
	var err error
	open := func(name string) (*os.File, error) {
		if err := os.MkdirAll(r.out, 0o755); err != nil {
			return nil, err
		}
		return os.CreateTemp(r.out, "."+name+".tmp-*")
	}
	if tb.register, err = open("register.csv"); err != nil {
		return nil, err
	}
	if tb.summary, err = open("summary.csv"); err != nil {
		return nil, err
	}
	if tb.man, err = open("manifest-files"); err != nil {
		return nil, err
	}
	tb.regCSV = csv.NewWriter(io.MultiWriter(tb.register, tb.regHash))
	tb.sumCSV = csv.NewWriter(io.MultiWriter(tb.summary, tb.sumHash))
	tb.manBuf = bufio.NewWriter(tb.man)
	if err := tb.regCSV.Write(registerHeader); err != nil {
		return nil, err
	}
	return tb, tb.sumCSV.Write(summaryHeader)
}

func (tb *tables) add(res warrantResult) error {
	if res.register != nil {
		if err := tb.regCSV.Write(compute.CSVRecord(res.register)); err != nil {
			return err
		}
		if err := tb.sumCSV.Write(compute.CSVRecord(res.summary)); err != nil {
			return err
		}
	}
	for _, f := range res.files {
		b, _ := json.Marshal(f)
		tb.manBuf.Write(b)
		tb.manBuf.WriteByte('\n')
	}
	return nil
}

// finish renames the tables into place and writes manifest.json last.
func (tb *tables) finish(r *reissueRun) error {
	tb.regCSV.Flush()
	tb.sumCSV.Flush()
	if err := errors.Join(tb.regCSV.Error(), tb.sumCSV.Error(), tb.manBuf.Flush()); err != nil {
		return err
	}
	for _, f := range []struct {
		file *os.File
		name string
	}{{tb.register, "register.csv"}, {tb.summary, "summary.csv"}} {
		if err := f.file.Sync(); err != nil {
			return err
		}
		if err := f.file.Close(); err != nil {
			return err
		}
		os.Chmod(f.file.Name(), 0o644)
		if err := os.Rename(f.file.Name(), filepath.Join(tb.dir, f.name)); err != nil {
			return err
		}
	}
	stallAt("tables")
	if _, err := tb.man.Seek(0, io.SeekStart); err != nil {
		return err
	}
	// Everything the manifest lists reaches the disk before the manifest.
	syncAll()
	err := writeAtomic(filepath.Join(tb.dir, manifestName), func(w io.Writer) error {
		return r.writeManifest(stallWriter(w, "manifest"), bufio.NewReader(tb.man), tb)
	})
	tb.man.Close()
	os.Remove(tb.man.Name())
	return err
}

func (tb *tables) discard() {
	for _, f := range []*os.File{tb.register, tb.summary, tb.man} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

// writeManifest streams manifest.json: the file list comes from the
// temporary list, one JSON object per line, in register order.
func (r *reissueRun) writeManifest(w io.Writer, files *bufio.Reader, tb *tables) error {
	bw := bufio.NewWriter(w)
	head := manifest{Tool: "warrantkit", Version: version, Options: r.ro, Warrants: r.count}
	head.Inputs.Case, head.Inputs.Register = r.caseHash, r.regHash
	b, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return err
	}
	// Replace the empty file list with the streamed one.
	s := string(b)
	cut := strings.LastIndex(s, `"files": null`)
	bw.WriteString(s[:cut] + "\"files\": [\n")
	tables := []manifestFile{
		{Path: "register.csv", SHA256: tb.regHash.sum(), Size: tb.regHash.size},
		{Path: "summary.csv", SHA256: tb.sumHash.sum(), Size: tb.sumHash.size},
	}
	firstLine := true
	writeEntry := func(line []byte) {
		if !firstLine {
			bw.WriteString(",\n")
		}
		firstLine = false
		bw.WriteString("    ")
		bw.Write(line)
	}
	for {
		line, err := files.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			writeEntry(bytes.TrimSpace(line))
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	for _, t := range tables {
		b, _ := json.Marshal(t)
		writeEntry(b)
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}

// progress is a progress bar on stderr when it is a terminal.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(env *Env, total int) *progress {
	f, ok := env.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("reissue"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("warrants"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) add() {
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// finish fills the bar when the run is done, or leaves it where it stopped.
func (p *progress) finish(done bool) {
	switch {
	case p.bar == nil:
	case done:
		p.bar.Finish()
	default:
		p.bar.Exit()
	}
}
