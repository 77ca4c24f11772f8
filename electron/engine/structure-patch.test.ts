// What a structural patch carries: the new display order, the lines removed, and only the rows
// whose view changed (the window store applying them is property-tested in
// renderer/src/state/plan-store.test.ts).
import path from 'node:path';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

describe('structural patches', () => {
  it('send the rows that changed, not the whole plan', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const rows = s.snapshot().rows;
    const line62 = rows.find((r) => r.code === '6.2')!;
    const p = await s.handle('lines/insert', { anchor: line62.id, where: 'below' });
    expect(p.structure).toBe(true);
    expect(p.order).toHaveLength(rows.length + 1);
    // The new line and its parent (Dự án 6); no renumbering needed below 6.2's group.
    expect(p.rows.map((r) => r.code).sort()).toEqual(['6', '6.3']);
    expect(p.removed).toEqual([]);
    s.close();
  });
});
