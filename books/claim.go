package books

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
)

// A reissue makes its output directory its own (claims it) before it writes
// a document, so that a run stopped at any moment leaves a directory that
// --resume finishes or a new run starts afresh.
//
// Under an exclusive lock on the directory, held for the whole run, the claim
// copies the inputs into DIR/inputs and writes .reissue.json last: that file
// exists only once the claim is whole, and says which inputs and options a
// --resume must match. A directory without it that holds nothing but what an
// unfinished claim of the same inputs leaves (their copies under inputs/ and
// the claim's temporary files) is claimed afresh, by a new run or a --resume.

// claimOutput locks out (until release) and makes sure it is ours: empty,
// absent or an unfinished claim for a new run; for --resume, a run of the
// same inputs and options. It removes the temporary files an interrupted run
// left behind and copies the inputs, unless their copies are there already.
func (r *reissueRun) claimOutput() (err error) {
	if err := os.MkdirAll(r.out, 0o755); err != nil {
		return err
	}
	if r.lock, err = lockDir(r.out); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			r.release()
		}
	}()
	stallAt("claim-locked")
	st := folder.State{Version: r.opt.Version, Case: r.caseHash.SHA256, Register: r.regHash.SHA256, Options: r.ro}
	claimed, err := r.checkOutput(st)
	if err != nil {
		return err
	}
	r.resume = claimed
	if err := removeTemps(r.out); err != nil {
		return err
	}
	if err := r.copyInputs(); err != nil {
		return err
	}
	if claimed {
		return nil
	}
	b, _ := json.MarshalIndent(st, "", "  ")
	return writeAtomic(filepath.Join(r.out, folder.StateName), func(w io.Writer) error {
		_, err := stallWriter(w, "claim-state").Write(append(b, '\n'))
		return err
	})
}

// release unlocks the output directory.
func (r *reissueRun) release() {
	if r.lock != nil {
		r.lock.Close()
		r.lock = nil
	}
}

// errLocked refuses a second run into a directory a run is writing.
func errLocked(dir string) error {
	return fmt.Errorf("reissue: %s is in use by another reissue running into it; wait for that one to end (or stop it), then run again", dir)
}

// checkOutput says whether out holds a claim to resume (true), or may be
// claimed afresh (false), or neither (an error).
func (r *reissueRun) checkOutput(st folder.State) (bool, error) {
	b, err := os.ReadFile(filepath.Join(r.out, folder.StateName))
	switch {
	case err == nil && !r.resume:
		return false, r.notEmpty()
	case err == nil:
		var prev folder.State
		if err := json.Unmarshal(b, &prev); err != nil || prev != st {
			return false, &compute.InputError{File: r.out, Field: "resume", Problem: "the interrupted reissue had other inputs or options", Allowed: "the same CASE, register and flags as the interrupted run"}
		}
		return true, nil
	case !errors.Is(err, os.ErrNotExist):
		return false, err
	}
	unfinished, err := r.unfinishedClaim()
	switch {
	case err != nil:
		return false, err
	case unfinished:
		return false, nil
	case r.resume:
		return false, &compute.InputError{File: r.out, Field: "resume", Problem: "the directory holds no interrupted reissue (" + folder.StateName + " is missing)"}
	}
	return false, r.notEmpty()
}

func (r *reissueRun) notEmpty() error {
	return &OutError{Command: "reissue", Flag: "--out", Path: r.out, Problem: "is not empty: what is written would mix with what is there",
		Allowed: "an empty directory, or a path that does not exist yet; or --resume to finish an interrupted reissue into it"}
}

// unfinishedClaim reports whether out holds nothing but what a claim of
// these inputs leaves when stopped before it wrote .reissue.json: inputs/,
// the copies of these very inputs in it and the claim's temporary files.
// An empty directory is one.
func (r *reissueRun) unfinishedClaim() (bool, error) {
	copies := map[string]string{r.caseHash.Path: r.caseHash.SHA256, r.regHash.Path: r.regHash.SHA256}
	temps := map[string]bool{folder.StateName: true, r.caseHash.Path: true, r.regHash.Path: true}
	only := true
	err := filepath.WalkDir(r.out, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(r.out, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "." || rel == "inputs" && d.IsDir():
			return nil
		case !d.Type().IsRegular():
		case temps[tempOf(rel)]:
			return nil
		case copies[rel] != "":
			if sum, err := fileSHA(path); err == nil && sum == copies[rel] {
				return nil
			}
		}
		only = false
		return filepath.SkipAll
	})
	return only, err
}

// tempOf is the file a temporary file of writeAtomic stands for
// ("inputs/.register.csv.tmp-123" → "inputs/register.csv"), or "".
func tempOf(rel string) string {
	dir, name := filepath.Split(rel)
	base, _, ok := strings.Cut(name, ".tmp-")
	if !ok || !strings.HasPrefix(base, ".") {
		return ""
	}
	return dir + base[1:]
}

// fileSHA is the sha256 of the file at path.
func fileSHA(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := newHashWriter()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return h.sum(), nil
}

// hasCopy reports whether out holds the input f, whole.
func (r *reissueRun) hasCopy(f folder.File) bool {
	sum, err := fileSHA(filepath.Join(r.out, f.Path))
	return err == nil && sum == f.SHA256
}

// copyInputs copies the case and the register into out/inputs, unless an
// interrupted claim or run copied them already.
func (r *reissueRun) copyInputs() error {
	if !r.hasCopy(r.caseHash) {
		err := writeAtomic(filepath.Join(r.out, r.caseHash.Path), func(w io.Writer) error {
			_, err := stallWriter(w, "claim-case").Write(r.caseData)
			return err
		})
		if err != nil {
			return err
		}
	}
	if r.hasCopy(r.regHash) {
		return nil
	}
	// The register is copied as a stream: a 100,000-row register never sits in memory.
	src, err := os.Open(r.srcReg)
	if err != nil {
		return err
	}
	defer src.Close()
	return writeAtomic(r.regPath, func(w io.Writer) error {
		h := newHashWriter()
		if _, err := io.Copy(io.MultiWriter(stallWriter(w, "claim-register"), h), src); err != nil {
			return err
		}
		if h.sum() != r.regHash.SHA256 {
			return fmt.Errorf("the register %s changed while it was read", r.srcReg)
		}
		return nil
	})
}

// removeTemps deletes the temporary files of writeAtomic under dir.
func removeTemps(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), ".") && strings.Contains(d.Name(), ".tmp-") {
			return os.Remove(path)
		}
		return nil
	})
}
