package books

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/warrantkit/warrantkit/compute/casefile"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

// The pipeline of a reissue: a feeder streams the register's rows to workers
// that render each warrant's documents and hand them to a sink (the
// background file writer, or verify's check); collect puts the results back
// in register order for the tables and the bundle.

// startSink returns where the run's documents go and how to wait for them:
// r.sink if set, else a fileWriter into out.
func (r *reissueRun) startSink() (sinkFunc, func() error) {
	if r.sink != nil {
		return r.sink, func() error { return nil }
	}
	w := newFileWriter(r.out, 2)
	return w.put, w.close
}

// existingFile is the entry of rel if a stopped run wrote it whole (with
// Resume), to keep instead of rendering it again.
func (r *reissueRun) existingFile(rel string) (folder.File, bool, error) {
	if !r.resume {
		return folder.File{}, false, nil
	}
	data, err := os.ReadFile(filepath.Join(r.out, rel))
	if errors.Is(err, os.ErrNotExist) {
		return folder.File{}, false, nil
	}
	if err != nil {
		return folder.File{}, false, err
	}
	if strings.HasSuffix(rel, ".pdf") && !bytes.HasSuffix(data, []byte("%%EOF\n")) {
		// Cut short: a crash of the machine (not of the process) after the
		// rename but before the data reached the disk. Written again.
		return folder.File{}, false, nil
	}
	return entry(rel, data), true, nil
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
	files    []folder.File
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
func (r *reissueRun) run(ctx context.Context) (Stats, error) {
	stats := Stats{Warrants: r.count}
	tables, err := r.newTables()
	if err != nil {
		return stats, err
	}
	defer tables.discard()
	var bundle *render.Doc
	if r.ro.Bundle {
		if bundle, err = templates.NewBundle(r.c, r.opt.Documents, r.date); err != nil {
			return stats, err
		}
	}
	put, closeSink := r.startSink()
	p := r.startPipeline(ctx, r.opt.workers(), put)
	err = collect(p.results, tables, bundle, &stats, r.opt.progress)
	if perr := p.stop(); err == nil {
		err = perr
	}
	switch {
	case err != nil:
	case ctx.Err() != nil:
		err = context.Cause(ctx)
	case stats.Done != r.count:
		err = fmt.Errorf("reissue: %d of %d warrants done", stats.Done, r.count)
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
func collect(results <-chan warrantResult, tables *tables, bundle *render.Doc, stats *Stats, progress func(done, total int)) error {
	pending := map[int]warrantResult{}
	next, bundled := 0, 0
	for res := range results {
		if res.err != nil {
			return res.err
		}
		stats.Done++
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
			stats.Documents += res.docs
			stats.Pages += res.pages
			stats.Kept += res.kept
			next++
			progress(next, stats.Warrants)
		}
	}
	return nil
}

// addBundle writes certificates.pdf, every certificate in one PDF.
func addBundle(bundle *render.Doc, put sinkFunc, tables *tables, stats *Stats) error {
	var buf bytes.Buffer
	if err := bundle.Write(&buf); err != nil {
		return err
	}
	f, err := put("certificates.pdf", buf.Bytes())
	if err != nil {
		return err
	}
	if err := tables.add(warrantResult{files: []folder.File{f}}); err != nil {
		return err
	}
	stats.Documents++
	stats.Pages += bundle.Pages()
	return nil
}

// feed streams the register's rows as jobs.
func (r *reissueRun) feed(ctx context.Context, jobs chan<- job) error {
	f, err := os.Open(r.regPath)
	if err != nil {
		return err
	}
	defer f.Close()
	rr, err := casefile.NewRegisterReader(r.regHash.Path, bufio.NewReader(f), r.c.Terms)
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
	emit := func(rel string, render func() (docWriter, error)) { r.emit(ctx, &res, put, rel, render) }
	certs := 0
	number := fileName(j.w.Number) // plan's checkFileNames made the events' names distinct
	for _, e := range adj.Entries {
		if !e.Status.Certified() {
			continue
		}
		certs++
		emit("certificates/"+number+"-"+fileName(e.Event)+".pdf", func() (docWriter, error) {
			return templates.Certificate(c, j.w, e, r.opt.Documents)
		})
		if r.ro.Bundle {
			res.bundle = append(res.bundle, templates.CertificateBlocks(c, j.w, e, r.opt.Documents))
		}
	}
	nw := compute.Warrant{Number: j.newNumber, Holder: j.w.Holder, Shares: adj.Final.Shares, Email: j.w.Email, TaxID4: j.w.TaxID4, Parent: j.w.Number}
	emit("warrants/"+fileName(nw.Number)+".pdf", func() (docWriter, error) {
		return templates.Warrant(c, templates.WarrantInput{Warrant: nw, Replacing: j.w.Number, State: adj.Final, Entries: adj.Entries, Issued: r.date}, r.opt.Documents)
	})
	emit("records/"+number+".pdf", func() (docWriter, error) {
		return templates.IssuerRecord(c, templates.RecordInput{Old: j.w, Date: r.date, New: []compute.Warrant{nw}, Shares: []decimal.Decimal{nw.Shares},
			Reason: "was exchanged for a replacement warrant stating the adjusted Warrant Price and Warrant Share Number"}, r.opt.Documents)
	})
	pending := ""
	if adj.Pending != nil {
		pending = adj.Pending.Shares.StringFixed(t.ShareDecimals)
	}
	res.register = viewRow(t, nw, adj.Final, r.date, r.contact).record()
	res.summary = []string{j.w.Number, nw.Number, j.w.Holder.Name,
		adj.Initial.Price.StringFixed(t.PriceDecimals), adj.Initial.Shares.StringFixed(t.ShareDecimals),
		adj.Final.Price.StringFixed(t.PriceDecimals), adj.Final.Shares.StringFixed(t.ShareDecimals),
		strconv.Itoa(certs), pending}
	return res
}

// emit adds the document rel to res: kept if a stopped run wrote it
// (Resume), else rendered and handed to put. After a failure, or once ctx
// is canceled, it does nothing (res.err says why).
func (r *reissueRun) emit(ctx context.Context, res *warrantResult, put sinkFunc, rel string, render func() (docWriter, error)) {
	if res.err == nil && ctx.Err() != nil {
		res.err = context.Cause(ctx)
	}
	if res.err != nil {
		return
	}
	if f, ok, err := r.existingFile(rel); err != nil || ok {
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

// rowError places an error of the engine about one warrant: the case file
// and event it names, and the warrant and row of the register it was for.
func (r *reissueRun) rowError(j job, err error) error {
	err = InCaseFile(err, r.srcCase)
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
