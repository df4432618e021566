package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// SyntaxProblem describes a JSON syntax error with its line.
func SyntaxProblem(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("line %d: %v", line, se)
	}
	return err.Error()
}
