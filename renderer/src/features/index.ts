// The feature areas mounted in the main window, in menu order. An area adds one line here.
import { columnsFeature } from './columns';
import { consolidationFeature } from './consolidation';
import { editingFeature } from './editing';
import { executionFeature } from './execution';
import { executionImportFeature } from './execution-import';
import { printFeature } from './print';
import { findingsFeature } from './findings';
import { backupFeature } from './backup';
import { historyFeature } from './history';
import { planFeature } from './plan';
import { templatesFeature } from './templates';
import { transferFeature } from './transfer';
import { unitsFeature } from './units';
import { allocImportFeature } from './units/import-allocation';
import type { Feature } from './types';

export const FEATURES: Feature[] = [planFeature, columnsFeature, templatesFeature, editingFeature, transferFeature, printFeature, findingsFeature, backupFeature, historyFeature, unitsFeature, allocImportFeature, consolidationFeature, executionFeature, executionImportFeature];
