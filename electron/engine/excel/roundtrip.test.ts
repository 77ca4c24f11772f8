// import(export(plan)) gives back the same lines, codes, amounts and stated values: the sample
// plan, and random plans (fast-check) with every numbering style, units, negative figures, stated
// totals equal to or different from the computed ones, and parents "not yet allocated".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { Amount, CycleData, Line } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { columnSeed, planSeed, randomColumns, randomPlan } from '../../../test/fixtures/excel/random-plan';
import { exportAnnex, importSpreadsheet } from './index';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-rt-'));
let n = 0;

async function roundTrip(plan: CycleData): Promise<CycleData> {
  const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
  const file = path.join(tmp, `rt-${n++}.xlsx`);
  await exportAnnex({ meta: plan.meta, columns: plan.columns, calc, rules: plan.rules }, file);
  const r = await importSpreadsheet({ path: file });
  fs.rmSync(file);
  return r.data;
}

const amountSet = (a: readonly Amount[]) => a.map((x) => `${x.lineId}:${x.column}=${x.value}`).sort();
const lineView = (l: Line) => ({ ...l });

function expectSame(back: CycleData, plan: CycleData) {
  expect(back.lines.map(lineView)).toEqual(plan.lines.map(lineView));
  expect(amountSet(back.amounts)).toEqual(amountSet(plan.amounts));
  expect(back.meta).toEqual(plan.meta);
  expect(back.columns).toEqual(plan.columns);
  expect(back.rules).toEqual(plan.rules);
}

describe('round trip', () => {
  it('the sample plan (122/KH-UBND) comes back exactly, stated totals included', async () => {
    const plan = sampleCycle();
    expectSame(await roundTrip(plan), plan);
  });

  it('a plan whose stated totals differ from the computed ones keeps them stated', async () => {
    const plan = sampleCycle();
    // Dự án 1's total typed over, and line 1.1's NSTW total wrong.
    plan.amounts.push({ lineId: 1, column: 'total', value: 200_000_000_000 });
    const l11 = plan.amounts.find((a) => a.lineId === 2 && a.column === 'central')!;
    l11.value += 5_000_000;
    expectSame(await roundTrip(plan), plan);
  });

  it('random plans come back with the same lines, codes, amounts and stated values', async () => {
    await fc.assert(
      fc.asyncProperty(
        planSeed,
        async (g) => {
          const plan = randomPlan(g);
          expectSame(await roundTrip(plan), plan);
        },
      ),
      { numRuns: Number(process.env.PLANDESK_FC_RUNS ?? 60) },
    );
  }, 120_000);

  it('random column trees (depth 1–3, 1–12 leaves, Vietnamese labels) × random plans come back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        columnSeed,
        planSeed,
        async (c, g) => {
          const plan = randomPlan(g, randomColumns(c));
          expectSame(await roundTrip(plan), plan);
        },
      ),
      { numRuns: Number(process.env.PLANDESK_FC_RUNS ?? 60) },
    );
  }, 180_000);
});
