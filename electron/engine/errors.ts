// Errors the engine reports to people: a dictionary key and its parameters, never a stack trace.
// Everything that crosses a bridge (IPC, loopback, CLI) is turned into one of these.
import type { BridgeError } from '../../shared/ipc';

export class PlanDeskError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'PlanDeskError';
  }

  toBridge(): BridgeError {
    return { code: this.code, params: this.params };
  }
}

/** Map any thrown value to a BridgeError (disk-full and read-only errors get their own message). */
export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof PlanDeskError) return err.toBridge();
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC' || e?.code === 'SQLITE_IOERR_WRITE') {
    return { code: 'error.disk_full' };
  }
  if (e?.code === 'SQLITE_READONLY' || e?.code === 'EROFS' || e?.code === 'EACCES' || e?.code === 'EPERM') {
    return { code: 'error.read_only' };
  }
  return { code: 'error.internal', params: { detail: String(e?.message ?? err).slice(0, 300) } };
}
