// The time of a change comes from the host's clock service, not from the machine's clock read deep
// in the change log: a Workspace given a clock records its edits and revisions at that time.
import path from 'node:path';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import { createCycleFile } from './store/cycle-file';
import { Workspace } from './workspace';

describe('the clock service', () => {
  it('dates the change log and revisions with the clock the host gives', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const fixed = new Date('2027-06-30T09:15:00.000Z');
    const ws = new Workspace(null, { clock: () => fixed });
    ws.open(file);
    const line = ws.session!.snapshot().rows.find((r) => r.code === '3.2')!;
    const edit = await ws.handle('cell/set', { lineId: line.id, column: 'central_recurrent', value: 7_100_000_000 });
    expect(edit.ok).toBe(true);
    const rev = await ws.handle('history/createRevision', { name: 'Báo cáo 6 tháng' });
    if (!rev.ok) throw new Error(JSON.stringify(rev.error));
    expect(rev.value.revision.createdAt).toBe(fixed.toISOString());
    const audit = await ws.handle('history/audit', { filter: {}, offset: 0, limit: 10 });
    if (!audit.ok) throw new Error(JSON.stringify(audit.error));
    expect(audit.value.rows.length).toBeGreaterThan(0);
    for (const row of audit.value.rows) expect(row.at).toBe(fixed.toISOString());
    ws.close();
  });
});
