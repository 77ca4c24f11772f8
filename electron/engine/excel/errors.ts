// The refusal of an import or export: a dictionary key (shared/i18n/excel.ts) and its parameters.
// It extends the engine's PlanDeskError so the CLI, IPC and worker bridges report it the same way.
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import { PlanDeskError, type ErrorArgs } from '../errors';

export class ImportError<K extends ExcelMessageKey = ExcelMessageKey> extends PlanDeskError<K> {
  constructor(code: K, ...args: ErrorArgs<K>) {
    super(code, ...args);
    this.name = 'ImportError';
  }

  /** A refusal the import worker reported: its key is ours, read back as sent. */
  static override received(code: string, params: Record<string, string | number> = {}): ImportError {
    return Reflect.construct(ImportError, [code, params]) as ImportError;
  }
}

/** Throw the standard "cancelled" refusal when the caller aborted. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportError('excel.error.cancelled');
}
