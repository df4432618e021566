package ocf

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// Output is a directory warrantkit wrote, to export as OCF: a reissue's
// (manifest.json) or an exercise's or assignment's (its record).
type Output struct {
	Dir        string
	Reissue    *Reissue       // a reissue's, or nil
	Record     *folder.Record // an exercise's or assignment's, or nil
	RecordFile string         // the record's path
}

// ReadOutput reads the output directory dir (ReadReissue or ReadRecord,
// by whether it holds manifest.json).
func ReadOutput(dir string) (*Output, error) {
	o := &Output{Dir: dir}
	var err error
	if _, statErr := os.Stat(filepath.Join(dir, folder.ManifestName)); statErr == nil {
		o.Reissue, err = ReadReissue(dir)
	} else {
		o.Record, o.RecordFile, err = ReadRecord(dir)
	}
	if err != nil {
		return nil, err
	}
	return o, nil
}

// Export turns the output into the files of an OCF package that adds it to
// p (ExportReissue or ExportRecord).
func (o *Output) Export(p *Package, opt RecordOptions) ([]OutFile, error) {
	if o.Reissue != nil {
		return ExportReissue(p, o.Reissue.Case.Terms.Series, o.Reissue)
	}
	return ExportRecord(p, o.Record, o.Dir, o.RecordFile, opt)
}

// String says what the output is, for a message: "the reissue of 12
// warrants", "the exercise of W-F-05-001".
func (o *Output) String() string {
	if o.Reissue != nil {
		return fmt.Sprintf("the reissue of %d warrants", len(o.Reissue.New))
	}
	return fmt.Sprintf("the %s of %s", o.Record.Command, o.Record.Warrant.Number)
}

// WriteFiles writes the files of an export under out, each through
// safepath: a path an input named (the OCF manifest, a reissue manifest, a
// record) cannot lead outside out. Every path is checked before the first
// file is written.
func WriteFiles(out string, files []OutFile) error {
	for _, f := range files {
		if _, err := safepath.Clean(f.Path, f.From); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	root, err := safepath.OpenRoot(out)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, f := range files {
		write := f.Copy
		if write == nil {
			data := f.Data
			write = func(w io.Writer) error { _, err := w.Write(data); return err }
		}
		if err := root.WriteFile(f.Path, f.From, write); err != nil {
			return err
		}
	}
	return nil
}
