//go:build ignore

// cut.go makes DroidSansFallback-cut.ttf, the fallback font of the tests:
// Droid Sans Fallback (Apache-2.0, Debian's fonts-droid-fallback) cut to the
// characters the tests set. Run from this directory:
//
//	go run cut.go /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
package main

import (
	"os"

	"github.com/go-pdf/fpdf"
)

// chars are the characters kept: the sample holder's name and address and a
// few more Japanese and Chinese ones.
const chars = "山田太郎東京都千代田区丸の内株式会社日本中村花子大阪市北王李明"

func main() {
	ttf, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile("DroidSansFallback-cut.ttf", fpdf.UTF8CutFont(ttf, chars), 0o644); err != nil {
		panic(err)
	}
}
