// Errors the engine reports to people: a dictionary key and its parameters, never a stack trace.
// Everything that crosses a bridge (IPC, loopback, CLI) is turned into one of these.
// The key and its parameters are typed like `t`'s (a key not in the dictionary, or a missing
// parameter, does not compile); `received` rebuilds one that crossed a bridge from our own side.
import type { MessageArgs, MessageKey } from '../../shared/i18n';
import type { BridgeError } from '../../shared/ipc';

/** What follows the key: its parameters (none when its text takes none), then options. */
export type ErrorArgs<K extends MessageKey> = [...MessageArgs<K>, options?: { cause?: unknown }];

export class PlanDeskError<K extends MessageKey = MessageKey> extends Error {
  readonly params: Record<string, string | number>;

  constructor(
    readonly code: K,
    ...args: ErrorArgs<K>
  ) {
    const params = (args[0] ?? {}) as Record<string, string | number>;
    super(`${code} ${JSON.stringify(params)}`, args[1]);
    this.name = 'PlanDeskError';
    this.params = params;
  }

  /** An error another process of ours reported (the import worker): its key is ours, read back as sent. */
  static received(code: string, params: Record<string, string | number> = {}): PlanDeskError {
    // Unchecked on purpose: the key was checked where it was thrown, before it became a string.
    return Reflect.construct(PlanDeskError, [code, params]) as PlanDeskError;
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
