package main
func runOCFExport(env *Env, args []string) error { return nil }
