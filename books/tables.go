package books

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/warrantkit/warrantkit/compute/casefile"

	"github.com/warrantkit/warrantkit/books/folder"
)

// tables are register.csv (the register view after the reissue, SPEC §4.5),
// summary.csv and the manifest's file list, written
// row by row in register order into temporary files. A cell a spreadsheet
// would take for a formula is quoted (casefile.CSVCell).
type tables struct {
	dir                    string
	view                   *View // register.csv's header (Contact); its rows are spilled
	rows                   *viewSpill
	register, summary, man *os.File
	sumCSV                 *csv.Writer
	manBuf                 *bufio.Writer
	regHash, sumHash       *hashWriter
}

var summaryHeader = []string{"number", "new_number", "holder_name", "initial_warrant_price", "initial_warrant_share_number",
	"warrant_price", "warrant_share_number", "certificates", "pending_warrant_share_number"}

func (r *reissueRun) newTables() (*tables, error) {
	tb := &tables{dir: r.out, regHash: newHashWriter(), sumHash: newHashWriter(), view: &View{Contact: r.contact}}
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
	spill, err := open("register-rows")
	if err != nil {
		return nil, err
	}
	tb.rows = &viewSpill{f: spill, w: bufio.NewWriter(spill)}
	tb.sumCSV = csv.NewWriter(io.MultiWriter(tb.summary, tb.sumHash))
	tb.manBuf = bufio.NewWriter(tb.man)
	return tb, tb.sumCSV.Write(summaryHeader)
}

func (tb *tables) add(res warrantResult) error {
	for _, p := range res.register {
		if err := tb.rows.add(p); err != nil {
			return err
		}
	}
	for _, row := range res.summary {
		if err := tb.sumCSV.Write(casefile.CSVRecord(row)); err != nil {
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
	if err := tb.rows.writeCSV(io.MultiWriter(tb.register, tb.regHash), tb.view.Contact, r.c.Terms.Series); err != nil {
		return err
	}
	tb.rows.discard()
	tb.sumCSV.Flush()
	if err := errors.Join(tb.sumCSV.Error(), tb.manBuf.Flush()); err != nil {
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
	err := writeAtomic(filepath.Join(tb.dir, folder.ManifestName), func(w io.Writer) error {
		return r.writeManifest(stallWriter(w, "manifest"), bufio.NewReader(tb.man), tb)
	})
	tb.man.Close()
	os.Remove(tb.man.Name())
	return err
}

func (tb *tables) discard() {
	if tb.rows != nil {
		tb.rows.discard()
	}
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
	head := folder.Manifest{Tool: r.opt.tool(), Version: r.opt.Version, Options: r.ro, Warrants: r.reissued}
	head.Inputs.Case, head.Inputs.Register = r.caseHash, r.regHash
	b, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return err
	}
	// Replace the empty file list with the streamed one.
	s := string(b)
	cut := strings.LastIndex(s, `"files": null`)
	bw.WriteString(s[:cut] + "\"files\": [\n")
	tables := []folder.File{
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
