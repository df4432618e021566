package casefile

import (
	"errors"

	"github.com/warrantkit/warrantkit/compute"
)

// decoderLacksTransactions reports whether err is the decoder refusing the
// `transactions` key as unknown: until the decoder reads transactions, the
// guard relies on the parse comparison alone. TEMPORARY: removed once the
// transactions decoder is merged.
func decoderLacksTransactions(err error) bool {
	var ie *compute.InputError
	return errors.As(err, &ie) && ie.Field == "transactions" && ie.Problem == "unknown field"
}
