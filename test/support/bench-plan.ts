// A deterministic generator of large, realistic plans for benchmarks and tests: projects →
// sub-projects → communes → activities, like the 2021-2025 program spread over a province's
// communes. Leaf lines carry entered amounts in the columns their capital types allow, parents and
// many leaves state their totals (as documents do), and — unless turned off — a sprinkling of the
// mistakes the rules look for, so a benchmark exercises findings, not just silence.
import { defaultColumns } from '../../shared/columns';
import type { Amount, CapitalType, CycleData, Line } from '../../shared/model';
import { DEFAULT_RULES } from '../../shared/model';

export interface GenerateOptions {
  /** Plant rule violations (mismatched stated totals, negatives, wrong capital, blank names…). Default true. */
  anomalies?: boolean;
}

const MILLION = 1_000_000;
const BOTH: CapitalType[] = ['investment', 'recurrent'];
const REC: CapitalType[] = ['recurrent'];
/** Leaf columns of the default tree, in the order of the sums kept below. */
const KEYS = ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other'] as const;

const COMMUNES = ['Quảng Sơn', 'Đắk Ha', 'Quảng Khê', 'Đắk Som', 'Đắk R’Măng', 'Quảng Hòa', 'Đắk Plao', 'Quảng Tân',
  'Đắk Buk So', 'Đắk Ngo', 'Quảng Trực', 'Nam Dong', 'Ea Pô', 'Trúc Sơn', 'Đắk Wil', 'Cư Knia', 'Tâm Thắng', 'Nâm N’Jang'];
const ACTIVITIES = ['Hỗ trợ phát triển sản xuất', 'Xây dựng đường giao thông nông thôn', 'Đào tạo nghề cho lao động nông thôn',
  'Hỗ trợ nhà ở hộ nghèo', 'Truyền thông về giảm nghèo', 'Nâng cao năng lực cán bộ cơ sở', 'Cải thiện dinh dưỡng trẻ em',
  'Sửa chữa, duy tu công trình hạ tầng', 'Hỗ trợ việc làm bền vững', 'Giám sát, đánh giá thực hiện'];

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan of exactly `lineCount` lines (≥ 1), the same for the same (lineCount, seed, options).
 * Amounts are integer đồng in multiples of 0,1 triệu; the display unit is triệu đồng.
 */
