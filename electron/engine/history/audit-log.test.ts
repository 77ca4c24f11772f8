// The audit log on a real cycle file: edits, undo and redo are all recorded with old → new and who,
// filters narrow the list, and line ids are never reused even after the highest line is deleted.
import os from 'node:os';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { AuditLog } from './audit-log';

const M = 1_000_000;

/** The sample; `entriesOnly` drops its stated totals (their following an edit adds rows of their own). */
function open(entriesOnly = false): { s: PlanSession; file: string } {
  const file = path.join(tempDir(), 'plan.plandesk');
  const cycle = sampleCycle();
  const leaves = new Set(['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent']);
  createCycleFile(file, entriesOnly ? { ...cycle, amounts: cycle.amounts.filter((a) => leaves.has(a.column)) } : cycle);
  return { s: PlanSession.open(file), file };
}

const idOf = (s: PlanSession, code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;

describe('AuditLog', () => {
  it('records edits, undo and redo with old → new, line code and the OS user', async () => {
    const { s } = open();
    const id = idOf(s, '3.2');
    await s.handle('cell/set', { lineId: id, column: 'central_recurrent', value: 8_024 * M });
    await s.handle('line/update', { lineId: id, fields: { name: 'Cải thiện dinh dưỡng (sửa)' } });
    await s.handle('undo', {});
    await s.handle('redo', {});
    const log = new AuditLog(s.db);
    const { rows, total } = log.query({}, 0, 100);
    // The cell edit also moved the line's stated Tổng cộng and NSTW that agreed (issue 12): logged too.
    expect(total).toBe(6);
    expect(rows.map((r) => r.kind)).toEqual(['redo', 'undo', 'edit', 'edit', 'edit', 'edit']);
    const cell = rows.find((r) => r.field === 'central_recurrent')!;
    expect(cell).toMatchObject({ action: 'amount', lineCode: '3.2', field: 'central_recurrent', old: 7_024 * M, new: 8_024 * M });
    expect(rows.filter((r) => r.action === 'amount').map((r) => r.field).sort()).toEqual(['central', 'central_recurrent', 'total']);
    expect(cell.user).toBe(os.userInfo().username);
    expect(cell.host).toBe(os.hostname());
    expect(rows[1]).toMatchObject({ action: 'fields', field: 'name', old: 'Cải thiện dinh dưỡng (sửa)', new: 'Tiểu dự án 2: Cải thiện dinh dưỡng' });
    expect(rows[0]).toMatchObject({ action: 'fields', field: 'name', new: 'Cải thiện dinh dưỡng (sửa)' });
    s.close();
  });

  it('keeps entries the undo log trims, and filters by line, column, user, kind and time', async () => {
    const { s } = open(true);
    const a = idOf(s, '2');
    const b = idOf(s, '5');
    for (let i = 1; i <= 3; i++) (await s.handle('cell/set', { lineId: a, column: 'local_recurrent', value: i * M }));
    await s.handle('cell/set', { lineId: b, column: 'central_recurrent', value: 7 * M });
    await s.handle('undo', {});
    // A new edit drops the redo step from the undo log: the audit keeps it.
    await s.handle('cell/set', { lineId: b, column: 'local_recurrent', value: 9 * M });
    const log = new AuditLog(s.db);
    expect(log.query({}, 0, 100).total).toBe(6);
    expect(log.query({ text: '2' }, 0, 100).total).toBe(3);
    expect(log.query({ lineId: b }, 0, 100).total).toBe(3);
    expect(log.query({ field: 'central_recurrent' }, 0, 100).total).toBe(2);
    expect(log.query({ kind: 'undo' }, 0, 100).rows[0]).toMatchObject({ lineCode: '5', old: 7 * M, new: 39_285 * M });
    expect(log.query({ user: 'nobody-here' }, 0, 100).total).toBe(0);
    expect(log.query({ fromAt: '2999-01-01T00:00:00.000Z' }, 0, 100).total).toBe(0);
    expect(log.query({ toAt: '2999-01-01T00:00:00.000Z' }, 0, 100).total).toBe(6);
    // Line 5 is "Dự án 5: Hỗ trợ nhà ở cho hộ nghèo…": case and diacritics do not matter.
    expect(log.query({ text: 'NHÀ Ở' }, 0, 100).total).toBe(3);
    expect(log.query({ text: 'nha o cho ho ngheo' }, 0, 100).total).toBe(3);
    expect(log.query({ text: 'không có dòng này' }, 0, 100).total).toBe(0);
    // Paging.
    const page = log.query({}, 2, 2);
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(6);
    s.close();
  });

  it('records inserted and deleted lines with their figures, without sibling renumbering noise', async () => {
    const { s, file } = open();
    const two = idOf(s, '2');
    const ins = await s.handle('line/insert', { anchor: two, where: 'above', fields: { code: '1b', name: 'Dòng mới' } });
    await s.handle('cell/set', { lineId: ins.lineId, column: 'central_recurrent', value: 5 * M });
    await s.handle('line/delete', { lineId: ins.lineId });
    const log = new AuditLog(s.db);
    const rows = log.query({}, 0, 100).rows;
    expect(rows.map((r) => r.action)).toEqual(['delete', 'amount', 'insert']);
    expect(JSON.parse(String(rows[0].old))).toMatchObject({ code: '1b', name: 'Dòng mới', amounts: { central_recurrent: 5 * M } });
    expect(rows[0].lineCode).toBe('1b');
    s.close();
    // The deleted line had the highest id: a new line after reopening must not take it again.
    const again = PlanSession.open(file);
    const next = await again.handle('line/insert', { anchor: null, where: 'below' });
    expect(next.lineId).toBeGreaterThan(ins.lineId);
    again.close();
  });
});
