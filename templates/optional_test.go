package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/render"
)

// The optional texts of the case (the issuer's jurisdiction, address, notice
// contact and signatory) print as blanks to fill by hand when left out;
// given, they print as text, with no underline.
func TestWarrantTextOptionalBlanks(t *testing.T) {
	optional := []string{"jurisdiction", "issuer_address", "notice_attention", "notice_phone", "notice_fax", "signatory_name", "signatory_title"}
	values := glowpointTexts()
	for _, k := range optional {
		delete(values, k)
	}
	blocks, err := WarrantText("warrant", values)
	if err != nil {
		t.Fatalf("the optional texts are required: %v", err)
	}
	sp := spansOf(blocks)
	// blankAfter says whether an empty underline follows the text ending in label.
	blankAfter := func(sp []render.Span, label string) bool {
		i := slices.IndexFunc(sp, func(s render.Span) bool { return !s.Field && strings.HasSuffix(s.Text, label) })
		return i >= 0 && i+1 < len(sp) && sp[i+1].Field && sp[i+1].Text == ""
	}
	for _, label := range []string{"Attention: ", "Tel. No.: ", "Fax No.: ", "Glowpoint, Inc.\n", ", a "} {
		if !blankAfter(sp, label) {
			t.Errorf("no blank after %q", label)
		}
	}
	full, err := WarrantText("warrant", glowpointTexts())
	if err != nil {
		t.Fatal(err)
	}
	if sp := spansOf(full); blankAfter(sp, "Attention: ") || blankAfter(sp, ", a ") {
		t.Error("a given optional text prints as a blank")
	}
	// The signature block: the name and title lines are empty rules.
	sig := findSignature(blocks)
	if sig == nil || len(sig.Lines) != 3 || sig.Lines[1].Value != "" || sig.Lines[2].Value != "" {
		t.Errorf("signature without a signatory: %+v", sig)
	}
}

func findSignature(bs []render.Block) *render.Signature {
	for _, b := range bs {
		switch b := b.(type) {
		case render.Signature:
			return &b
		case render.Keep:
			if s := findSignature(b.Blocks); s != nil {
				return s
			}
		}
	}
	return nil
}

// CheckCase passes every case the decoder accepts, with or without the
// optional fields, and names the case-file fields of a missing text.
func TestCheckCase(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	if err := CheckCase(c); err != nil {
		t.Fatal(err)
	}
	c.Issuer.Jurisdiction, c.Issuer.Address, c.Issuer.Notice.Attention, c.Issuer.Signatory.Name = "", nil, "", ""
	if err := CheckCase(c); err != nil {
		t.Fatalf("optional fields left out: %v", err)
	}
	c.Issuer.Name = ""
	err := CheckCase(c)
	if err == nil || !strings.Contains(err.Error(), "issuer.name: missing or empty") {
		t.Fatalf("err = %v", err)
	}
	// Every text of the Warrant names its case-file field.
	for _, s := range WarrantSections() {
		_, texts := WarrantPlaceholders(s)
		for _, x := range texts {
			if caseFields[x] == "" {
				t.Errorf("%s: text %q has no case-file field in caseFields", s, x)
			}
		}
	}
}
