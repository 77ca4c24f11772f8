// The change log's packed rows (audit-pack.ts): a bulk step written packed reads back as exactly the
// rows the per-row form holds — every filter, count and page, across pack boundaries —; a log
// written one row per change (every file before packing) still reads, beside packed steps; and the
// history panel still says what a bulk step did, in both languages, through undo.
import path from 'node:path';
import type { AuditFilter, AuditRow } from '../../../shared/commands/history';
import { t as translate, type Lang, type Translate } from '../../../shared/i18n';
import { labelText } from '../../../shared/step-label';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import type { DocAction } from '../actions';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { auditFieldLabel, auditValue } from '../../../renderer/src/features/history/format';
import { AuditLog } from './audit-log';
import { PACK_MIN, PACK_SIZE, PACKED } from './audit-pack';

const M = 1_000_000;
const clock = () => new Date('2026-12-06T10:00:00.000Z');

function open(): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return PlanSession.open(file);
}

/** A bulk step as an allocation or execution import makes it, with short runs and other actions between. */
function bulkStep(s: PlanSession): DocAction[] {
  const lines = [...s.calc.lines.values()].filter((l) => l.code);
  const gone = 9_999; // a line no longer in the plan: no code, no name
  const lineAt = (i: number) => (i % 97 === 0 ? gone : lines[i % lines.length]!.id);
  const units: DocAction[] = [1, 2, 3].map((id) => ({ t: 'unit', old: null, new: { id, parentId: null, position: id - 1, name: `UBND xã ${id}`, kind: 'commune', code: '' } }));
  const shares = (n: number, from: number): DocAction[] =>
    Array.from({ length: n }, (_, i) => ({ t: 'share', unitId: 1 + (i % 40), lineId: lineAt(i), column: i % 3 ? 'central_recurrent' : 'central_investment', old: i % 5 ? null : (from + i) * M, new: i % 7 ? (from + i + 1) * M : null }));
  const amounts: DocAction[] = Array.from({ length: 1_500 }, (_, i) => ({ t: 'amount', lineId: lineAt(i + 1), column: 'local_recurrent', old: i * M, new: null }));
  const figures: DocAction[] = Array.from({ length: 1_100 }, (_, i) => ({
    t: 'disbursement', key: { dateId: 2, lineId: lineAt(i + 2), column: 'central_recurrent', unitId: i % 2 ? null : 5, measure: 'disbursed', fund: 0 }, old: null, new: (i + 1) * M,
  }));
  const b = lines[1]!;
  return [
    ...units,
    ...shares(2 * PACK_SIZE + 300, 0), // three packs, the last one short
    { t: 'fields', lineId: b.id, old: { note: b.note }, new: { note: 'giữa hai lô' } },
    ...amounts,
    ...shares(PACK_MIN - 1, 500), // one short of a pack: rows
    ...figures,
    { t: 'meta', key: 'title', old: 'a', new: 'b' },
  ];
}

/** The same steps logged packed and one row per change, in two files. */
function twoLogs(): { packed: AuditLog; perRow: AuditLog; s: PlanSession[] } {
  const s = [open(), open()];
  const packed = new AuditLog(s[0]!.db, clock);
  const perRow = new AuditLog(s[1]!.db, clock, Infinity);
  for (const [log, session] of [[packed, s[0]!], [perRow, s[1]!]] as const) {
    const lineOf = (id: number) => session.calc.lines.get(id);
    session.db.transaction(() => log.record('edit', 'lô lớn', bulkStep(session), lineOf))();
    session.db.transaction(() => log.record('edit', 'nhỏ', bulkStep(session).slice(0, 20), lineOf))();
    session.db.transaction(() => log.record('undo', 'lô lớn', bulkStep(session).reverse(), lineOf))();
  }
  return { packed, perRow, s };
}

