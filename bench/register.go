package bench

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/warrantkit/warrantkit/compute/casefile"
)

// Names and places for synthetic registers: accented Latin, Polish, Nordic,
// Turkish, Greek and Cyrillic, so every run exercises the font and the CSV
// quoting. Every character is one the embedded font prints: a name in a
// script it lacks (such as Japanese) is refused without a fallback font
// (--font), and a synthetic register is for any command.
var (
	givenNames = []string{"José", "Łukasz", "Zoë", "Søren", "Ángel", "Françoise", "Jürgen", "Ağca", "Małgorzata", "Björk",
		"Chloé", "Dvořák", "Ñusta", "Øystein", "Renée", "Ştefan", "Αλέξανδρος", "Дмитрий", "Ярослава", "Mary", "John", "Ана", "Þórunn", "Hélène"}
	familyNames = []string{"Ñúñez García", "Żółć", "O'Brien", "Müller-Lüdenscheidt", "Øvergård", "Čapek", "Đorđević", "Şahin", "Παπαδόπουλος",
		"Иванова", "van der Berg", "Smith", "Nakamura", "Lefèvre", "d'Artagnan", "Kowalczyk", "Fernández", "Łęcka", "Brontë", "Jónsdóttir"}
	entities = []string{"Capital Anstalt", "Master Fund, L.P.", "Partners ApS", "Family Trust", "Holdings GmbH", "Investments S.à r.l.", "Opportunity Fund Ltd."}
	streets  = []string{"Pradafant 7", "Calle de Serrano 41", "ul. Marszałkowska 84/92", "Kongens Nytorv 3", "Rue de Rivoli 99", "Königsallee 1", "İstiklal Caddesi 12", "Οδός Ερμού 5", "ул. Тверская, д. 7", "100 Crescent Court, Suite 490"}
	cities   = []string{"9490 Vaduz, Liechtenstein", "28001 Madrid, Spain", "00-514 Warszawa, Poland", "1050 København K, Denmark", "75001 Paris, France",
		"40212 Düsseldorf, Germany", "34430 İstanbul, Türkiye", "105 63 Αθήνα, Ελλάδα", "125009 Москва, Россия", "Dallas, Texas 75201", "Chiyoda-ku, Tokyo 100-0005, Japan"}
)

// Register writes a synthetic register of n warrants of series to w, as a
// stream: holders with names and addresses from many scripts, share counts
// over magnitudes. The same seed gives the same register.
func Register(w io.Writer, n int, seed uint64, series string) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := bufio.NewWriter(w)
	cw := csv.NewWriter(out)
	if err := cw.Write([]string{"number", "holder_name", "holder_address", "shares", "email"}); err != nil {
		return err
	}
	width := max(3, len(strconv.Itoa(n)))
	for i := 1; i <= n; i++ {
		var name string
		switch rng.IntN(4) {
		case 0:
			name = familyNames[rng.IntN(len(familyNames))] + " " + entities[rng.IntN(len(entities))]
		default:
			name = givenNames[rng.IntN(len(givenNames))] + " " + familyNames[rng.IntN(len(familyNames))]
		}
		address := streets[rng.IntN(len(streets))] + "|" + cities[rng.IntN(len(cities))]
		// Share counts from 100 to about 2.5 million, spread over magnitudes; a few with cents of a share.
		shares := strconv.Itoa(100 * (1 + rng.IntN(10)) * pow10(rng.IntN(4)))
		if rng.IntN(20) == 0 {
			shares += "." + fmt.Sprintf("%02d", rng.IntN(100))
		}
		email := ""
		if rng.IntN(3) == 0 {
			email = strings.ToLower(fmt.Sprintf("holder%d@example.com", i))
		}
		if err := cw.Write(casefile.CSVRecord([]string{fmt.Sprintf("%s-%0*d", series, width, i), name, address, shares, email})); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return out.Flush()
}

func pow10(k int) int {
	p := 1
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}

// WriteRegister writes Register's register to the file at path.
func WriteRegister(path string, n int, seed uint64, series string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = Register(f, n, seed, series)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
