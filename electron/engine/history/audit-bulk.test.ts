// The change log of a bulk step (issue 14: an allocation import writes thousands of shares in one
// step): every change on its own row, in the step's order, each share naming its own line, and the
// step's count of changes matching its rows — the shares take a shorter path than other actions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import type { DocAction } from '../actions';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { AuditLog } from './audit-log';

const M = 1_000_000;

describe('change log of a step mixing shares with other actions', () => {
  it('keeps every change in order, each share with its line and old → new', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const byCode = (code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!;
    const a = byCode('1.1');
    const b = byCode('1.2');
    const units: DocAction[] = [1, 2, 3].map((id) => ({ t: 'unit', old: null, new: { id, parentId: null, position: id - 1, name: `UBND xã ${id}`, kind: 'commune', code: '' } }));
    // Shares alternating between two lines, around an amount and a score.
    const shares = (from: number): DocAction[] => [1, 2, 3].flatMap((u) => [a, b].map((l): DocAction => ({ t: 'share', unitId: u, lineId: l.id, column: 'central_investment', old: null, new: (from + u) * M })));
    const step: DocAction[] = [...units, ...shares(0), { t: 'score', scheme: 'xa', unitId: 2, old: null, new: 40 }, { t: 'fields', lineId: b.id, old: { note: b.note }, new: { note: 'ghi chú' } }, ...shares(10).map((x): DocAction => { const sh = x as Extract<DocAction, { t: 'share' }>; return { ...sh, old: sh.new! - 10 * M }; })];
    s.commit('x', step, null);
    const { rows } = await s.handle('history/audit', { filter: {}, offset: 0, limit: 1000 });
    const mine = rows.filter((r) => r.label === 'x');
    expect(mine.map((r) => r.seq)).toEqual(mine.map((_, i) => i));
    expect(mine.map((r) => [r.action, r.field])).toEqual([
      ...[1, 2, 3].map((u) => ['unit', `unit:${u}`]),
      ...[1, 2, 3].flatMap((u) => [['share', `unit:${u}:central_investment`], ['share', `unit:${u}:central_investment`]]),
      ['score', 'xa:unit:2'],
      ['fields', 'note'],
      ...[1, 2, 3].flatMap((u) => [['share', `unit:${u}:central_investment`], ['share', `unit:${u}:central_investment`]]),
    ]);
    const shareRows = mine.filter((r) => r.action === 'share');
    expect(shareRows.map((r) => [r.lineId, r.lineCode, r.lineName])).toEqual(Array.from({ length: 6 }, () => [[a.id, '1.1', a.name], [b.id, '1.2', b.name]]).flat());
    expect(shareRows.slice(6).map((r) => [r.old, r.new])).toEqual([1, 2, 3].flatMap((u) => [[u * M, (10 + u) * M], [u * M, (10 + u) * M]]));
    const count = (s.db.prepare("SELECT changes FROM audit_steps WHERE label = 'x'").get() as { changes: number }).changes;
    expect(count).toBe(mine.length);
    s.close();
  });

  it('writes a step of hundreds of amounts (several multi-row batches and a rest) row for row, in order', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const lines = [...s.calc.lines.values()].filter((l) => l.code);
    const amounts = (n: number, from: number): DocAction[] => Array.from({ length: n }, (_, i) => ({ t: 'amount', lineId: lines[i % lines.length]!.id, column: i % 2 ? 'other' : 'local_recurrent', old: null, new: (from + i) * M }));
    const b = lines[1]!;
    const step: DocAction[] = [...amounts(230, 0), { t: 'fields', lineId: b.id, old: { note: b.note }, new: { note: 'giữa' } }, ...amounts(57, 1000)];
    const expected = step.map((a) => (a.t === 'amount' ? ['amount', a.lineId, a.column, a.new] : ['fields', b.id, 'note', 'giữa']));
    // Straight to the log (a commit would add the stated totals that follow the figures).
    const log = new AuditLog(s.db);
    s.db.transaction(() => log.record('edit', 'y', step, (id) => s.calc.lines.get(id)))();
    const { rows } = log.query({}, 0, 1000);
    const mine = rows.filter((r) => r.label === 'y');
    expect(mine.map((r) => r.seq)).toEqual(mine.map((_, i) => i));
    expect(mine.map((r) => [r.action, r.lineId, r.field, r.new])).toEqual(expected);
    expect(mine.every((r) => r.lineName === s.calc.lines.get(r.lineId!)!.name)).toBe(true);
    const count = (s.db.prepare("SELECT changes FROM audit_steps WHERE label = 'y'").get() as { changes: number }).changes;
    expect(count).toBe(step.length);
    s.close();
  });
});