describe('packed change-log rows', () => {
  it('read back equal to the per-row form: every filter, total and page, across pack boundaries', () => {
    const { packed, perRow, s } = twoLogs();
    const rowsIn = (x: PlanSession) => (x.db.prepare('SELECT count(*) AS n FROM audit_changes').get() as { n: number }).n;
    // Stored compactly: 9.012 shares, 1.500 amounts and 1.100 figures per bulk step are a few rows.
    expect(rowsIn(s[0]!)).toBeLessThan(rowsIn(s[1]!) / 10);
    expect((s[0]!.db.prepare('SELECT count(*) AS n FROM audit_changes WHERE action = ?').get(PACKED) as { n: number }).n).toBe(2 * 5);

    const lines = [...s[0]!.calc.lines.values()].filter((l) => l.code);
    const filters: AuditFilter[] = [
      {}, { kind: 'undo' }, { text: '2' }, { text: 'TIỂU DỰ ÁN' }, { lineId: lines[3]!.id }, { lineId: 9_999 },
      { field: 'central_recurrent' }, { field: 'unit:7:central_investment' }, { text: '3', kind: 'edit', field: 'unit:3:central_recurrent' }, { user: 'nobody' },
    ];
    // Compared as text: the same rows in the same order (toEqual on 24.000 objects takes minutes on a busy machine).
    const same = (f: AuditFilter, offset: number, limit: number) => expect(JSON.stringify(packed.query(f, offset, limit)), `${JSON.stringify(f)} @${offset}`).toBe(JSON.stringify(perRow.query(f, offset, limit)));
    for (const f of filters) {
      same(f, 0, 1_000_000);
      const { total } = perRow.query(f, 0, 1);
      for (const [offset, limit] of [[150, 200], [PACK_SIZE - 1, 2], [PACK_SIZE + 3, 1_000], [12_500, 200], [total - 5, 200], [total + 10, 200]] as const) same(f, offset, limit);
    }
    const full = perRow.query({}, 0, 1_000_000);
    expect(full.rows.filter((r) => r.action === 'share').length).toBe(2 * (2 * PACK_SIZE + 300 + PACK_MIN - 1) + 20 - 3);
    expect(packed.highestLineId()).toBe(perRow.highestLineId());
    for (const x of s) x.close();
  }, 120_000);

  it('a log written one row per change (files before packing) still reads, with packed steps after it', () => {
    const s = open();
    const old = new AuditLog(s.db, clock, Infinity);
    const lineOf = (id: number) => s.calc.lines.get(id);
    s.db.transaction(() => old.record('edit', 'cũ', bulkStep(s), lineOf))();
    const before = old.query({}, 0, 1_000_000);
    const now = new AuditLog(s.db, clock);
    s.db.transaction(() => now.record('edit', 'mới', bulkStep(s), lineOf))();
    const after = now.query({}, 0, 1_000_000);
    expect(after.total).toBe(2 * before.total);
    const oldStep = after.rows.filter((r) => r.label === 'cũ');
    expect(oldStep).toEqual(before.rows.filter((r) => r.label === 'cũ'));
    // The packed step reads as the old one did, row for row (only its step id differs).
    const strip = (r: AuditRow) => ({ ...r, stepId: 0, label: '' });
    expect(after.rows.filter((r) => r.label === 'mới').map(strip)).toEqual(oldStep.map(strip));
    s.close();
  });

  it('the history panel says what a bulk step did, its undo too, in Vietnamese and English', async () => {
    const s = open();
    const leaves = [...s.calc.lines.values()].filter((l) => l.code && ![...s.calc.lines.values()].some((c) => c.parentId === l.id));
    const { unitIds } = (await s.handle('units/addMany', { units: Array.from({ length: 100 }, (_, i) => ({ name: `UBND xã Số ${i + 1}`, kind: 'commune' as const })) })) as { unitIds: number[] };
    const cells = unitIds.flatMap((unitId, u) => leaves.slice(0, 11).map((l, i) => ({ unitId, lineId: l.id, column: 'central_recurrent', value: (u + i + 1) * M })));
    const { written } = (await s.handle('units/setShares', { cells, label: 'paste' })) as { written: number };
    expect(written).toBe(cells.length);
    expect(written).toBeGreaterThanOrEqual(PACK_MIN);
    expect((s.db.prepare('SELECT count(*) AS n FROM audit_changes WHERE action = ?').get(PACKED) as { n: number }).n).toBe(1);
    await s.handle('undo', {});

    const tr = (lang: Lang): Translate => ((key: never, ...args: never[]) => (translate as (l: Lang, k: never, ...a: never[]) => string)(lang, key, ...args)) as Translate;
    const columns = s.cycle().columns;
    const shown = (r: AuditRow, lang: Lang) => `${r.lineCode} · ${auditFieldLabel(r, columns, tr(lang), lang)} ${auditValue(r, 'old', 'trieu', 'vi-VN')} → ${auditValue(r, 'new', 'trieu', 'vi-VN')}`;
    const page = (await s.handle('history/audit', { filter: {}, offset: 0, limit: 1000 })) as { rows: AuditRow[]; total: number };
    expect(page.total).toBe(100 + 2 * cells.length); // the units, the paste and its undo
    const l = leaves[2]!;
    // Newest first: the undo's rows (the paste's inverse, in reverse order), then the paste's.
    expect(page.rows[0]).toMatchObject({ kind: 'undo', action: 'share', seq: 0, lineId: leaves[10]!.id, old: 110 * M, new: null, unit: 'UBND xã Số 100' });
    const vi = page.rows.map((r) => shown(r, 'vi'));
    expect(vi).toContain(`${l.code} · Phân bổ cho UBND xã Số 100: NSTW SN 102 → `);
    const en = page.rows.map((r) => shown(r, 'en'));
    expect(en).toContain(`${l.code} · Share of UBND xã Số 100: Central Recurrent 102 → `);
    const paste = (await s.handle('history/audit', { filter: { kind: 'edit', lineId: l.id }, offset: 0, limit: 1000 })) as { rows: AuditRow[]; total: number };
    expect(paste.total).toBe(100);
    expect(paste.rows.map((r) => shown(r, 'vi'))).toContain(`${l.code} · Phân bổ cho UBND xã Số 1: NSTW SN  → 3`);
    expect(paste.rows.every((r) => r.lineId === l.id && r.action === 'share')).toBe(true);
    // The step's own label, in each language, above its rows.
    expect([labelText('vi', paste.rows[0]!.label), labelText('en', paste.rows[0]!.label)]).toEqual(['Dán số phân bổ', 'Paste allocation']);
    expect(labelText('vi', page.rows[0]!.label)).toBe('Dán số phân bổ');
    s.close();
  });
});
