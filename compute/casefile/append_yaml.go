package casefile

// Where the recorded transactions go in a YAML case file: whole lines,
// inserted after the last item of the block list `transactions` or, when
// there is none, a `transactions:` key added at the end of the document.

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// insertion is one contiguous insertion of text at offset at of the input.
// Several are candidates, tried in order until one passes the guard.
type insertion struct {
	at   int
	text string
}

// yamlInsertions are the candidate insertions of items (flow mappings, one
// per line) into the YAML case file data, whose top-level node is top.
func yamlInsertions(name string, data []byte, top *yaml.Node, items []string) ([]insertion, error) {
	if top.Kind != yaml.MappingNode || top.Style&yaml.FlowStyle != 0 {
		return nil, &compute.InputError{File: name, Line: top.Line, Problem: "the document is not a block mapping (one key per line), so the transactions cannot be appended as whole lines", Allowed: "a YAML case file whose top-level keys each start a line"}
	}
	if line, what := oddLineBreak(data); line > 0 {
		return nil, &compute.InputError{File: name, Line: line, Problem: "has " + what + ", which YAML counts as a line break: the lines cannot be told apart for appending",
			Allowed: "lines ending in LF or CRLF"}
	}
	lines := splitLines(data)
	nl := lineEnding(data)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value != "transactions" {
			continue
		}
		var next *yaml.Node
		if i+2 < len(top.Content) {
			next = top.Content[i+2]
		}
		return intoTransactions(name, lines, nl, top, k, v, next, items)
	}
	// No transactions key: add one at the end of the document.
	keyIndent := strings.Repeat(" ", max(top.Column-1, 0))
	text := keyIndent + "transactions:" + nl + itemLines(newDash(top), items, nl)
	at := documentEnd(lines)
	if at == len(data) && len(data) > 0 && data[len(data)-1] != '\n' {
		text = nl + text
	}
	return []insertion{{at, text}}, nil
}

// intoTransactions places items in the list v of the key k.
func intoTransactions(name string, lines []lineSpan, nl string, top, k, v, next *yaml.Node, items []string) ([]insertion, error) {
	refuse := func(problem string) error {
		return &compute.InputError{File: name, Line: v.Line, Field: "transactions", Problem: problem,
			Allowed: "a block list (each item on its own line starting with \"- \"), or `transactions:` with nothing after it, or no transactions key"}
	}
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && v.Anchor == "" && v.Line == k.Line:
		// `transactions:` with nothing after it: the items follow its line.
		at, text := lineStart(lines, k.Line+1), itemLines(newDash(top), items, nl)
		if at == lines[len(lines)-1].end && !endsWithNewline(lines) {
			text = nl + text
		}
		return []insertion{{at, text}}, nil
	case v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle != 0:
		return nil, refuse("is a flow list ([...]); appending to it would change its line")
	case v.Kind != yaml.SequenceNode || len(v.Content) == 0:
		return nil, refuse("is " + kindName(v) + " (" + v.Tag + "), not a block list that items can be appended to")
	}
	dash := seqDash(lines, v)
	text := itemLines(dash, items, nl)
	// Right before the next top-level key, or at the end of the file...
	end, atEOF := len(lines)+1, next == nil
	if next != nil {
		end = next.Line
	}
	last := v.Content[len(v.Content)-1].Line
	if end > len(lines)+1 || last >= end || v.Line > len(lines) {
		return nil, refuse("could not be located line by line (a bug)")
	}
	plain := lineStart(lines, end)
	// ...or above the blank and comment lines that lead to it (a comment
	// indented no deeper than the dash, which no item can own).
	backed := end
	for backed-1 > last && skippable(lines[backed-2].text, len(dash)-len(strings.TrimLeft(dash, " ")), atEOF) {
		backed--
	}
	var out []insertion
	for _, at := range []int{lineStart(lines, backed), plain} {
		t := text
		if at == lines[len(lines)-1].end && !endsWithNewline(lines) {
			t = nl + t
		}
		if len(out) == 0 || out[0].at != at {
			out = append(out, insertion{at, t})
		}
	}
	return out, nil
}

