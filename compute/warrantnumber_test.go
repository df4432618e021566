package compute

import "testing"

func TestWarrantNumberKey(t *testing.T) {
	tests := []struct{ number, key string }{
		{"W-F-05-001", "1"},
		{"W-F-05-1", "1"},
		{"W-F-05-0001", "1"},
		{"W-F-05-010", "10"},
		{"W-F-05-100", "100"},
		{"W-F-05-000", "0"},
		{"W-F-05-0", "0"},
		{"W-F-05-99999999999999999999999", "99999999999999999999999"},
	}
	for _, tt := range tests {
		if got := WarrantNumberKey("W-F-05", tt.number); got != tt.key {
			t.Errorf("WarrantNumberKey(%q) = %q, want %q", tt.number, got, tt.key)
		}
	}
}
