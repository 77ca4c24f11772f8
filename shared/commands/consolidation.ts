// Commands of consolidation (issue 16): collect the files the units send back, check each against
// what the unit was given, and merge the detail of those that match (or that the officer accepts)
// as ONE undo step, the plan backed up first; the board of every unit's status. The types live here
// so the window, the engine and the CLI share them.
import { z } from 'zod';
import type { Patch } from '../protocol';
import type { Dong } from '../model';
import type { FileStatus, UnitStatus } from '../consolidation/model';
import type { HostPathArg } from './history';

/** Why a file was refused or held, as a dictionary key (consolidation.reason.*) with its parameters. */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

export interface BoardDifference {
  /** The plan line's code (and its id, for the window to go to it). */
  line: string;
  lineId: number;
  column: string;
  /** The unit's share (what it was given). */
  expected: Dong;
  /** The unit's figure (its detail's sum where it has detail, else the line's figure in its file). */
  actual: Dong;
}

export interface BoardUnit {
  unitId: number;
  name: string;
  status: UnitStatus;
  /** The file (name only) the status comes from: this run's, else the one merged before; null when none. */
  file: string | null;
  /** When that file was merged (ISO), null when it was not (held, refused, missing). */
  received: string | null;
  /** The unit's shares and its figures per leaf column key. */
  allocated: Record<string, Dong>;
  reported: Record<string, Dong>;
  differences: BoardDifference[];
  /** How many detail lines are merged for the unit. */
  detailLines: number;
  /** Why its file was refused, when status is "refused". */
  reason: Reason | null;
}

export interface FileOutcome {
  /** The path as given. */
  file: string;
  status: FileStatus;
  /** The unit it was recognised as (its name), or null. */
  unit: string | null;
  kind: 'plan' | 'execution' | null;
  /** Why it was refused or held; null when merged. */
  reason: Reason | null;
}

export interface Board {
  units: BoardUnit[];
  /** Leaf funding-column keys the figures are given on, in display order. */
  columns: string[];
}

export interface DetailRow {
  seq: number;
  parentSeq: number | null;
  /** The plan line it refines: code and name. */
  line: string;
  lineId: number;
  code: string;
  name: string;
  values: Record<string, Dong>;
}

export interface ConsolidationJobStatus {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0..1 of the files read. */
  fraction: number;
  /** When done: what consolidation/run returns. */
  result?: ConsolidationResults['consolidation/run'];
  /** When failed: the refusal. */
  error?: { code: string; params: Record<string, string | number> };
}

// Files and folders to collect; empty when the files came as bytes (`batch`, dropped on the board).
const paths = z.array(z.string().min(1).max(4096)).max(20000).default([]);
/** Electron's dialog for the paths: several files (default) or a folder. */
const pick = z.enum(['files', 'folder']).optional();
/** Files dropped on the board, staged one by one (consolidation/stage): collected with the paths. */
const batch = z.string().min(1).max(100).optional();

export const consolidationArgs = {
  /**
   * Collect files and folders: recognise, check and merge. A unit whose figures differ from its
   * shares is held unless `acceptMismatch`; `dryRun` reads and checks without writing.
   */
  'consolidation/run': z.object({ paths, pick, batch, acceptMismatch: z.boolean().default(false), dryRun: z.boolean().default(false) }).strict(),
  /** The same as consolidation/run, as a job the window follows (progress) and may cancel. */
  'consolidation/start': z.object({ paths, pick, batch, acceptMismatch: z.boolean().default(false), dryRun: z.boolean().default(false) }).strict(),
  /**
   * One dropped file's bytes (bridge.upload's id) kept for a collect: written to the batch's folder
   * (a new batch when none is given) under the file's own name.
   */
  'consolidation/stage': z.object({ upload: z.string().min(1).max(100), batch }).strict(),
  'consolidation/status': z.object({ job: z.string().min(1).max(100) }).strict(),
  /** Cancel a job still reading (nothing is merged); false when it had already finished. */
  'consolidation/cancel': z.object({ job: z.string().min(1).max(100) }).strict(),
  /** The board as the plan holds it (the merged details against the shares; units without detail: missing). */
  'consolidation/board': z.object({}).strict(),
  /** The merged units' figures per plan line in one leaf column (the consolidated annex by unit). */
  'consolidation/figures': z.object({ column: z.string().min(1).max(64) }).strict(),
  /** One unit's merged detail lines. */
  'consolidation/detail': z.object({ unitId: z.number().int() }).strict(),
  /** Remove one unit's merged detail (one undo step). */
  'consolidation/remove': z.object({ unitId: z.number().int() }).strict(),
  /** Write the board to an xlsx file (through the one write check). */
  'consolidation/exportBoard': z.object({ path: z.string().min(1).max(4096) }).strict(),
};

export interface ConsolidationResults {
  'consolidation/run': Patch & { board: Board; files: FileOutcome[]; merged: number };
  'consolidation/start': { job: string };
  'consolidation/status': ConsolidationJobStatus;
  'consolidation/cancel': { cancelled: boolean };
  'consolidation/board': Board;
  'consolidation/stage': { batch: string; files: number };
  'consolidation/figures': { units: { unitId: number; lines: Record<string, Dong> }[] };
  'consolidation/detail': { unitId: number; name: string; file: string | null; received: string | null; rows: DetailRow[] };
  'consolidation/remove': Patch;
  'consolidation/exportBoard': { path: string };
}

/**
 * Paths Electron's main process picks in its own dialog (electron/main/path-args.ts): a unit's file
 * to collect (several files or a folder per pick; browser mode and the CLI give any files and folders), the board's xlsx.
 */
const unitFiles: HostPathArg = {
  // Dropped files come as bytes (a batch): no dialog then.
  slots: (a) =>
    typeof a.batch === 'string'
      ? []
      : [{ slot: 'paths', dialog: 'open', filter: 'spreadsheet', pick: a.pick === 'folder' ? 'folder' : 'files', current: Array.isArray(a.paths) && typeof a.paths[0] === 'string' ? a.paths[0] : '' }],
  fill: (a, _slot, chosen) => ({ ...a, paths: [chosen] }),
  fillMany: (a, _slot, chosen) => ({ ...a, paths: chosen }),
};

export const consolidationPathArgs: Record<string, HostPathArg> = {
  'consolidation/run': unitFiles,
  'consolidation/start': unitFiles,
  'consolidation/exportBoard': {
    slots: (a) => [{ slot: 'path', dialog: 'save', filter: 'xlsx', current: typeof a.path === 'string' ? a.path : '' }],
    fill: (a, _slot, chosen) => ({ ...a, path: chosen }),
  },
};
