package casefile

import "strings"

// CSV injection (OWASP): a spreadsheet opening a CSV takes a cell that
// begins with '=', '+', '-', '@', a tab or a carriage return for a formula
// and runs it. Every CSV warrantkit writes goes through CSVCell, which puts a
// single quote before such a cell, the mark a spreadsheet reads as "this is
// text"; the register reader takes it off again (CSVValue), so a register
// warrantkit wrote reads back to the same names.
//
// A cell that already begins with quotes before such a character gets one
// more, so that the pair is one to one: CSVValue(CSVCell(s)) == s for every s.

// formulaStart is what a spreadsheet takes for the start of a formula.
const formulaStart = "=+-@\t\r"

// looksLikeFormula reports whether s, after any leading single quotes,
// begins with a formula character.
func looksLikeFormula(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && strings.IndexByte(formulaStart, rest[0]) >= 0
}

// CSVCell is the text to write in a CSV cell for s.
func CSVCell(s string) string {
	if looksLikeFormula(s) {
		return "'" + s
	}
	return s
}

// CSVRecord applies CSVCell to every field of rec, in place, and returns it.
func CSVRecord(rec []string) []string {
	for i, s := range rec {
		rec[i] = CSVCell(s)
	}
	return rec
}

// CSVValue is the value of a cell CSVCell wrote: one leading quote before
// quotes and a formula character is taken off ("'=SUM(A1)" → "=SUM(A1)");
// any other cell is its own value.
func CSVValue(cell string) string {
	if strings.HasPrefix(cell, "'") && looksLikeFormula(cell) {
		return cell[1:]
	}
	return cell
}
