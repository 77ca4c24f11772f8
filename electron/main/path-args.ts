// File paths inside command arguments (compare with another file, export a comparison, create next
// year's plan) are chosen here, in native dialogs — never taken from the renderer. A path a dialog
// returned is remembered, so the renderer may send it back later (export the comparison it just
// made with that file); any other path it sends is replaced by a dialog's answer.
import { dialog, type BrowserWindow } from 'electron';
import { historyPathArgs, type HostPathArg } from '../../shared/commands/history';
import { transferPathArgs } from '../../shared/commands/transfer';
import { t } from '../../shared/i18n';

const FILTERS = {
  plandesk: [{ name: 'PlanDesk', extensions: ['plandesk'] }],
  xlsx: [{ name: 'Excel', extensions: ['xlsx'] }],
  spreadsheet: [{ name: 'Excel, LibreOffice', extensions: ['xlsx', 'xlsm', 'xls', 'ods'] }],
};

const PATH_ARGS: Record<string, HostPathArg> = { ...historyPathArgs, ...transferPathArgs };

const approved = new Set<string>();

export type PathArgsResult = { ok: true; args: unknown } | { ok: false; error: { code: string } };

/** Fill the path slots of a command's arguments from dialogs (or approved earlier ones). */
export async function choosePathArgs(win: BrowserWindow | null, name: string, args: unknown): Promise<PathArgsResult> {
  const spec = PATH_ARGS[name];
  if (!spec || typeof args !== 'object' || args === null) return { ok: true, args };
  let out = args as Record<string, unknown>;
  for (const slot of spec.slots(out)) {
    if (slot.dialog === 'open' && approved.has(slot.current)) continue;
    if (!win) return { ok: false, error: { code: 'error.canceled' } };
    let chosen: string | undefined;
    if (slot.dialog === 'open') {
      const r = await dialog.showOpenDialog(win, { filters: FILTERS[slot.filter], properties: ['openFile'] });
      chosen = r.canceled ? undefined : r.filePaths[0];
    } else {
      // The renderer may suggest a name (e.g. the plan's): the person still confirms it here.
      const r = await dialog.showSaveDialog(win, { filters: FILTERS[slot.filter], title: t('vi', 'app.name'), defaultPath: slot.current || undefined });
      chosen = r.canceled ? undefined : r.filePath;
    }
    if (!chosen) return { ok: false, error: { code: 'error.canceled' } };
    approved.add(chosen);
    out = spec.fill(out, slot.slot, chosen);
  }
  return { ok: true, args: out };
}
