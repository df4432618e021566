package casefile

import (
	"strings"
	"testing"
)

func TestTextProblem(t *testing.T) {
	accepted := []string{
		"Glowpoint, Inc.",
		"Łukasz Żółć",
		"José Ñúñez García, 2º",
		"山田太郎",
		"Αλφα Κεφάλαιο",
		"Иван Петров",
		"שלום\u200fעולם",          // a right-to-left mark is ordinary bidi text, not an override
		"می\u200cخواهم",           // Persian: the non-joiner is part of the spelling
		"क्\u200dष",               // Devanagari: a joiner after a virama
		"One Main St\nSuite 2",    // a line break inside a register cell
		"a\tb",                    // a tab
		strings.Repeat("山", 1000), // the limit counts characters, not bytes
		"",
	}
	for _, s := range accepted {
		if p, _ := textProblem(s); p != "" {
			t.Errorf("textProblem(%q) = %q, want accepted", s, p)
		}
	}
	refused := []struct{ s, want string }{
		{"a\x00b", "contains U+0000 (control character) at character 2"},
		{"\x1b[31mred", "contains U+001B (control character) at character 1"},
		{"a\rb", "contains U+000D (control character)"},
		{"a\x7fb", "contains U+007F (control character)"},
		{"a\u0085b", "contains U+0085 (C1 control character)"},
		{"a\u009b2Jb", "contains U+009B (C1 control character)"},
		{"a\u202ab", "contains U+202A (left-to-right embedding)"},
		{"a\u202bb", "contains U+202B (right-to-left embedding)"},
		{"a\u202cb", "contains U+202C (pop directional formatting)"},
		{"a\u202db", "contains U+202D (left-to-right override)"},
		{"a\u202eb", "contains U+202E (right-to-left override)"},
		{"a\u2066b", "contains U+2066 (left-to-right isolate)"},
		{"a\u2067b", "contains U+2067 (right-to-left isolate)"},
		{"a\u2068b", "contains U+2068 (first strong isolate)"},
		{"a\u2069b", "contains U+2069 (pop directional isolate)"},
		{"a\u200bb", "contains U+200B (zero width space)"},
		{"a\u200cb", "contains U+200C (zero width non-joiner)"},
		{"Alpha\u200dCapital", "contains U+200D (zero width joiner) at character 6"},
		{"é\u200dè", "contains U+200D"},       // Latin letters, accents or not
		{"\u200cمی", "contains U+200C"},       // not between two letters
		{"می\u200c", "contains U+200C"},       // at the end
		{"می\u200c خواهم", "contains U+200C"}, // before a space
		{"a\u2060b", "contains U+2060 (word joiner)"},
		{"a\ufeffb", "contains U+FEFF (zero width no-break space (byte order mark))"},
		{strings.Repeat("a", 1001), "is 1001 characters long; at most 1000 allowed"},
		{strings.Repeat("山", 1001), "is 1001 characters long"},
	}
	for _, tt := range refused {
		p, a := textProblem(tt.s)
		if !strings.Contains(p, tt.want) || a == "" {
			t.Errorf("textProblem(%q) = %q, %q; want %q", tt.s, p, a, tt.want)
		}
	}
}

// TestDecodeCase_OrdinaryUnicode: names in every script a holder may write
// are kept as they are.
func TestDecodeCase_OrdinaryUnicode(t *testing.T) {
	names := []string{"Łukasz Żółć", "山田太郎", "Αλφα Κεφάλαιο", "Иван Петров", "שלום\u200fעולם", "می\u200cخواهم"}
	for _, name := range names {
		src := strings.Replace(tcMinimal(t), `holder: {name: "Alpha Capital Anstalt"}`, `holder: {name: "`+name+`"}`, 1)
		c, err := tcDecode(t, src)
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		if got := c.Warrants[0].Holder.Name; got != name {
			t.Errorf("name %q decoded as %q", name, got)
		}
	}
}
