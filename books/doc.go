// Package books performs what warrantkit's commands do to the warrants on
// "the books of the Issuer" (the Warrant, §2(e)): re-issue every warrant of a
// register after an adjustment (Reissue), record an exercise (Exercise) or
// an assignment (Assign), write certificates of adjustment and notices to
// holders, and recompute a reissue to check it (Verify).
//
// It writes its output directories in the formats of books/folder: each
// file atomically, the manifest or record last, so that a directory with a
// manifest holds everything it lists. A reissue claims its directory under
// a lock before writing, and a stopped reissue is finished with
// Options.Resume.
//
// books reads no clock, no environment and no terminal: the version, the
// documents' creation date, the fallback font and progress come in through Options,
// and errors go back to the caller: a *compute.InputError for bad input,
// naming the field of the input or option it is about (shares,
// first_number, register), an *OutError for an output path that cannot be
// used (CheckOutDir, CheckOutFile, the claim of a reissue), a *UsageError
// for options that do not go together, a *Stopped for a reissue canceled
// after it claimed its directory. cmd/warrantkit maps them to exit codes
// and to the flags that set the fields, and prints them.
//
// Case files and registers are named by path, not passed as readers: a
// register is read more than once (checked, copied into the output, then
// streamed to the workers) and never held in memory whole.
package books
