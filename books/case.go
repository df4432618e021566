package books

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
	b, err := Open(path, register)
	if err != nil {
		return nil, err
	}
	return b.Case, nil
}

// FindWarrant returns the warrant of c numbered num: W-F-05-1 finds
// W-F-05-001 (the digits are the number, whatever zeros lead them). A
// warrant a transaction of the ledger created is found too, as issued: its
// holder and its Warrant Share Number when created.
func FindWarrant(c *compute.Case, num string) (compute.Warrant, error) {
	key := compute.WarrantNumberKey(c.Terms.Series, num)
	for _, w := range c.Warrants {
		if w.Number == num || (strings.HasPrefix(num, c.Terms.Series+"-") && compute.WarrantNumberKey(c.Terms.Series, w.Number) == key) {
			return w, nil
		}
	}
	if len(c.Transactions) > 0 && strings.HasPrefix(num, c.Terms.Series+"-") {
		adjs, err := compute.AdjustCase(c, compute.Date{})
		if err != nil {
			return compute.Warrant{}, InCaseFile(err, c.File)
		}
		for _, a := range adjs {
			if compute.WarrantNumberKey(c.Terms.Series, a.Warrant) == key {
				w := a.Subject
				w.Number = a.Warrant
				return w, nil
			}
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
	c, _, err := openCaseData(path)
	return c, err
}

// openCaseData is OpenCase that also returns the bytes decoded, for the
// copy a reissue or a record keeps of its inputs.
func openCaseData(path string) (*compute.Case, []byte, error) {
	c, data, err := casefile.LoadData(path)
	var pe *os.PathError
	if errors.As(err, &pe) {
		return nil, nil, &compute.InputError{File: path, Problem: fmt.Sprintf("cannot read the case file: %v", pe.Err)}
	}
	if err != nil {
		return nil, nil, err
	}
	if err := templates.CheckCase(c); err != nil {
		return nil, nil, err
	}
	return c, data, nil
}

// Books are the case a command works on, with its warrants taken from the
// register when one was given, and the files they were read from: the
// record of an exercise or an assignment copies them into its directory.
type Books struct {
	*compute.Case
	CasePath     string
	RegisterPath string // "" when the warrants are the case file's own
	caseData     []byte // the files' bytes as decoded, for a record's copies
	registerData []byte
	// base is the ledger of the case as read, built once (Books.ledger):
	// every check a command makes before appending its transaction reads it.
	base *compute.Ledger
}

// Open reads the books: the case file at casePath and, when registerPath is
// not "", the warrants of that register instead of the case file's own list.
// Each file is read once; its bytes are kept for the record's copy.
func Open(casePath, registerPath string) (*Books, error) {
	c, caseData, err := openCaseData(casePath)
	if err != nil {
		return nil, err
	}
	b := &Books{Case: c, CasePath: casePath, RegisterPath: registerPath, caseData: caseData}
	if registerPath == "" {
		if len(c.Warrants) == 0 {
			return nil, &compute.InputError{File: casePath, Field: "warrants", Problem: "the case lists no warrants and no --register was given", Allowed: "a warrants list, or --register FILE.csv"}
		}
		return b, nil
	}
	if b.registerData, err = readRegisterData(registerPath); err != nil {
		return nil, err
	}
	ws, err := casefile.ReadRegister(registerPath, bytes.NewReader(b.registerData), c.Terms)
	if err != nil {
		return nil, err
	}
	if len(ws) == 0 {
		return nil, &compute.InputError{File: registerPath, Field: "register", Problem: "the register has a header but no warrants", Allowed: "one row per outstanding warrant"}
	}
	c.Warrants = ws
	return b, nil
}

// readRegisterData reads the register a command takes whole (adjust,
// exercise, assign, notice: a reissue streams its register instead).
func readRegisterData(path string) ([]byte, error) {
	f, err := safepath.OpenRegular(path, "register")
	if errors.As(err, new(*safepath.Error)) {
		return nil, err
	}
	if err != nil {
		return nil, &compute.InputError{File: path, Field: "register", Problem: fmt.Sprintf("cannot open the register: %v", safepath.Unwrap(err))}
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, &compute.InputError{File: path, Field: "register", Problem: fmt.Sprintf("cannot read the register: %v", safepath.Unwrap(err))}
	}
	return data, nil
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
