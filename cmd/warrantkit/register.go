package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/warrantkit/warrantkit/books"
)

// runRegister prints the register view (SPEC §4.5): the warrants
// outstanding at the end of --as-of, in ascending order of number, as CSV,
// JSON or a table for a person.
func runRegister(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "register", "CASE [--register FILE.csv] [--as-of DATE] [--json | --table]")
	asJSON := fs.Bool("json", false, "print the view as a JSON array of objects with the CSV's column names as keys")
	asTable := fs.Bool("table", false, "print the view as an aligned table for a person instead of CSV")
	asOf := fs.String("as-of", "", "the warrants outstanding at the end of `DATE` (YYYY-MM-DD), in the state of that day; default: after the whole history")
	register := fs.String("register", "", "take the original warrants from this register `CSV` instead of the case file")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	env.JSONErrors = *asJSON
	path, err := oneArg("register", fs.Args())
	if err != nil {
		return err
	}
	if *asJSON && *asTable {
		return usageErrorf("register: --json and --table are two forms of the view: give one")
	}
	cutoff, err := parseAsOf(*asOf)
	if err != nil {
		return err
	}
	view, err := books.RegisterViewOf(ctx, path, *register, cutoff)
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		return view.WriteJSON(env.Stdout)
	case *asTable:
		return writeRegisterTable(env.Stdout, view)
	}
	return view.WriteCSV(env.Stdout)
}

// writeRegisterTable prints the view for a person: one line per warrant,
// without the address, no line ending in blanks.
func writeRegisterTable(w io.Writer, view *books.View) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tHOLDER\tWARRANT SHARE NUMBER\tWARRANT PRICE\tISSUED\tPARENT")
	for r := range view.Rows() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Number, r.HolderName, r.Shares, r.WarrantPrice, r.Issued, r.Parent)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for line := range strings.Lines(buf.String()) {
		bw.WriteString(strings.TrimRight(line, " \n") + "\n")
	}
	return bw.Flush()
}
