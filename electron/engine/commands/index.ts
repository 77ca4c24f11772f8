// The command handlers, merged: the core's (core.ts) and the feature areas'. An area adds a module here exporting a map of
// handlers for the commands it declared in shared/commands/, and one line to the merge below.
import type { AreaCommandResults } from '../../../shared/commands';
import type { CommandName } from '../../../shared/ipc';
import type { HandlerMap } from '../context';
import { allocIoHandlers } from './alloc-io';
import { columnsHandlers } from './columns';
import { consolidationHandlers } from './consolidation';
import { coreHandlers } from './core';
import { editingHandlers } from './editing';
import { executionHandlers } from './execution';
import { execReportHandlers } from './execution-report';
import { historyHandlers } from './history';
import { templatesHandlers } from './templates';
import { totalsHandlers } from './totals';
import { transferHandlers } from './transfer';
import { unitsHandlers } from './units';

export type AreaHandlers = HandlerMap<keyof AreaCommandResults>;

export const areaHandlers: AreaHandlers = {
  ...editingHandlers,
  ...executionHandlers,
  ...execReportHandlers,
  ...historyHandlers,
  ...transferHandlers,
  ...totalsHandlers,
  ...columnsHandlers,
  ...allocIoHandlers,
  ...templatesHandlers,
  ...unitsHandlers,
  ...consolidationHandlers,
};

/** Every command's handler, the core's and the areas': the session looks a command up here. */
export const commandHandlers: HandlerMap<CommandName> = { ...coreHandlers, ...areaHandlers };
