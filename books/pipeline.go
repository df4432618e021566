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

// job is one row of the register: an original warrant, whose lineage the
// worker replays.
type job struct {
	index int
	w     compute.Warrant
}

// warrantResult is what one warrant produced.
type warrantResult struct {
	index    int
	bundle   [][]render.Block // each certificate's blocks, with --bundle
	files    []folder.File
	register []string   // the register view's rows of the warrants issued (packed, ViewRow.pack)
	summary  [][]string // a row per warrant re-issued
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
	stats := Stats{Warrants: r.count, Reissued: r.reissued}
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
	if err == nil {
		err = r.addLedger(put, tables)
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

// addLedger writes the ledger: the case file with the reissue appended
// (SPEC §5.1, §5.2), for the next reissue to start from.
func (r *reissueRun) addLedger(put sinkFunc, tables *tables) error {
	if f, ok, err := r.existingFile(r.ledgerName); err != nil || ok {
		if err == nil {
			err = tables.add(warrantResult{files: []folder.File{f}})
		}
		return err
	}
	f, err := put(r.ledgerName, r.ledgerData)
	if err != nil {
		return err
	}
	return tables.add(warrantResult{files: []folder.File{f}})
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
	for i := 0; ; i++ {
		w, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		select {
		case jobs <- job{index: i, w: w}:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
}

// one computes and renders everything for the lineage of one original
// warrant: for each of its warrants the reissue surrenders, the
// certificates of its adjustments, the warrant re-issued for it and the
// issuer's record. It stops between documents when ctx is canceled.
func (r *reissueRun) one(ctx context.Context, j job, put sinkFunc) warrantResult {
	res := warrantResult{index: j.index}
	adjs, err := r.ledger.Lineage(j.w, r.c.Events, r.date)
	if err != nil {
		res.err = r.rowError(j, err)
		return res
	}
	idx := r.reissue.Index
	for _, old := range adjs {
		if old.Surrendered == nil || old.Surrendered.Index != idx {
			continue
		}
		for _, nw := range adjs {
			if nw.CreatedBy != nil && nw.CreatedBy.Index == idx && nw.Subject.Parent == old.Warrant {
				r.reissueOne(ctx, &res, put, adjs, old, atIssue(nw))
			}
		}
	}
	return res
}

// reissueOne renders the documents of one warrant re-issued: old's
// certificates, the new warrant nw (its history as issued) and the record.
func (r *reissueRun) reissueOne(ctx context.Context, res *warrantResult, put sinkFunc, adjs []*compute.Adjustment, old, nw *compute.Adjustment) {
	c, t := r.c, r.c.Terms
	emit := func(rel string, render func() (docWriter, error)) { r.emit(ctx, res, put, rel, render) }
	ow := old.Subject
	ow.Number = old.Warrant
	certs := 0
	number := fileName(ow.Number) // plan's checkFileNames made the events' names distinct
	for _, e := range old.Entries {
		if !e.Status.Certified() {
			continue
		}
		certs++
		// With --bundle the certificate's blocks are made once, for its PDF
		// and for the bundle.
		var blocks []render.Block
		if r.ro.Bundle {
			blocks = templates.CertificateBlocks(c, ow, e, r.opt.Documents)
			res.bundle = append(res.bundle, blocks)
		}
		emit("certificates/"+number+"-"+fileName(e.Event)+".pdf", func() (docWriter, error) {
			if blocks == nil {
				return templates.Certificate(c, ow, e, r.opt.Documents)
			}
			return templates.CertificateOf(c, ow, e, blocks, r.opt.Documents)
		})
	}
	w := nw.Subject
	w.Number = nw.Warrant
	in := templates.CreatedWarrant(templates.Lineage(t.Series, replaceAdj(adjs, nw), w.Number), r.txs)
	in.Issued = r.date
	emit("warrants/"+fileName(w.Number)+".pdf", func() (docWriter, error) { return templates.Warrant(c, in, r.opt.Documents) })
	emit("records/"+number+".pdf", func() (docWriter, error) {
		return templates.IssuerRecord(c, templates.RecordInput{Old: ow, Date: r.date, New: []compute.Warrant{w}, Shares: []decimal.Decimal{w.Shares},
			Reason: "was exchanged for a replacement warrant stating the adjusted Warrant Price and Warrant Share Number"}, r.opt.Documents)
	})
	res.register = append(res.register, viewRow(t, w, nw.Initial, r.date, r.contact).pack())
	res.summary = append(res.summary, []string{ow.Number, w.Number, ow.Holder.Name,
		old.Initial.Price.StringFixed(t.PriceDecimals), old.Initial.Shares.StringFixed(t.ShareDecimals),
		old.Final.Price.StringFixed(t.PriceDecimals), old.Final.Shares.StringFixed(t.ShareDecimals),
		strconv.Itoa(certs), ""})
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
