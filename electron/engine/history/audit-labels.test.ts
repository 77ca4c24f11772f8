// The history panel's rows for units and execution (issues 14, 15): the change log stores ids
// (`unit:12:central_investment`, `date:3:…`); the panel must read "Phân bổ cho UBND huyện Tuy Đức:
// NSTW ĐTPT" with the line and the amounts in the plan's unit — also for a unit deleted since (its
// name comes from the log's own record). Real file and migrations; the renderer's formatter.
import path from 'node:path';
import type { AuditRow } from '../../../shared/commands/history';
import { t as translate, type Lang, type Translate } from '../../../shared/i18n';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { auditDelta, auditFieldLabel, auditValue } from '../../../renderer/src/features/history/format';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

const M = 1_000_000;
const tr = (lang: Lang): Translate => ((key: never, ...args: never[]) => (translate as (l: Lang, k: never, ...a: never[]) => string)(lang, key, ...args)) as Translate;

function open(): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return PlanSession.open(file);
}
const lineId = (s: PlanSession, code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;

async function rows(s: PlanSession): Promise<AuditRow[]> {
  const page = (await s.handle('history/audit', { filter: {}, offset: 0, limit: 1000 })) as { rows: AuditRow[] };
  return page.rows;
}

/** One row as the panel shows it: line, what changed, old → new (delta). */
function shown(r: AuditRow, s: PlanSession, lang: Lang): string {
  const columns = s.cycle().columns;
  const d = auditDelta(r, 'trieu', 'vi-VN').text;
  const line = [r.lineCode, r.lineName?.slice(0, 12)].filter(Boolean).join(' ');
  return `${line ? line + ' · ' : ''}${auditFieldLabel(r, columns, tr(lang), lang)} ${auditValue(r, 'old', 'trieu', 'vi-VN')} → ${auditValue(r, 'new', 'trieu', 'vi-VN')}${d ? ` (${d})` : ''}`;
}

describe('the history panel names units and execution changes', () => {
  it('labels unit, share, score, reporting-date and figure rows in vi and en, a deleted unit by its last name', async () => {
    const s = open();
    const { unitIds } = (await s.handle('units/addMany', { units: [{ name: 'UBND xã Quảng Tân', kind: 'commune' }] })) as { unitIds: number[] };
    const [u] = unitIds;
    const l11 = lineId(s, '1.1');
    await s.handle('units/setShares', { cells: [{ unitId: u, lineId: l11, column: 'central_investment', value: 500 * M }] });
    await s.handle('units/setShares', { cells: [{ unitId: u, lineId: l11, column: 'central_investment', value: 600 * M }] });
    await s.handle('units/allocateByCriteria', { lineId: l11, column: 'central_recurrent', amount: 100 * M, roundTo: M, scores: [{ unitId: u, score: 30 }], scheme: 'Hệ số xã 2026' });
    const { id: dateId } = (await s.handle('execution/addDate', { asOf: '2026-06-30', kind: 'h1', due: null, paceMinPercent: null })) as { id: number };
    await s.handle('execution/setFigures', { cells: [{ dateId, lineId: l11, column: 'central_investment', unitId: u, value: 200 * M }] });
    await s.handle('execution/setFigures', { cells: [{ dateId, lineId: l11, column: 'central_recurrent', value: 50 * M }] });

    const vi = (await rows(s)).map((r) => shown(r, s, 'vi'));
    expect(vi).toContain('1.1 Tiểu dự án 1 · Phân bổ cho UBND xã Quảng Tân: NSTW ĐTPT 500 → 600 (+100)');
    expect(vi).toContain('1.1 Tiểu dự án 1 · Phân bổ cho UBND xã Quảng Tân: NSTW ĐTPT  → 500 (+500)');
    expect(vi).toContain('Đơn vị  → UBND xã Quảng Tân');
    expect(vi).toContain('Kỳ báo cáo  → 30/06/2026');
    expect(vi).toContain('Hệ số của UBND xã Quảng Tân (Hệ số xã 2026)  → 30');
    expect(vi).toContain('1.1 Tiểu dự án 1 · Phân bổ cho UBND xã Quảng Tân: NSTW SN  → 100 (+100)');
    expect(vi).toContain('1.1 Tiểu dự án 1 · Lũy kế giải ngân đến 30/06/2026 của UBND xã Quảng Tân: NSTW ĐTPT  → 200 (+200)');
    expect(vi).toContain('1.1 Tiểu dự án 1 · Lũy kế giải ngân đến 30/06/2026: NSTW SN  → 50 (+50)');
    const en = (await rows(s)).map((r) => shown(r, s, 'en'));
    expect(en).toContain('1.1 Tiểu dự án 1 · Share of UBND xã Quảng Tân: Central Investment 500 → 600 (+100)');
    expect(en).toContain('1.1 Tiểu dự án 1 · Disbursed to date as of 30/06/2026, UBND xã Quảng Tân: Central Investment  → 200 (+200)');

    // Deleted since: the log still names it (from its own record of the unit).
    await s.handle('units/delete', { unitIds: [u] });
    const after = (await rows(s)).map((r) => shown(r, s, 'vi'));
    expect(after).toContain('1.1 Tiểu dự án 1 · Phân bổ cho UBND xã Quảng Tân: NSTW ĐTPT 600 →  (-600)');
    expect(after).toContain('Đơn vị UBND xã Quảng Tân → ');
    expect(after.filter((x) => x.includes('đơn vị #'))).toEqual([]);
    s.close();
  });
});
