package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/templates"
)

// loadCase reads the case file and, when register is set, takes the warrants
// from that register instead of the case file's own list.
func loadCase(path, register string) (*compute.Case, error) {
	c, err := openCase(path)
	if err != nil {
		return nil, err
	}
	if register == "" {
		if len(c.Warrants) == 0 {
			return nil, &compute.InputError{File: path, Field: "warrants", Problem: "the case lists no warrants and no --register was given", Allowed: "a warrants list, or --register FILE.csv"}
		}
		return c, nil
	}
	f, err := os.Open(register)
	if err != nil {
		return nil, &compute.InputError{File: register, Field: "--register", Problem: fmt.Sprintf("cannot open the register: %v", unwrapPath(err))}
	}
	defer f.Close()
	ws, err := casefile.ReadRegister(register, f, c.Terms)
	if err != nil {
		return nil, err
	}
	if len(ws) == 0 {
		return nil, &compute.InputError{File: register, Field: "--register", Problem: "the register has a header but no warrants", Allowed: "one row per outstanding warrant"}
	}
	c.Warrants = ws
	return c, nil
}

// findWarrant returns the warrant numbered num.
func findWarrant(c *compute.Case, num string) (compute.Warrant, error) {
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
	return compute.Warrant{}, &compute.InputError{Field: "--warrant", Problem: fmt.Sprintf("no warrant numbered %q", num), Allowed: allowed}
}

// unwrapPath drops the path from an *os.PathError, which the message names already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// oneArg checks that exactly one positional argument (the case file) was given.
func oneArg(name string, args []string) (string, error) {
	switch len(args) {
	case 1:
		return args[0], nil
	case 0:
		return "", usageErrorf("%s: missing CASE file (run warrantkit %s --help)", name, name)
	}
	return "", usageErrorf("%s: expected one CASE file, got %d arguments: %q", name, len(args), args)
}

// openCase decodes the case file at path; a file that cannot be opened is
// invalid input, named like every other. It also checks that the case gives
// every text the documents print, before any command writes one.
func openCase(path string) (*compute.Case, error) {
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
