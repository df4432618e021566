package books

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// maxNumber is the highest numeric suffix a warrant number may have: 18
// digits, so that no sum of a number and a count of warrants can overflow.
const maxNumber = 999_999_999_999_999_999

// numberAllowed says which suffixes a series can number.
func numberAllowed(series string) string {
	return fmt.Sprintf("%s- followed by at most 18 digits (leading zeros aside), from %s-000 to %s-%d", series, series, series, int64(maxNumber))
}

// seriesDigits is the digits after "SERIES-" of number; ok is false if
// number is not SERIES-digits.
func seriesDigits(series, number string) (digits string, ok bool) {
	digits, found := strings.CutPrefix(number, series+"-")
	return digits, found && digits != "" && strings.Trim(digits, "0123456789") == ""
}

// suffixOf is the numeric suffix of a warrant number of the series and its
// width; ok is false if number is not SERIES-digits or the digits exceed
// maxNumber. W-F-05-1 and W-F-05-001 have the same suffix.
func suffixOf(series, number string) (n int64, width int, ok bool) {
	digits, ok := seriesDigits(series, number)
	if !ok || len(strings.TrimLeft(digits, "0")) > 18 {
		return 0, 0, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	return n, len(digits), err == nil && n <= maxNumber
}

// issuedNumbers is what a series has issued: the numeric suffixes of its
// warrant numbers, the highest, and the widest suffix (for zero padding).
type issuedNumbers struct {
	series  string
	taken   map[int64]bool
	highest int64
	width   int
}

func newIssued(series string) *issuedNumbers {
	return &issuedNumbers{series: series, taken: map[int64]bool{}, width: 3}
}

// add records a warrant number; it refuses (returns an error with the
// problem and what is allowed, for the caller to place) a number whose suffix
// is beyond maxNumber, so that the next number cannot wrap around. Numbers
// outside the series are ignored.
func (in *issuedNumbers) add(number string) *compute.InputError {
	if _, ok := seriesDigits(in.series, number); !ok {
		return nil
	}
	n, width, ok := suffixOf(in.series, number)
	if !ok {
		return &compute.InputError{Problem: fmt.Sprintf("warrant number %q is too large for new numbers to follow", number), Allowed: numberAllowed(in.series)}
	}
	in.taken[n] = true
	in.highest, in.width = max(in.highest, n), max(in.width, width)
	return nil
}

func (in *issuedNumbers) format(n int64, width int) string {
	return fmt.Sprintf("%s-%0*d", in.series, width, n)
}

// numbers hands out count new numbers: from first (--first-number) if given,
// else after the highest issued. Every one of them must be free and at most
// maxNumber; this is checked before anything is written.
func (in *issuedNumbers) numbers(first string, count int) (*newNumbers, error) {
	next, width := in.highest+1, in.width
	field := "first_number"
	if first != "" {
		n, w, ok := suffixOf(in.series, first)
		if !ok {
			return nil, &compute.InputError{Field: field, Problem: fmt.Sprintf("%q is not a number of series %s", first, in.series), Allowed: numberAllowed(in.series)}
		}
		next, width = n, max(3, w)
	}
	if int64(count) > maxNumber-next+1 {
		return nil, &compute.InputError{Field: field, Problem: fmt.Sprintf("%s from %s would pass %s, the highest warrant number", newNumbersText(count), in.format(next, width), in.format(maxNumber, width)),
			Allowed: fmt.Sprintf("a --first-number with %d free numbers up to %s", count, in.format(maxNumber, width))}
	}
	for n := next; n-next < int64(count); n++ {
		if in.taken[n] {
			return nil, &compute.InputError{Field: field, Problem: fmt.Sprintf("%s is already issued", in.format(n, width)),
				Allowed: fmt.Sprintf("%s not in the register, such as from %s", newNumbersText(count), in.format(in.highest+1, in.width))}
		}
	}
	return &newNumbers{series: in.series, next: next, width: width}, nil
}

func newNumbersText(count int) string {
	if count == 1 {
		return "1 new number"
	}
	return fmt.Sprintf("%d new numbers", count)
}

// newNumbers hands out new warrant numbers in order.
type newNumbers struct {
	series string
	next   int64
	width  int
}

// peek is the next number, take hands it out.
func (nn *newNumbers) peek() string { return fmt.Sprintf("%s-%0*d", nn.series, nn.width, nn.next) }

func (nn *newNumbers) take() string {
	s := nn.peek()
	nn.next++
	return s
}
