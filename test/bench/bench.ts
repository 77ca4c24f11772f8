// `npm run bench`: the speed and memory targets of every issue, measured on generated plans, printed
// as one table (with LibreOffice doing the same work, where it is installed). Figures, not tests:
// nothing here fails the build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAllocIo } from './alloc-io';
import { benchColumns } from './columns';
import { benchConsolidation, CONSOLIDATION_CHILD_FLAG, consolidationChild } from './consolidation';
import { benchCore } from './core';
import { benchEditing } from './editing';
import { benchExecution } from './execution';
import { benchExecutionPrint } from './execution-print';
import { benchExcelCases, IMPORT_CHILD_FLAG, importChild } from './excel';
import { benchPrint } from './print';
import { benchRules } from './rules';
import { benchSafety } from './safety';
import { benchTransfer } from './transfer';
import { benchUnits } from './units';
import type { BenchRow } from './report';
import { libreOffice } from './report';

type Case = { name: string; run: (report: (r: BenchRow) => void, dir: string) => Promise<void> };

const CASES: Case[] = [
  { name: 'core', run: benchCore },
  { name: 'rules', run: (r) => benchRules(r) },
  { name: 'excel', run: benchExcelCases },
  { name: 'editing', run: (r, dir) => benchEditing(r, dir) },
  { name: 'print', run: benchPrint },
  { name: 'safety', run: benchSafety },
  { name: 'transfer', run: benchTransfer },
  { name: 'units', run: (r, dir) => benchUnits(r, dir) },
  { name: 'columns', run: (r, dir) => benchColumns(r, dir) },
  { name: 'execution', run: (r, dir) => benchExecution(r, dir) },
  { name: 'allocio', run: (r, dir) => benchAllocIo(r, dir) },
  { name: 'execution-print', run: (r, dir) => benchExecutionPrint(r, dir) },
  { name: 'consolidation', run: (r, dir) => benchConsolidation(r, dir) },
];

function fmt(v: number): string {
  return v.toLocaleString('vi-VN', { maximumFractionDigits: v < 10 ? 2 : v < 100 ? 1 : 0 });
}

async function main(): Promise<void> {
  if (process.argv[2] === IMPORT_CHILD_FLAG) return importChild(process.argv[3]);
  if (process.argv[2] === CONSOLIDATION_CHILD_FLAG) return consolidationChild(process.argv[3], process.argv[4]);
  const only = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-'));
  const rows: BenchRow[] = [];
  const lo = libreOffice();
  console.log(`PlanDesk bench — ${os.cpus().length} cores, Node ${process.versions.node}, LibreOffice: ${lo ?? 'not installed'}`);
  for (const c of CASES) {
    if (only.length && !only.includes(c.name)) continue;
    try {
      await c.run((r) => {
        rows.push(r);
        const lor = r.libreoffice !== undefined ? ` | LibreOffice ${fmt(r.libreoffice)} ${r.unit} (×${fmt(r.libreoffice / Math.max(r.value, 1e-9))})` : '';
        const status = r.ok === undefined ? '' : r.ok ? ' ✓' : ' ✗';
        console.log(`${r.case.padEnd(72)} ${fmt(r.value).padStart(9)} ${r.unit.padEnd(3)} ${r.target ? `(target ${r.target})` : ''}${status}${lor}`);
      }, dir);
    } catch (e) {
      console.log(`${c.name}: failed — ${(e as Error).stack ?? e}`);
    }
  }
  const missed = rows.filter((r) => r.ok === false);
  console.log(`\n${rows.length} figures, ${rows.filter((r) => r.ok).length} targets met, ${missed.length} missed.`);
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
