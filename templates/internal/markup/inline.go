package markup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/warrantkit/warrantkit/render"
)

// defaultFieldWidth is a blank's underline when the markup gives no width, mm.
const defaultFieldWidth = 30

// maxFieldWidth is the widest underline the markup admits: the text width
// of a US Letter page with one-inch margins, mm.
const maxFieldWidth = 165

// placeName is the name of a placeholder: lower case, digits and "_".
var placeName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// parseInline reads placeholders and the **bold** and __underline__ markers.
// fieldsOK says whether fill-in fields may appear (not in headings and
// formulas, which are plain text).
func parseInline(s string, fieldsOK bool) (inline, error) {
	var out inline
	var buf strings.Builder
	style := render.Regular
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, segment{kind: segText, text: buf.String(), style: style})
			buf.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			end := closing(s, i)
			if end < 0 {
				return nil, fmt.Errorf("unclosed placeholder %q", clip(s[i:]))
			}
			seg, err := parsePlaceholder(s[i+2 : end])
			if err != nil {
				return nil, err
			}
			if seg.kind == segField && !fieldsOK {
				return nil, fmt.Errorf("fill-in field {{%s}} where only text may go", seg.name)
			}
			seg.style = style
			flush()
			out = append(out, seg)
			i = end + 2
		case strings.HasPrefix(s[i:], "}}"):
			return nil, fmt.Errorf("}} without {{ in %q", clip(s))
		case strings.HasPrefix(s[i:], "**"):
			flush()
			style ^= render.Bold
			i += 2
		case strings.HasPrefix(s[i:], "__"):
			flush()
			style ^= render.Underline
			i += 2
		default:
			buf.WriteByte(s[i])
			i++
		}
	}
	flush()
	if style&render.Bold != 0 {
		return nil, fmt.Errorf("** not closed in %q", clip(s))
	}
	if style&render.Underline != 0 {
		return nil, fmt.Errorf("__ not closed in %q", clip(s))
	}
	return out, nil
}

// closing finds the "}}" that closes the "{{" at s[i:], counting nesting;
// -1 if there is none.
func closing(s string, i int) int {
	depth := 0
	for j := i; j+1 < len(s); {
		switch {
		case s[j] == '{' && s[j+1] == '{':
			depth++
			j += 2
		case s[j] == '}' && s[j+1] == '}':
			depth--
			if depth == 0 {
				return j
			}
			j += 2
		default:
			j++
		}
	}
	return -1
}

// parsePlaceholder reads what is between "{{" and "}}": a fill-in field
// name:WIDTH|PREFIX, or a text =name (parseValue).
func parsePlaceholder(in string) (segment, error) {
	if strings.HasPrefix(in, "=") {
		return parseValue(in)
	}
	spec, prefix, hasPrefix := strings.Cut(in, "|")
	name, width, hasWidth := strings.Cut(spec, ":")
	if !placeName.MatchString(name) {
		return segment{}, fmt.Errorf("bad placeholder name in {{%s}}", in)
	}
	seg := segment{kind: segField, name: name, width: defaultFieldWidth}
	if hasWidth {
		w, err := parseWidth(width, in)
		if err != nil {
			return segment{}, err
		}
		seg.width = w
	}
	if hasPrefix {
		p, err := parseInline(prefix, false)
		if err != nil {
			return segment{}, fmt.Errorf("in the blank prefix of {{%s}}: %v", in, err)
		}
		if len(p) == 0 {
			return segment{}, fmt.Errorf("empty blank prefix in {{%s}}", in)
		}
		seg.prefix = p
	}
	return seg, nil
}

// parseValue reads a text placeholder: =name, =name:upper, =name:stop, with
// an optional ?WIDTH (a blank when the value is missing).
func parseValue(in string) (segment, error) {
	spec, width, optional := strings.Cut(in[1:], "?")
	name, mod, _ := strings.Cut(spec, ":")
	if !placeName.MatchString(name) {
		return segment{}, fmt.Errorf("bad placeholder name in {{%s}}", in)
	}
	if mod != "" && mod != "upper" && mod != "stop" {
		return segment{}, fmt.Errorf("unknown modifier %q in {{%s}} (:upper or :stop)", mod, in)
	}
	seg := segment{kind: segValue, name: name, upper: mod == "upper", stop: mod == "stop", blank: optional, width: defaultFieldWidth}
	if optional && width != "" {
		w, err := parseWidth(width, in)
		if err != nil {
			return segment{}, err
		}
		seg.width = w
	}
	return seg, nil
}

// parseWidth reads the width of an underline in the placeholder in, mm.
func parseWidth(width, in string) (float64, error) {
	w, err := strconv.ParseFloat(width, 64)
	if err != nil || w <= 0 || w > maxFieldWidth {
		return 0, fmt.Errorf("bad width %q in {{%s}} (mm, up to %d)", width, in, maxFieldWidth)
	}
	return w, nil
}

// clip shortens text quoted in an error to 40 bytes.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
