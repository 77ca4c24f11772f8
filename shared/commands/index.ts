// Commands of the feature areas, merged into the one typed contract in shared/ipc.ts.
// An area adds a file here exporting `xxxArgs` (zod schemas) and an `XxxResults` interface, and
// one line to each of the two merges below.
import { allocIoArgs, type AllocIoResults } from './alloc-io';
import { columnsArgs, type ColumnsResults } from './columns';
import { consolidationArgs, type ConsolidationResults } from './consolidation';
import { editingArgs, type EditingResults } from './editing';
import { executionArgs, type ExecutionResults } from './execution';
import { execReportArgs, type ExecReportResults } from './execution-report';
import { historyArgs, type HistoryResults } from './history';
import { templatesArgs, type TemplatesResults } from './templates';
import { totalsArgs, type TotalsResults } from './totals';
import { transferArgs, type TransferResults } from './transfer';
import { unitsArgs, type UnitsResults } from './units';

export const areaCommandArgs = {
  ...editingArgs,
  ...executionArgs,
  ...execReportArgs,
  ...historyArgs,
  ...transferArgs,
  ...totalsArgs,
  ...columnsArgs,
  ...allocIoArgs,
  ...templatesArgs,
  ...unitsArgs,
  ...consolidationArgs,
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AreaCommandResults extends EditingResults, ExecutionResults, ExecReportResults, HistoryResults, TransferResults, TotalsResults, ColumnsResults, AllocIoResults, TemplatesResults, UnitsResults, ConsolidationResults {}
