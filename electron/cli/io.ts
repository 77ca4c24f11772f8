// What a CLI command writes to: stdout/stderr as plain functions (tests capture them), and the
// language it speaks (Vietnamese unless --lang en or PLANDESK_LANG=en says otherwise).
import type { Lang } from '../../shared/i18n';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Language of messages and reports (default 'vi'). */
  lang?: Lang;
  /** Folder of the spreadsheet worker bundles (default: dist/electron, see workers.ts). */
  workerDir?: string;
}

/**
 * Exit codes of the `plandesk` command (the contract in README): 0 done (also `--help`, and output
 * cut short by a closed pipe, as `| head` does); 1 a file could not be read, was refused or could
 * not be written; 2 bad arguments (unknown command or option, a missing or bad value); 3 `check
 * --strict` found errors.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, strictErrors: 3 } as const;

/** The language a command speaks. */
export function langOf(io: CliIO): Lang {
  return io.lang ?? 'vi';
}
