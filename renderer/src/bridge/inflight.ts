// Counts the calls to the engine still waiting for an answer, so that closing the window can wait
// until what the person did has reached the file (see app/close-guard.ts).
import type { PlanDeskBridge } from '../../../shared/ipc';

export interface CountingBridge extends PlanDeskBridge {
  /** Calls sent and not yet answered (or failed). */
  inflight(): number;
}

export function countInflight(inner: PlanDeskBridge): CountingBridge {
  let n = 0;
  const track = async <T>(call: () => Promise<T>): Promise<T> => {
    n++;
    try {
      return await call();
    } finally {
      n--;
    }
  };
  return {
    ...inner,
    invoke: (name, args) => track(() => inner.invoke(name, args)),
    fileAction: (action, arg, target) => track(() => inner.fileAction(action, arg, target)),
    upload: (name, bytes) => track(() => inner.upload(name, bytes)),
    inflight: () => n,
  };
}
