package main

import (
	"errors"
	"fmt"
	"github.com/warrantkit/warrantkit/internal/strictjson"
	"io/fs"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// openManifest opens a reissue output directory and reads its
// manifest.json: a regular file in it (not a link leading out, a FIFO or a
// device), of at most safepath.MaxRead bytes, each key once per object.
// The paths the manifest names are read through the returned root.
func openManifest(dir string) (*safepath.Root, []byte, error) {
	root, err := safepath.OpenRoot(dir)
	if err != nil {
		return nil, nil, &compute.InputError{File: dir, Problem: fmt.Sprintf("cannot open: %v", unwrapPath(err)), Allowed: "the output directory of a finished reissue"}
	}
	mpath := root.Path(manifestName)
	b, err := root.ReadFile(manifestName, safepath.From{File: dir}, safepath.MaxRead)
	if errors.Is(err, fs.ErrNotExist) {
		err = &compute.InputError{File: mpath, Problem: "cannot read the manifest: no such file", Allowed: "the output directory of a finished reissue"}
	}
	if err == nil {
		err = strictjson.CheckKeys(mpath, b)
	}
	if err != nil {
		root.Close()
		return nil, nil, err
	}
	return root, b, nil
}
