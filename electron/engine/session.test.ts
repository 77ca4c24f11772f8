// Engine tests on a real cycle file with the real migrations: edits, totals, undo/redo, reopening.
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import { PlanDeskError } from './errors';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

const M = 1_000_000;

function sampleFile(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

function lineId(s: PlanSession, code: string): number {
  const row = s.snapshot().rows.find((r) => r.code === code);
  if (!row) throw new Error(`no line ${code}`);
  return row.id;
}

describe('PlanSession on the sample plan', () => {
  it('opens with the plan totals', async () => {
    const s = PlanSession.open(sampleFile());
    const snap = s.snapshot();
    expect(snap.totals.total).toBe(350_190 * M);
    expect(snap.totals.central).toBe(319_642 * M);
    expect(snap.totals.local).toBe(30_548 * M);
    expect(snap.rows.map((r) => r.code).slice(0, 4)).toEqual(['1', '1.1', '1.2', '2']);
    const d7 = snap.rows.find((r) => r.code === '7')!;
    expect(d7.unallocated).toBe(true);
    expect(d7.values.total).toBe(9_924 * M);
    s.close();
  });

  it('edits a leaf, updates every ancestor, and keeps the edit after reopening', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const id = lineId(s, '3.2');
    const patch = await s.handle('cell/set', { lineId: id, column: 'central_recurrent', value: 8_024 * M });
    expect(patch.totals.total).toBe(351_190 * M);
    const changed = new Map(patch.rows.map((r) => [r.code, r]));
    expect(changed.get('3.2')!.values.central).toBe(8_024 * M);
    expect(changed.get('3')!.values.total).toBe((17_570 + 8_726) * M);
    s.close();
    const again = PlanSession.open(file);
    expect(again.snapshot().totals.total).toBe(351_190 * M);
    again.close();
  });

  it('undoes and redoes, and the history survives a restart', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const id = lineId(s, '2');
    await s.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 0 });
    expect(s.snapshot().totals.local).toBe((30_548 - 3_862) * M);
    s.close();
    const s2 = PlanSession.open(file);
    const undone = await s2.handle('undo', {});
    expect(undone.totals.local).toBe(30_548 * M);
    expect(undone.cursor).toEqual({ lineId: id, column: 'local_recurrent' });
    expect((await s2.handle('redo', {})).totals.local).toBe((30_548 - 3_862) * M);
    await expect(s2.handle('redo', {})).rejects.toThrow(PlanDeskError);
    s2.close();
  });

  it('pastes many cells as one undo step, skipping totals', async () => {
    const s = PlanSession.open(sampleFile());
    const a = lineId(s, '3.1');
    const b = lineId(s, '3');
    const patch = (await s.handle('cells/set', {
      changes: [
        { lineId: a, column: 'central_recurrent', value: 1 * M },
        { lineId: a, column: 'local_recurrent', value: 2 * M },
        { lineId: b, column: 'central_recurrent', value: 5 * M },
        { lineId: a, column: 'total', value: 5 * M },
      ],
    }));
    expect(patch.skipped).toHaveLength(2);
    expect(patch.totals.total).toBe((350_190 - 17_570 + 3) * M);
    await s.handle('undo', {});
    expect(s.snapshot().totals.total).toBe(350_190 * M);
    s.close();
  });

  it('inserts and deletes lines with undo restoring the figures', async () => {
    const s = PlanSession.open(sampleFile());
    const d5 = lineId(s, '5');
    const ins = await s.handle('line/insert', { anchor: d5, where: 'child', fields: { code: '5.1', name: 'Huyện A' } });
    expect(ins.structure).toBe(true);
    // Dự án 5's own figures become a stated total, the child is blank: not yet allocated.
    const snap = s.snapshot();
    expect(snap.rows.find((r) => r.code === '5')!.unallocated).toBe(true);
    expect(snap.totals.total).toBe(350_190 * M);
    await s.handle('cell/set', { lineId: ins.lineId, column: 'central_recurrent', value: 100 * M });
    expect(s.snapshot().totals.total).toBe((350_190 - 43_214 + 100) * M);
    const d1 = lineId(s, '1');
    await s.handle('line/delete', { lineId: d1 });
    expect(s.snapshot().rows.some((r) => r.code === '1.1')).toBe(false);
    await s.handle('undo', {});
    const back = s.snapshot();
    expect(back.rows.map((r) => r.code).slice(0, 3)).toEqual(['1', '1.1', '1.2']);
    expect(back.totals.total).toBe((350_190 - 43_214 + 100) * M);
    s.close();
  });

  it('refuses bad arguments with a dictionary key', async () => {
    const s = PlanSession.open(sampleFile());
    await expect(s.handle('cell/set', { lineId: 1, column: 'total', value: 1.5 })).rejects.toThrow(/error.invalid_args/);
    await expect(s.handle('cell/set', { lineId: 999, column: 'total', value: 1 })).rejects.toThrow(/error.unknown_line/);
    await expect(s.handle('cell/set', { lineId: 1, column: 'nope', value: 1 })).rejects.toThrow(/error.unknown_column/);
    s.close();
  });

  it('changes the plan details in one undo step, refusing a date that does not exist', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    await expect(s.handle('meta/set', { meta: { docDate: '2023-02-29' } })).rejects.toThrow(/error.invalid_args/);
    const p = await s.handle('meta/set', { meta: { docNumber: '130/KH-UBND', docDate: '2024-03-01', unit: 'ty' } });
    expect(p.meta).toMatchObject({ docNumber: '130/KH-UBND', docDate: '2024-03-01', unit: 'ty' });
    s.close();
    const again = PlanSession.open(file);
    expect(again.snapshot().meta).toMatchObject({ docNumber: '130/KH-UBND', unit: 'ty' });
    await again.handle('undo', {});
    expect(again.snapshot().meta).toMatchObject({ docNumber: '122/KH-UBND', docDate: '2024-02-29', unit: 'trieu' });
    again.close();
  });

  it('does not write through a read-only session', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file, { readOnly: true });
    await expect(s.handle('cell/set', { lineId: 2, column: 'central_recurrent', value: 1 })).rejects.toThrow(/error.read_only/);
    s.close();
  });
});

