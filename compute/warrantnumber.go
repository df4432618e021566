package compute

import "strings"

// WarrantNumberKey is what makes a warrant number of series the number it
// is: its digits without leading zeros, so that W-F-05-1 and W-F-05-001 are
// one warrant. number must be a valid number of the series, SERIES-NNN, as
// the case file and register readers (package casefile) check it.
//
// It stays here, with the Warrant, rather than with the readers: it is the
// identity of a warrant number, which whoever looks a warrant up by number
// needs as much as the readers that refuse a duplicate.
func WarrantNumberKey(series, number string) string {
	digits := strings.TrimPrefix(number, series+"-")
	if k := strings.TrimLeft(digits, "0"); k != "" {
		return k
	}
	return "0"
}
