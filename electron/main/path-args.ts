// File paths inside command arguments (compare with another file, export a comparison, import,
// export, create next year's plan) are chosen here, in native dialogs — never taken from the
// renderer. Which path may be used for what, and how often, is path-grants.ts's (one operation
// each); this module only shows the dialogs.
import { dialog, type BrowserWindow } from 'electron';
import { allocIoPathArgs } from '../../shared/commands/alloc-io';
import { consolidationPathArgs } from '../../shared/commands/consolidation';
import { execReportPathArgs } from '../../shared/commands/execution-report';
import { executionPathArgs } from '../../shared/commands/execution';
import { historyPathArgs, type HostPathArg, type HostPathSlot } from '../../shared/commands/history';
import { templatesPathArgs } from '../../shared/commands/templates';
import { transferPathArgs } from '../../shared/commands/transfer';
import { t } from '../../shared/i18n';
import { fillPathArgs, openDialogProperties, PathGrants, type PathArgsResult } from './path-grants';

const FILTERS = {
  plandesk: [{ name: 'PlanDesk', extensions: ['plandesk'] }],
  xlsx: [{ name: 'Excel', extensions: ['xlsx'] }],
  spreadsheet: [{ name: 'Excel, LibreOffice', extensions: ['xlsx', 'xlsm', 'xls', 'ods'] }],
  template: [{ name: 'PlanDesk template', extensions: ['pdtemplate'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
};

const PATH_ARGS: Record<string, HostPathArg> = { ...historyPathArgs, ...transferPathArgs, ...allocIoPathArgs, ...templatesPathArgs, ...execReportPathArgs, ...consolidationPathArgs, ...executionPathArgs };

/** Each window's own grants: a comparison made in one window is followed up in that window only. */
const grantsOf = new WeakMap<BrowserWindow, PathGrants>();
const noWindow = new PathGrants();

function grantsFor(win: BrowserWindow | null): PathGrants {
  if (!win) return noWindow;
  let g = grantsOf.get(win);
  if (!g) grantsOf.set(win, (g = new PathGrants()));
  return g;
}

async function ask(win: BrowserWindow, slot: HostPathSlot): Promise<string | string[] | undefined> {
  if (slot.dialog === 'open') {
    const properties = openDialogProperties(slot);
    const r = await dialog.showOpenDialog(win, { ...(slot.pick === 'folder' ? {} : { filters: FILTERS[slot.filter] }), properties });
    if (r.canceled) return undefined;
    return slot.pick ? r.filePaths : r.filePaths[0];
  }
  // The renderer may suggest a name (e.g. the plan's): the person still confirms it here.
  const r = await dialog.showSaveDialog(win, { filters: FILTERS[slot.filter], title: t('vi', 'app.name'), defaultPath: slot.current || undefined });
  return r.canceled ? undefined : r.filePath;
}

/** Fill the path slots of a command's arguments from dialogs (or a grant for exactly this use). */
export function choosePathArgs(win: BrowserWindow | null, name: string, args: unknown): Promise<PathArgsResult> {
  return fillPathArgs(PATH_ARGS[name], name, args, grantsFor(win), async (slot) => (win ? ask(win, slot) : undefined));
}