describe('opening files that are not ours', () => {
  it('refuses a text file and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'notes.plandesk');
    fs.writeFileSync(file, 'hello');
    expect(() => PlanSession.open(file)).toThrow(/error.not_plandesk/);
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
  });

  it('refuses another SQLite database and leaves it untouched', async () => {
    const Database = (await import('better-sqlite3')).default;
    const file = path.join(tempDir(), 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => PlanSession.open(file)).toThrow(/error.not_plandesk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file from a newer PlanDesk', async () => {
    const Database = (await import('better-sqlite3')).default;
    const file = sampleFile();
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => PlanSession.open(file)).toThrow(/error.newer_version/);
  });

  it('reports a missing file', async () => {
    expect(() => PlanSession.open(path.join(tempDir(), 'none.plandesk'))).toThrow(/error.not_found/);
  });
});

describe('area settings', () => {
  it('stores a setting in the file, undoably', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    expect((await s.handle('settings/get', { key: 'print' })).value).toBeNull();
    await s.handle('settings/set', { key: 'print', value: { paper: 'A4' } });
    expect(s.setting('print')).toEqual({ paper: 'A4' });
    s.close();
    const again = PlanSession.open(file);
    expect((await again.handle('settings/get', { key: 'print' })).value).toEqual({ paper: 'A4' });
    await again.handle('undo', {});
    expect(again.setting('print')).toBeNull();
    await expect(again.handle('settings/set', { key: 'nope' as 'print', value: 1 })).rejects.toThrow(/error.invalid_args/);
    again.close();
  });
});

describe('reading a file written by an older PlanDesk', () => {
  it('opens it read-only without changing it (an in-memory copy is migrated)', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { MIGRATIONS, APPLICATION_ID } = await import('./store/migrations');
    const { writeCycle } = await import('./store/cycle-file');
    if (MIGRATIONS.length < 2) return; // nothing older than the current schema exists yet
    const file = path.join(tempDir(), 'old.plandesk');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    db.transaction(() => writeCycle(db, sampleCycle()))();
    db.close();
    const before = fs.readFileSync(file);
    const s = PlanSession.open(file, { readOnly: true });
    expect(s.snapshot().totals.total).toBe(350_190 * M);
    s.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
