package main

import (
	"testing"

	"github.com/warrantkit/warrantkit/internal/testfiles"
)

// The cases, registers and file trees the tests of books use too, for the
// same trials run through the binary.
var (
	tree          = testfiles.Tree
	asciiRegister = testfiles.Register
)

func combinationCase(t *testing.T) string { return testfiles.CombinationCase(t, sample) }
