// Browser mode's bridge: the same PlanDeskBridge interface as Electron's preload, over loopback
// HTTP to the engine process, authenticated by the per-run token from the page's URL.
import type { BridgeError, CommandArgs, CommandName, CommandResults, FileActionResult, HostEvent, PlanDeskBridge } from '../../../shared/ipc';
import { BridgeFailure } from './failure';

export function createHttpBridge(token: string): PlanDeskBridge {
  const listeners = new Set<(e: HostEvent) => void>();
  const post = async (route: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: BridgeError; file?: unknown }> => {
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const res = await fetch(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PlanDesk-Token': token },
      body: bytes,
      // An edit sent as the tab closes still reaches the engine (browsers cap such bodies at 64 KB).
      keepalive: bytes.length < 60_000,
    });
    if (!res.ok) throw new BridgeFailure({ code: 'error.internal', params: { detail: `HTTP ${res.status}` } });
    return res.json();
  };
  return {
    mode: 'browser',
    async invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]> {
      const out = await post('/api/invoke', { name, args });
      if (!out.ok) throw new BridgeFailure(out.error!);
      return out.value as CommandResults[K];
    },
    async fileAction(action, arg, target) {
      const out = (await post('/api/file', { action, arg, target })) as FileActionResult;
      if (out.ok && out.file) for (const l of listeners) l({ type: 'file-changed', file: out.file });
      return out;
    },
    async upload(name, bytes) {
      // Raw bytes, not JSON: a 100 MB spreadsheet would triple in size as JSON.
      const res = await fetch('/api/upload', {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-PlanDesk-Token': token, 'X-PlanDesk-Name': encodeURIComponent(name) },
        body: bytes,
      });
      // A refusal (413 too big, 503 busy) comes as JSON with its own message.
      if (!res.ok && !(res.headers.get('Content-Type') ?? '').startsWith('application/json')) {
        return { ok: false, error: { code: 'error.internal', params: { detail: `HTTP ${res.status}` } } };
      }
      return res.json();
    },
    async recentFiles() {
      const out = (await post('/api/file', { action: 'recent' })) as { ok: boolean; recent?: unknown };
      return out.ok && Array.isArray(out.recent) ? out.recent.filter((f): f is string => typeof f === 'string') : [];
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
