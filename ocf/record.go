package ocf

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// ReadRecord reads the record of an exercise or assign output directory,
// and checks that every file it names is there, inside the directory
// (safepath), with its size and sha256.
func ReadRecord(dir string) (*folder.Record, string, error) {
	var found []string
	for _, name := range []string{folder.ExerciseRecordName, folder.AssignmentRecordName} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			found = append(found, name)
		}
	}
	if len(found) != 1 {
		return nil, "", &compute.InputError{File: dir, Problem: fmt.Sprintf("holds %d of exercise.json and assignment.json", len(found)),
			Allowed: "a reissue --out directory (manifest.json), an exercise --out directory (exercise.json) or an assign --out directory (assignment.json)"}
	}
	root, err := safepath.OpenRoot(dir)
	if err != nil {
		return nil, "", &compute.InputError{File: dir, Problem: "cannot open: " + safepath.Unwrap(err).Error()}
	}
	defer root.Close()
	file := root.Path(found[0])
	data, err := root.ReadFile(found[0], safepath.From{File: dir}, safepath.MaxRead)
	if err != nil {
		return nil, "", err
	}
	r, err := folder.DecodeRecord(file, data)
	if err != nil {
		return nil, "", err
	}
	files := []listed{recordListed(file, "/inputs/case", r.Inputs.Case)}
	if r.Inputs.Register != nil {
		files = append(files, recordListed(file, "/inputs/register", *r.Inputs.Register))
	}
	for i, f := range r.Files {
		files = append(files, recordListed(file, fmt.Sprintf("/files/%d", i), f))
	}
	for _, l := range files {
		if _, err := checkListed(root, l); err != nil {
			return nil, "", err
		}
	}
	return r, file, nil
}

// recordListed is the file f of the record file, at the JSON pointer ptr.
func recordListed(file, ptr string, f folder.File) listed {
	return listed{File: f, from: safepath.From{File: file, Field: ptr + "/path"}, field: ptr + "/"}
}
