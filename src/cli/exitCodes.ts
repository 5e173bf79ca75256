/** Exit codes of `phi-guard` (documented in docs/cli.md). */
export const EXIT_OK = 0;
/** Findings at or above the `--fail-on` severity. */
export const EXIT_FINDINGS = 1;
/** Bad arguments, a bad `.phi-guard.json`, a missing path, or an internal error. */
export const EXIT_USAGE = 2;
