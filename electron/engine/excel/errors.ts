// The refusal of an import or export: a dictionary key (shared/i18n/excel.ts) and its parameters.
// It extends the engine's PlanDeskError so the CLI, IPC and worker bridges report it the same way.
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import { PlanDeskError } from '../errors';

export class ImportError extends PlanDeskError {
  constructor(
    override readonly code: ExcelMessageKey,
    override readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(code, params, options);
    this.name = 'ImportError';
  }
}

/** Throw the standard "cancelled" refusal when the caller aborted. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportError('excel.error.cancelled');
}
