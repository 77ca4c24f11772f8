// Picks the bridge to the engine: Electron's preload (window.plandesk) or browser mode's HTTP.
import type { PlanDeskBridge } from '../../../shared/ipc';
import { BridgeFailure } from './failure';
import { createHttpBridge } from './http-bridge';
import { countInflight, type CountingBridge } from './inflight';

declare global {
  interface Window {
    plandesk?: PlanDeskBridge;
  }
}

export function getBridge(): CountingBridge {
  if (window.plandesk) return countInflight(wrapElectron(window.plandesk));
  const token = new URLSearchParams(window.location.search).get('t') ?? '';
  return countInflight(createHttpBridge(token));
}

/** Electron's preload returns {ok, value|error} envelopes (errors do not cross contextBridge well). */
function wrapElectron(raw: PlanDeskBridge): PlanDeskBridge {
  return {
    ...raw,
    mode: 'electron',
    async invoke(name, args) {
      const out = (await raw.invoke(name, args)) as unknown as { ok: boolean; value?: unknown; error?: { code: string } };
      if (!out.ok) throw new BridgeFailure(out.error!);
      return out.value as never;
    },
  };
}

export { BridgeFailure };
export type { CountingBridge };