// oddLineBreak finds the first line break other than LF and CRLF (a lone
// CR, NEL, LS or PS) and returns its line and name, or 0.
func oddLineBreak(data []byte) (int, string) {
	for i := 0; i < len(data); i++ {
		what := ""
		switch {
		case data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			what = "a carriage return without a line feed"
		case bytes.HasPrefix(data[i:], []byte("\u0085")):
			what = "a next-line character (U+0085)"
		case bytes.HasPrefix(data[i:], []byte("\u2028")), bytes.HasPrefix(data[i:], []byte("\u2029")):
			what = "a line or paragraph separator (U+2028, U+2029)"
		}
		if what != "" {
			return 1 + bytes.Count(data[:i], []byte("\n")), what
		}
	}
	return 0, ""
}

// skippable reports whether a line may stand between the last item and the
// insertion: blank, or a comment starting at most at column indent+1 (or
// the document end marker, at the end of the file).
func skippable(line string, indent int, atEOF bool) bool {
	t := strings.TrimRight(line, "\r\n")
	s := strings.TrimLeft(t, " ")
	switch {
	case s == "":
		return true
	case strings.HasPrefix(s, "#"):
		return len(t)-len(s) <= indent
	case atEOF && (t == "..." || strings.HasPrefix(t, "... ")):
		return true
	}
	return false
}

// seqDash is how the items of the block list v start: the indentation and
// the dash with the spaces after it, as on the line of its first item.
func seqDash(lines []lineSpan, v *yaml.Node) string {
	indent := strings.Repeat(" ", v.Column-1)
	first := v.Content[0]
	if first.Line == v.Line && first.Column > v.Column+1 && v.Line <= len(lines) {
		l := lines[v.Line-1].text
		if first.Column-1 > len(l) || l[v.Column-1] != '-' {
			return indent + "- "
		}
		if gap := l[v.Column : first.Column-1]; strings.Trim(gap, " ") == "" {
			return indent + "-" + gap
		}
	}
	return indent + "- "
}

// newDash is the dash for a list that has no item yet: as the file's events
// or warrants list, when one is a block list, else indented two spaces
// under its key.
func newDash(top *yaml.Node) string {
	for _, key := range []string{"events", "warrants"} {
		for i := 0; i+1 < len(top.Content); i += 2 {
			if v := top.Content[i+1]; top.Content[i].Value == key && v.Kind == yaml.SequenceNode &&
				v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 && v.Column >= top.Column {
				return strings.Repeat(" ", v.Column-1) + "- "
			}
		}
	}
	return strings.Repeat(" ", top.Column+1) + "- "
}

// itemLines is one line per item.
func itemLines(dash string, items []string, nl string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(dash + it + nl)
	}
	return b.String()
}

// documentEnd is where text added at the end of the document goes: the end
// of the file, or before a final document end marker (`...`).
func documentEnd(lines []lineSpan) int {
	for i := len(lines) - 1; i >= 0; i-- {
		t := strings.TrimRight(lines[i].text, "\r\n")
		switch s := strings.TrimLeft(t, " "); {
		case s == "" || strings.HasPrefix(s, "#"):
			continue
		case t == "..." || strings.HasPrefix(t, "... "):
			return lines[i].start
		}
		break
	}
	return lines[len(lines)-1].end
}

// lineSpan is one line of the input, its terminator included.
type lineSpan struct {
	start, end int
	text       string
}

// splitLines cuts data into lines (a last line without a newline included).
func splitLines(data []byte) []lineSpan {
	var out []lineSpan
	for start := 0; start < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		out = append(out, lineSpan{start, end, string(data[start:end])})
		start = end
	}
	if len(out) == 0 {
		out = append(out, lineSpan{})
	}
	return out
}

// lineStart is the offset where line n (1-based) starts; past the last line,
// the end of the data.
func lineStart(lines []lineSpan, n int) int {
	if n-1 < len(lines) {
		return lines[n-1].start
	}
	return lines[len(lines)-1].end
}

// endsWithNewline reports whether the last line is terminated.
func endsWithNewline(lines []lineSpan) bool {
	return strings.HasSuffix(lines[len(lines)-1].text, "\n")
}

// lineEnding is the file's line terminator: CRLF when its first line ends so.
func lineEnding(data []byte) string {
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// parseTop parses data with the case file's own parser and returns the
// top-level node.
func parseTop(name string, data []byte) (*yaml.Node, error) {
	d := &caseDecoder{file: name}
	root, err := d.parse(data)
	if err != nil {
		return nil, fmt.Errorf("record the transaction: %w", err)
	}
	return root, nil
}
