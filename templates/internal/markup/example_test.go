package markup_test

import (
	"fmt"
	"log"

	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates/internal/markup"
)

// Parse a section with a text placeholder and a fill-in blank, list what it
// needs and fill it: the blank's value sits on an underline (a field span).
func ExampleParse() {
	const text = `== notice
@ragged
Notice is given to {{=holder}} on {{date:40}}.
`
	doc, err := markup.Parse("notice.txt", text)
	if err != nil {
		log.Fatal(err)
	}
	s := doc.Section("notice")
	fields, texts := s.Placeholders()
	fmt.Println(doc.Sections(), fields, texts)

	blocks, _ := s.Fill(map[string]string{"holder": "Łukasz Żółć", "date": "June 10, 2008"})
	for _, sp := range blocks[0].(render.Paragraph).Spans {
		fmt.Printf("%q field=%v\n", sp.Text, sp.Field)
	}
	_, missing := s.Fill(nil)
	fmt.Println("missing:", missing)
	// Output:
	// [notice] [date] [holder]
	// "Notice is given to Łukasz Żółć on " field=false
	// "June 10, 2008" field=true
	// "." field=false
	// missing: [holder]
}
