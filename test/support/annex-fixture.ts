// Generated annexes for tests and the bench: a plan of any size shaped like the real ones
// (Dự án "1" → Tiểu dự án "1.1" → activities "-"), deterministic figures in whole triệu with a few
// fractional ones, agencies and notes, written by exportAnnex. `npm run bench` reuses it.
import { ColumnTree, defaultColumns } from '../../shared/columns';
import { PlanCalc } from '../../shared/calc';
import type { Amount, CycleData, Line } from '../../shared/model';
import { DEFAULT_RULES } from '../../shared/model';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { exportAnnex } from '../../electron/engine/excel/export';

const AGENCIES = ['Sở Xây dựng', 'Sở Y tế', 'UBND huyện Đắk Glong', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Lao động - Thương binh và Xã hội'];
const LEAF_KEYS = ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other'] as const;

/** A plan with `lineCount` lines (projects of 1 + 10 sub-projects × 9 activities). */
export function annexFixturePlan(lineCount: number, seed = 1): CycleData {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const lines: Line[] = [];
  const amounts: Amount[] = [];
  const add = (parentId: number | null, position: number, code: string, name: string, leaf: boolean) => {
    const id = lines.length + 1;
    lines.push({ id, parentId, position, code, name, agency: leaf ? AGENCIES[id % AGENCIES.length] : '', note: leaf && id % 7 === 0 ? 'Ghi chú dòng ' + id : '', allowedCapital: null, isAdjustment: false });
    if (leaf) {
      for (const k of LEAF_KEYS) {
        if (k === 'other' && rnd() < 0.8) continue;
        const r = rnd();
        if (r < 0.15) continue;
        // Whole triệu mostly; some with thousands of đồng (a fractional triệu).
        const trieu = Math.floor(r * 5000);
        const extra = r < 0.2 ? Math.floor(rnd() * 1000) * 1000 : 0;
        amounts.push({ lineId: id, column: k, value: trieu * 1_000_000 + extra });
      }
    }
    return id;
  };
  let p = 0;
  while (lines.length < lineCount) {
    p++;
    const pid = add(null, p - 1, String(p), `Dự án ${p}: Hỗ trợ phát triển hạ tầng kinh tế - xã hội vùng khó khăn`, false);
    for (let sIdx = 1; sIdx <= 10 && lines.length < lineCount; sIdx++) {
      const sid = add(pid, sIdx - 1, `${p}.${sIdx}`, `Tiểu dự án ${sIdx}: Hỗ trợ sản xuất, đa dạng hóa sinh kế`, false);
      for (let a = 1; a <= 9 && lines.length < lineCount; a++) add(sid, a - 1, '-', `Hoạt động ${a} của tiểu dự án ${p}.${sIdx}: tập huấn, hỗ trợ vật tư`, true);
    }
  }
  // A trailing parent without children would be a leaf: fine either way.
  const meta = { ...sampleCycle().meta };
  return { meta, columns: defaultColumns(), lines, amounts, rules: { ...DEFAULT_RULES } };
}

/** Write a generated annex of `lineCount` lines to `path`; returns the plan it holds. */
export async function writeAnnexFixture(path: string, lineCount: number, opts: { seed?: number } = {}): Promise<CycleData> {
  const data = annexFixturePlan(lineCount, opts.seed);
  const calc = new PlanCalc(new ColumnTree(data.columns), data.lines, data.amounts);
  await exportAnnex({ meta: data.meta, columns: data.columns, calc, rules: data.rules }, path);
  return data;
}
