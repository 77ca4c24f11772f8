// The window's own totals must equal the engine's: built from a snapshot, an edit previewed
// locally gives exactly the rows and totals the engine then returns.
import path from 'node:path';
import { PlanSession } from '../../../electron/engine/session';
import { createCycleFile } from '../../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { LocalTotals } from './local-totals';
import { PlanStore } from './plan-store';

/** The sample in a real cycle file, its session, and the window's store and local totals over it. */
function sampleSetup() {
  const file = path.join(tempDir(), 'p.plandesk');
  createCycleFile(file, sampleCycle());
  const session = PlanSession.open(file);
  const store = new PlanStore();
  store.load(session.snapshot());
  const local = new LocalTotals(store);
  local.attach();
  return { session, store, local };
}

describe('LocalTotals', () => {
  it('previews an edit exactly as the engine computes it', async () => {
    const { session, store, local } = sampleSetup();
    const line = store.rowList().find((r) => r.code === '3.2')!;
    const preview = local.preview(line.id, 'central_recurrent', 8_024_000_000)!;
    const patch = await session.handle('cell/set', { lineId: line.id, column: 'central_recurrent', value: 8_024_000_000 });
    expect(preview.totals).toEqual(patch.totals);
    const byId = (rows: { id: number }[]) => [...rows].sort((a, b) => a.id - b.id);
    expect(byId(preview.rows)).toEqual(byId(patch.rows));
    store.apply(patch);
    local.reconcile(patch);
    // Then undo in the engine: reconciling with its patch keeps the local totals exact.
    const undo = await session.handle('undo', {});
    store.apply(undo);
    local.reconcile(undo);
    const again = local.preview(line.id, 'local_recurrent', 1_000_000)!;
    const engine = await session.handle('cell/set', { lineId: line.id, column: 'local_recurrent', value: 1_000_000 });
    expect(again.totals).toEqual(engine.totals);
    session.close();
  });

  it('after a line operation (the store reordered in place), previews as the engine computes', async () => {
    const { session, store, local } = sampleSetup();
    const id = (code: string) => store.rowList().find((r) => r.code === code)!.id;
    // 3.2 indented under 3.1: 3.1 becomes a parent, its figures stated.
    const moved = await session.handle('lines/indent', { lineIds: [id('3.2')] });
    expect(store.canTakeStructure(moved)).toBe(true);
    store.apply(moved);
    local.reconcile(moved);
    expect(store.rowList()).toEqual(session.snapshot().rows);
    const leaf = id('3.1.1');
    const preview = local.preview(leaf, 'central_recurrent', 9_000_000_000)!;
    const patch = await session.handle('cell/set', { lineId: leaf, column: 'central_recurrent', value: 9_000_000_000 });
    expect(preview.totals).toEqual(patch.totals);
    session.close();
  });

  it('waits for the whole plan before computing', async () => {
    const store = new PlanStore();
    const file = path.join(tempDir(), 'p.plandesk');
    createCycleFile(file, sampleCycle());
    const session = PlanSession.open(file);
    store.load(session.snapshot(3));
    expect(new LocalTotals(store).preview(store.rowList()[1].id, 'central_recurrent', 1)).toBeNull();
    session.close();
  });
});
