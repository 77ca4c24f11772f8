// The feature areas mounted in the main window, in menu order. An area adds one line here.
import { printFeature } from './print';
import { findingsFeature } from './findings';
import { backupFeature } from './backup';
import { historyFeature } from './history';
import type { Feature } from './types';

export const FEATURES: Feature[] = [printFeature, findingsFeature, backupFeature, historyFeature];
