package markup

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse_Errors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"== a\n@frobnicate x\n", "unknown directive @frobnicate"},
		{"== a\n@p\nsome {{name text\n", "unclosed placeholder"},
		{"== a\n@p\nsome {{=name text\n", "unclosed placeholder"},
		{"== a\n@p\nsome }} text\n", "}} without {{"},
		{"== a\n@p\n**bold text\n", "** not closed"},
		{"== a\n@p\n__under text\n", "__ not closed"},
		{"== a\n@p\n{{Bad-Name}}\n", "bad placeholder name"},
		{"== a\n@p\n{{name:wide}}\n", "bad width"},
		{"== a\n@p\n{{=name:lower}}\n", "unknown modifier"},
		{"== a\n@title {{field}}\n", "fill-in field"},
		{"== a\n@p\n\n", "without text"},
		{"@p\ntext\n", "before the first section"},
		{"== a\nloose text\n", "text outside a paragraph"},
		{"== a\n@center x\n== a\n@center y\n", "defined twice"},
		{"== a\n@keep\n@center x\n", "not closed by @endkeep"},
		{"== a\n@endkeep\n", "without @keep"},
		{"== a\n@hang 1 2 (A)\ntext\n", "left of the text"},
		{"== a\n@item 1\ntext\n", "one-word label"},
		{"== a\n@pair left only\n", "LEFT || RIGHT"},
		{"== a\n@formula a | b\n", "@formula needs"},
		{"== a\n@space lots\n", "@space needs"},
		{"== a\n@signature\nline x\nstamp y\n", "unknown line"},
		{"== a\n@signature\nsign By: plain\n", "sign needs"},
		{"== a\n", "is empty"},
	} {
		_, err := Parse("t.txt", c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.src, err, c.want)
		}
	}
	if _, err := Parse("t.txt", "== a\n@pagebreak\n"); err != nil {
		t.Errorf("a one-block section: %v", err)
	}
}

// Errors name the file and the directive's line.
func TestParse_ErrorLine(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"# c\n== a\n\n@frobnicate x\n", "t.txt:4: unknown directive @frobnicate"},
		{"== a\n@p\nsome\n{{name text\n", "t.txt:2: unclosed placeholder"},
		{"== a\n@keep\n@center x\n== b\n@center y\n", "t.txt:2: @keep not closed by @endkeep"},
		{"", "t.txt: no sections"},
	} {
		_, err := Parse("t.txt", c.src)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.src, err, c.want)
		}
	}
}

func TestParse_OptionalText(t *testing.T) {
	for _, c := range []struct {
		src, err string
	}{
		{"== a\n@p\nx {{=name?}} y\n", ""},
		{"== a\n@p\nx {{=name:upper?40}} y\n", ""},
		{"== a\n@p\nx {{=name?0}} y\n", `bad width "0"`},
		{"== a\n@p\nx {{=name?wide}} y\n", `bad width "wide"`},
		{"== a\n@p\nx {{=name:loud?}} y\n", `unknown modifier "loud"`},
	} {
		_, err := Parse("t.txt", c.src)
		if (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("%q: err %v, want %q", c.src, err, c.err)
		}
	}
}

func TestDoc_Sections(t *testing.T) {
	d, err := Parse("t.txt", "== one\n@center {{=a}} {{b}}\n== two\n@pagebreak\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Sections(); !reflect.DeepEqual(got, []string{"one", "two"}) {
		t.Fatalf("Sections() = %q", got)
	}
	if d.Section("three") != nil {
		t.Fatal("an unknown section is not nil")
	}
	s := d.Section("one")
	fields, texts := s.Placeholders()
	if s.Name() != "one" || !reflect.DeepEqual(fields, []string{"b"}) || !reflect.DeepEqual(texts, []string{"a"}) {
		t.Fatalf("%s: %q %q", s.Name(), fields, texts)
	}
	fields[0] = "changed" // a copy
	if f, _ := s.Placeholders(); f[0] != "b" {
		t.Fatal("Placeholders shares its slice with the section")
	}
}
