// Which file paths a command may use, in Electron: each path slot of a command's arguments is filled
// by main's dialog (the person's choice, for this command only) — the renderer never names a path.
// The one exception is a follow-up: the comparison just made with a chosen file may be exported
// once without choosing that file again. A grant is for one command, one slot and one path, and is
// used up by that one use (given back if the person cancels the use's own dialog); a new comparison
// drops the previous one's. A path is never "approved"
// for the session: a renderer that replays a path, or sends a path chosen for another command (an
// export's target as an import's source, ...), gets a dialog, never its path.
// Pure (no Electron) so path-grants.test.ts drives it under Node; path-args.ts gives it the dialogs.
import path from 'node:path';
import type { HostPathArg, HostPathSlot } from '../../shared/commands/history';

/**
 * Commands whose chosen files a later command may use once: those commands, by slot name. A command
 * that follows itself (a disbursement report read again as of another date, in the import dialog)
 * keeps its follow-ups with each read of the same file; the import that ends it drops the re-read.
 */
const FOLLOW_UP: Record<string, readonly string[]> = {
  'history/compare': ['history/exportCompare'],
  'allocio/read': ['allocio/import'],
  'execution/read': ['execution/read', 'execution/import'],
};

export type PathArgsResult = { ok: true; args: unknown } | { ok: false; error: { code: string } };

/** Shows the dialog for one slot; undefined when the person cancels it (or there is no window). A `pick` slot's dialog gives a list. */
export type AskPath = (slot: HostPathSlot) => Promise<string | string[] | undefined>;

/**
 * The open dialog's properties for a slot. Several files, or one folder: Windows and Linux cannot
 * show one dialog for both (asked for both, they show a folder picker only), so the window asks for
 * one or the other.
 */
export function openDialogProperties(slot: HostPathSlot): ('openFile' | 'openDirectory' | 'multiSelections')[] {
  if (slot.pick === 'folder') return ['openDirectory'];
  if (slot.pick === 'files') return ['openFile', 'multiSelections'];
  return ['openFile'];
}

/** A grant as taken for one use: given back if that use does not happen. */
export interface TakenGrant {
  key: string;
  path: string;
  generation: number;
}

export class PathGrants {
  /** `${command}\0${slot}` → the one path that command may use there, once. */
  private readonly pending = new Map<string, string>();
  /** Counts new comparisons: a grant taken before one is not given back after it. */
  private generation = 0;

  /** A dialog chose `file` for `slot` of `command`: its follow-up (if any) may use it once. */
  chosen(command: string, slot: string, file: string): void {
    for (const next of FOLLOW_UP[command] ?? []) this.pending.set(key(next, slot), path.resolve(file));
  }

  /** The grant for this command's slot and path, taken (gone for any other use); null when there is none. */
  take(command: string, slot: string, file: string): TakenGrant | null {
    const k = key(command, slot);
    const granted = this.pending.get(k);
    if (!file || granted === undefined || granted !== path.resolve(file)) return null;
    this.pending.delete(k);
    // The follow-up that ends a self-following command's run (the import after its reads) drops the re-read too.
    for (const [source, nexts] of Object.entries(FOLLOW_UP)) {
      if (source !== command && nexts.includes(source) && nexts.includes(command)) this.pending.delete(key(source, slot));
    }
    return { key: k, path: granted, generation: this.generation };
  }

  /** Grants taken for a use that then did not happen (the person canceled its next dialog). */
  giveBack(taken: TakenGrant[]): void {
    for (const g of taken) if (g.generation === this.generation && !this.pending.has(g.key)) this.pending.set(g.key, g.path);
  }

  /** A command starts again (a new comparison): the grants its previous run left are dropped. */
  restart(command: string): void {
    const nexts = FOLLOW_UP[command]?.filter((n) => n !== command);
    if (!nexts?.length) return;
    this.generation++;
    for (const next of nexts) for (const k of [...this.pending.keys()]) if (k.startsWith(key(next, ''))) this.pending.delete(k);
  }
}

const key = (command: string, slot: string) => `${command}\0${slot}`;

/**
 * A command's arguments with every path slot filled: from a grant for exactly this use, otherwise
 * from the dialog (whatever path the renderer sent is then only the dialog's suggestion, or dropped).
 */
export async function fillPathArgs(spec: HostPathArg | undefined, name: string, args: unknown, grants: PathGrants, ask: AskPath): Promise<PathArgsResult> {
  if (!spec || typeof args !== 'object' || args === null) return { ok: true, args };
  grants.restart(name);
  let out = args as Record<string, unknown>;
  const opened: [string, string][] = [];
  const taken: TakenGrant[] = [];
  for (const slot of spec.slots(out)) {
    const grant = slot.dialog === 'open' ? grants.take(name, slot.slot, slot.current) : null;
    if (grant) {
      taken.push(grant);
      // A read again from its own grant leaves its follow-ups again (no-op for a command without any).
      opened.push([slot.slot, grant.path]);
      continue;
    }
    const chosen = await ask(slot);
    if (!chosen || (Array.isArray(chosen) && !chosen.length)) {
      // Canceled: nothing was used, so the grants taken for this use still stand.
      grants.giveBack(taken);
      return { ok: false, error: { code: 'error.canceled' } };
    }
    if (Array.isArray(chosen)) {
      // Several paths for one slot (a pick): no follow-up grant is made from a list.
      out = spec.fillMany ? spec.fillMany(out, slot.slot, chosen) : spec.fill(out, slot.slot, chosen[0]);
      continue;
    }
    if (slot.dialog === 'open') opened.push([slot.slot, chosen]);
    out = spec.fill(out, slot.slot, chosen);
  }
  // Only a command that got all its paths leaves a follow-up (not one the person canceled halfway).
  for (const [slot, file] of opened) grants.chosen(name, slot, file);
  return { ok: true, args: out };
}
