package main

import (
	"bufio"
	"context"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
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

// cells measures text in terminal columns, the same in every locale
// (characters of ambiguous width count one), so that the table's bytes do
// not depend on the environment.
var cells = &runewidth.Condition{}

// writeRegisterTable prints the view for a person: one line per warrant,
// without the address, no line ending in blanks. Columns are aligned by
// the width a terminal gives each character (an ideograph takes two
// columns), which text/tabwriter, counting runes, does not.
func writeRegisterTable(w io.Writer, view *books.View) error {
	rows := [][]string{{"NUMBER", "HOLDER", "WARRANT SHARE NUMBER", "WARRANT PRICE", "ISSUED", "PARENT"}}
	for r := range view.Rows() {
		rows = append(rows, []string{r.Number, r.HolderName, r.Shares, r.WarrantPrice, r.Issued, r.Parent})
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], cells.StringWidth(cell))
		}
	}
	bw := bufio.NewWriter(w)
	var line strings.Builder
	for _, row := range rows {
		line.Reset()
		for i, cell := range row {
			line.WriteString(cell)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-cells.StringWidth(cell)+2))
			}
		}
		bw.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return bw.Flush()
}