export function generatePlan(lineCount: number, seed = 1, options: GenerateOptions = {}): CycleData {
  const n = Math.max(1, Math.floor(lineCount));
  const anomalies = options.anomalies ?? true;
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => anomalies && rnd() < p;
  /** A random amount in [lo, hi] triệu, to 0,1 triệu. */
  const money = (lo: number, hi: number) => int(lo * 10, hi * 10) * (MILLION / 10);

  const lines: Line[] = [];
  const amounts: Amount[] = [];
  const put = (lineId: number, column: string, value: number) => amounts.push({ lineId, column, value });
  const addLine = (parentId: number | null, position: number, code: string, name: string, capital: CapitalType[] | null): Line => {
    const line: Line = { id: lines.length + 1, parentId, position, code, name, agency: '', note: '', allowedCapital: capital, isAdjustment: false };
    lines.push(line);
    return line;
  };
  /** State a line's totals the way a document does: Tổng cộng, NSTW, NSĐP. */
  const stateTotals = (id: number, s: number[], all: boolean) => {
    let total = s[0] + s[1] + s[2] + s[3] + s[4];
    if (chance(0.004)) total += money(1, 50) * (rnd() < 0.5 ? -1 : 1); // a SUM typed over
    put(id, 'total', total);
    if (all) {
      put(id, 'central', s[0] + s[1]);
      put(id, 'local', s[2] + s[3]);
    }
  };

  // Skeleton: projects and their sub-projects; the rest of the lines go to communes below them.
  const nProjects = Math.min(n, Math.max(3, Math.min(12, Math.round(n / 8000))));
  const subCounts: number[] = [];
  let skeleton = nProjects;
  for (let p = 0; p < nProjects; p++) {
    const subs = Math.min(n - skeleton, p % 4 === 0 ? int(2, 3) : int(0, 3));
    subCounts.push(subs);
    skeleton += subs;
  }
  const containers = subCounts.reduce((s, k) => s + (k || 1), 0);
  // Share the remaining lines among containers with random weights (largest remainder: exact total).
  const rest = n - skeleton;
  const weights = Array.from({ length: containers }, () => 0.5 + rnd());
  const wsum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((rest * w) / wsum));
  for (let i = 0, left = rest - shares.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % containers, left--) shares[i]++;
  let nextShare = 0;

  /** Entered amounts of one leaf line; returns its sums per leaf column. */
  const leafAmounts = (id: number, capital: CapitalType[]): number[] => {
    const s = [0, 0, 0, 0, 0];
    s[1] = money(20, 3000);
    // Counterpart 10–15% of central, as QĐ 02/2022 asks; now and then a line well short of it.
    const share = chance(0.002) ? 0.03 + rnd() * 0.05 : 0.1 + rnd() * 0.05;
    s[3] = Math.round((s[1] * share) / 100_000) * 100_000;
    if (capital.includes('investment') && rnd() < 0.5) {
      s[0] = money(100, 8000);
      s[2] = Math.round((s[0] * (0.1 + rnd() * 0.03)) / 100_000) * 100_000;
    }
    if (rnd() < 0.03) s[4] = money(10, 500);
    if (chance(0.001)) s[1] = -money(1, 100); // a reduction typed on an ordinary line
    if (!capital.includes('investment') && chance(0.001)) s[0] = money(10, 500); // ĐTPT where only SN may go
    s.forEach((v, i) => { if (v !== 0) put(id, KEYS[i], v); });
    return s;
  };
  const add = (into: number[], s: number[]) => { for (let i = 0; i < 5; i++) into[i] += s[i]; };

  /** Communes (and their activities) of one container, using exactly `budget` lines. */
  const fill = (parent: Line, budget: number, capital: CapitalType[]): number[] => {
    const sums = [0, 0, 0, 0, 0];
    let position = 0;
    while (budget > 0) {
      const activities = Math.min(budget - 1, rnd() < 0.4 ? int(1, 6) : 0);
      const k = position + 1;
      const code = chance(0.0005) && position > 0 ? `${parent.code}.${k - 1}` : `${parent.code}.${k}`; // duplicate
      const name = chance(0.0005) ? '' : `Xã ${COMMUNES[int(0, COMMUNES.length - 1)]} (${k})`;
      const commune = addLine(parent.id, position++, code, name, null);
      budget -= 1 + activities;
      let s: number[];
      if (activities === 0) {
        s = leafAmounts(commune.id, capital);
        if (rnd() < 0.5) stateTotals(commune.id, s, false);
      } else if (chance(0.002)) {
        // Stated for the commune, not yet split between its activities.
        for (let a = 0; a < activities; a++) addLine(commune.id, a, '-', ACTIVITIES[int(0, ACTIVITIES.length - 1)], null);
        s = [0, money(50, 2000), 0, 0, 0];
        s[3] = Math.round(s[1] / 10 / 100_000) * 100_000 + 100_000;
        s.forEach((v, i) => { if (v !== 0) put(commune.id, KEYS[i], v); });
      } else {
        s = [0, 0, 0, 0, 0];
        for (let a = 0; a < activities; a++) {
          const act = addLine(commune.id, a, '-', ACTIVITIES[int(0, ACTIVITIES.length - 1)], null);
          add(s, leafAmounts(act.id, capital));
        }
        stateTotals(commune.id, s, false);
      }
      add(sums, s);
    }
    return sums;
  };

  for (let p = 0; p < nProjects; p++) {
    const capital = p % 4 === 0 ? BOTH : REC;
    const code = String(p + 1);
    const project = addLine(null, p, code, `Dự án ${code}: ${ACTIVITIES[p % ACTIVITIES.length]}`, capital);
    const sums = [0, 0, 0, 0, 0];
    if (subCounts[p] === 0) {
      add(sums, fill(project, shares[nextShare++], capital));
    } else {
      for (let s = 0; s < subCounts[p]; s++) {
        const subCode = `${code}.${s + 1}`;
        const subCapital = capital === BOTH && s > 0 && rnd() < 0.5 ? REC : capital;
        const sub = addLine(project.id, s, subCode, `Tiểu dự án ${s + 1}: ${ACTIVITIES[(p + s) % ACTIVITIES.length]}`, subCapital);
        const subSums = fill(sub, shares[nextShare++], subCapital);
        stateTotals(sub.id, subSums, true);
        add(sums, subSums);
      }
    }
    stateTotals(project.id, sums, true);
  }

  return {
    meta: {
      program: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững (dữ liệu thử)',
      year: 2024, issuer: 'Ủy ban nhân dân tỉnh (thử)', place: 'Tỉnh thử', docNumber: `BENCH-${seed}`,
      docDate: '2024-02-29', docKind: 'Kế hoạch', unit: 'trieu', numberLocale: 'vi-VN',
      signature: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', signer: '', preparedBy: '' },
    },
    columns: defaultColumns(),
    lines,
    amounts,
    rules: { ...DEFAULT_RULES },
  };
}
