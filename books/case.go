package books

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/warrantkit/warrantkit/compute/casefile"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/templates"
)

// LoadCase reads the case file and, when register is set, takes the warrants
// from that register instead of the case file's own list.
func LoadCase(path, register string) (*compute.Case, error) {
	c, err := OpenCase(path)
	if err != nil {
		return nil, err
	}
	if register == "" {
		if len(c.Warrants) == 0 {
			return nil, &compute.InputError{File: path, Field: "warrants", Problem: "the case lists no warrants and no --register was given", Allowed: "a warrants list, or --register FILE.csv"}
		}
		return c, nil
	}
	f, err := safepath.OpenRegular(register, "register")
	if errors.As(err, new(*safepath.Error)) {
		return nil, err
	}
	if err != nil {
		return nil, &compute.InputError{File: register, Field: "register", Problem: fmt.Sprintf("cannot open the register: %v", safepath.Unwrap(err))}
	}
	defer f.Close()
	ws, err := casefile.ReadRegister(register, f, c.Terms)
	if err != nil {
		return nil, err
	}
	if len(ws) == 0 {
		return nil, &compute.InputError{File: register, Field: "register", Problem: "the register has a header but no warrants", Allowed: "one row per outstanding warrant"}
	}
	c.Warrants = ws
	return c, nil
}

// FindWarrant returns the warrant of c numbered num: W-F-05-1 finds
// W-F-05-001 (the digits are the number, whatever zeros lead them).
func FindWarrant(c *compute.Case, num string) (compute.Warrant, error) {
	key := compute.WarrantNumberKey(c.Terms.Series, num)
	for _, w := range c.Warrants {
		if w.Number == num || (strings.HasPrefix(num, c.Terms.Series+"-") && compute.WarrantNumberKey(c.Terms.Series, w.Number) == key) {
			return w, nil
		}
	}
	allowed := ""
	if len(c.Warrants) > 0 {
		allowed = fmt.Sprintf("one of the %d warrants of the case, such as %s", len(c.Warrants), c.Warrants[0].Number)
	}
	return compute.Warrant{}, &compute.InputError{Field: "warrant", Problem: fmt.Sprintf("no warrant numbered %q", num), Allowed: allowed}
}

// OpenCase decodes the case file at path; a file that cannot be opened is
// invalid input, named like every other. It also checks that the case gives
// every text the documents print, before any command writes one.
func OpenCase(path string) (*compute.Case, error) {
	c, err := casefile.Load(path)
	var pe *os.PathError
	if errors.As(err, &pe) {
		return nil, &compute.InputError{File: path, Problem: fmt.Sprintf("cannot read the case file: %v", pe.Err)}
	}
	if err != nil {
		return nil, err
	}
	if err := templates.CheckCase(c); err != nil {
		return nil, err
	}
	return c, nil
}

// Books are the case a command works on, with its warrants taken from the
// register when one was given, and the files they were read from: the
// record of an exercise or an assignment copies them into its directory.
type Books struct {
	*compute.Case
	CasePath     string
	RegisterPath string // "" when the warrants are the case file's own
}

// Open reads the books: the case file at casePath and, when registerPath is
// not "", the warrants of that register (LoadCase).
func Open(casePath, registerPath string) (*Books, error) {
	c, err := LoadCase(casePath, registerPath)
	if err != nil {
		return nil, err
	}
	return &Books{Case: c, CasePath: casePath, RegisterPath: registerPath}, nil
}

// Warrant is the warrant numbered num (FindWarrant).
func (b *Books) Warrant(num string) (compute.Warrant, error) { return FindWarrant(b.Case, num) }

// InCaseFile places an input error that carries no file (an engine error
// about an event) in the case file it came from.
func InCaseFile(err error, file string) error {
	var ie *compute.InputError
	if errors.As(err, &ie) && ie.File == "" && ie.Line > 0 {
		ie.File = file
	}
	return err
}
