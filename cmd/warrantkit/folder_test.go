package main

import "github.com/warrantkit/warrantkit/books/folder"

// The names the CLI tests give the output directory's formats, which
// books/folder owns.
type (
	manifest     = folder.Manifest
	manifestFile = folder.File
)

const (
	manifestName = folder.ManifestName
	stateFile    = folder.StateName
)
