// The feature areas' command handlers, merged. An area adds a module here exporting a map of
// handlers for the commands it declared in shared/commands/, and one line to the merge below.
import type { AreaCommandResults } from '../../../shared/commands';
import type { HandlerMap } from '../context';
import { editingHandlers } from './editing';
import { historyHandlers } from './history';
import { totalsHandlers } from './totals';
import { transferHandlers } from './transfer';

export type AreaHandlers = HandlerMap<keyof AreaCommandResults>;

export const areaHandlers: AreaHandlers = {
  ...editingHandlers,
  ...historyHandlers,
  ...transferHandlers,
  ...totalsHandlers,
};
