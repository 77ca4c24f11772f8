// import(export(plan)) gives back the same lines, codes, amounts and stated values: the sample
// plan, and random plans (fast-check) with every numbering style, units, negative figures, stated
// totals equal to or different from the computed ones, and parents "not yet allocated".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnTree, defaultColumns } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { Amount, CycleData, DisplayUnit, Line } from '../../../shared/model';
import { DEFAULT_RULES, UNIT_DONG } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
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

  const STYLES = [
    (d: number, i: number, parent: string) => [romanOf(i + 1), String(i + 1), String.fromCharCode(97 + (i % 26)), '-', '+'][d] ?? '-',
    (d: number, i: number, parent: string) => (d === 0 ? String(i + 1) : d <= 2 ? `${parent}.${i + 1}` : ['-', '+'][d - 3] ?? '+'),
  ];
  const text = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẰỐỮỸ &<>"\'/()-,.;:0123456789'.split('')), maxLength: 40 }).map((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));
  const shape: fc.Arbitrary<number[][]> = fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

  it('random plans come back with the same lines, codes, amounts and stated values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          shape,
          style: fc.integer({ min: 0, max: 1 }),
          unit: fc.constantFrom<DisplayUnit>('dong', 'nghin', 'trieu', 'ty'),
          names: fc.array(text, { minLength: 60, maxLength: 60 }),
          figures: fc.array(fc.option(fc.integer({ min: -5e11, max: 5e12 }), { nil: undefined, freq: 2 }), { minLength: 400, maxLength: 400 }),
          stated: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 200, maxLength: 200 }),
          program: text,
        }),
        async (g) => {
          const plan = randomPlan(g);
          expectSame(await roundTrip(plan), plan);
        },
      ),
      { numRuns: Number(process.env.PLANDESK_FC_RUNS ?? 60) },
    );
  }, 120_000);

  /** Build a plan from the generated shape: DFS ids, codes in one numbering style. */
  function randomPlan(g: { shape: number[][]; style: number; unit: DisplayUnit; names: string[]; figures: (number | undefined)[]; stated: number[]; program: string }): CycleData {
    const lines: Line[] = [];
    const amounts: Amount[] = [];
    const style = STYLES[g.style];
    let fig = 0;
    let nameIdx = 0;
    const nextFigure = () => g.figures[fig++ % g.figures.length];
    const leafKeys = ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other'];
    // Each top item of the shape is a project; its numbers say how many children each level has.
    const add = (parentId: number | null, depth: number, position: number, parentCode: string, fan: number[]) => {
      const code = style(depth, position, parentCode);
      const id = lines.length + 1;
      const adjust = (nextFigure() ?? 0) < 0;
      lines.push({ id, parentId, position, code, name: g.names[nameIdx++ % g.names.length], agency: g.names[(nameIdx * 7) % g.names.length], note: '', allowedCapital: id % 3 === 0 ? ['recurrent'] : null, isAdjustment: adjust });
      const kids = depth < fan.length ? fan[depth] : 0;
      for (let k = 0; k < kids; k++) add(id, depth + 1, k, code, fan);
      if (kids === 0 || id % 5 === 0) {
        // Leaves get entries; some parents get their own (unallocated or stated) figures.
        for (const key of leafKeys) {
          const v = nextFigure();
          if (v !== undefined) amounts.push({ lineId: id, column: key, value: roundTo(v, g.unit, id) });
        }
      }
    };
    g.shape.forEach((fan, i) => add(null, 0, i, '', fan));
    const meta = { ...sampleCycle().meta, unit: g.unit, program: g.program };
    const plan: CycleData = { meta, columns: defaultColumns(), lines, amounts, rules: { ...DEFAULT_RULES, counterpartMinPercent: 15 } };
    // Stated totals: some equal to the computed value, some different.
    const calc = new PlanCalc(new ColumnTree(plan.columns), lines, amounts);
    const have = new Set(amounts.map((a) => `${a.lineId}:${a.column}`));
    let s = 0;
    for (const l of lines) {
      for (const key of ['total', 'central', 'local', ...leafKeys]) {
        const pick = g.stated[s++ % g.stated.length];
        if (!calc.isTotalPosition(l.id, key) || have.has(`${l.id}:${key}`) || pick > 1) continue;
        const computed = calc.value(l.id, key);
        amounts.push({ lineId: l.id, column: key, value: pick === 0 ? computed : computed + UNIT_DONG[g.unit] * 3 });
      }
    }
    return plan;
  }
});

function romanOf(n: number): string {
  const r: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of r) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

/** Whole units mostly, sometimes a fraction (exported as decimals, read back exactly). */
function roundTo(v: number, unit: DisplayUnit, salt: number): number {
  const u = UNIT_DONG[unit];
  return salt % 4 === 0 ? v : Math.trunc(v / u) * u;
}
