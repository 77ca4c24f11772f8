// What a CLI command writes to: stdout/stderr as plain functions (tests capture them).
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes of the `plandesk` command (the contract in README). */
export const EXIT = { ok: 0, failed: 1, usage: 2, strictErrors: 3 } as const;
