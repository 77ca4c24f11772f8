// The allocation grid's edits against the real engine on a real cycle file: what the window shows
// (AllocationData, kept from patches — its own edits' and undo's alike) must be what the engine
// holds after typing, pasting a units × lines block, filling, clearing, refusals and undo.
import path from 'node:path';
import { t as translate, tStored } from '../../../../shared/i18n';
import type { PlanDeskBridge } from '../../../../shared/ipc';
import { sampleCycle } from '../../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../../test/support/tmp';
import { PlanSession } from '../../../../electron/engine/session';
import { createCycleFile } from '../../../../electron/engine/store/cycle-file';
import { PlanStore } from '../../state/plan-store';
import { AllocationData } from './alloc-data';
import { AllocEditor, type AllocTable } from './alloc-editor';
import { allocationBands, type AllocMode } from './alloc-model';
import { DetailRows, isDetailId } from './detail-rows';

const M = 1_000_000;
const MODE: AllocMode = { kind: 'column', column: 'central_recurrent' };

async function setup() {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  await s.handle('units/addMany', {
    units: ['UBND huyện Tuy Đức', 'UBND huyện Đắk Glong', 'UBND huyện Krông Nô', 'Sở Y tế'].map((name) => ({ name, kind: 'district' as const })),
  });
  const bridge = { invoke: (name: string, args: unknown) => s.handle(name as never, args) } as unknown as PlanDeskBridge;
  const store = new PlanStore();
  store.load(s.snapshot());
  const data = new AllocationData();
  store.onPatch((p) => data.apply(p.units));
  await data.load(bridge, MODE);
  const messages: { text: string; kind?: string }[] = [];
  const editor = new AllocEditor({
    bridge,
    data,
    t: (k, ...p) => translate('vi', k, ...p),
    tStored: (k, p) => tStored('vi', k, p),
    message: (text, kind) => messages.push({ text, kind }),
    applyPatch: (p) => void store.apply(p),
    reload: () => data.load(bridge, MODE),
    readOnly: () => false,
    unit: () => 'trieu',
    locale: () => 'vi-VN',
  });
  const rows = store.rowList();
  const cols = allocationBands(MODE, rows, (id) => store.rows.get(id), store.columns, 'vi')
    .flatMap((b) => b.cols)
    .map((c) => ({ ...c, editable: c.editable && data.editable(c.lineId, c.column) }));
  const table: AllocTable = { units: data.rows, cols };
  const col = (code: string) => cols.findIndex((c) => store.rows.get(c.lineId)!.code === code);
  /** The shares as a fresh load from the engine reads them. */
  const engine = async () => {
    const fresh = new AllocationData();
    await fresh.load(bridge, MODE);
    return fresh.shares.allShares().sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId);
  };
  const shown = () => data.shares.allShares().sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId);
  return { s, store, data, editor, table, col, engine, shown, messages };
}

describe('the allocation grid’s edits', () => {
  it('types, pastes a units × lines block, fills, clears and undoes, showing exactly what the engine holds', async () => {
    const { s, store, data, editor, table, col, engine, shown, messages } = await setup();
    const [tuyDuc, glong, krong] = table.units;
    const c31 = col('3.1');
    const c32 = col('3.2');

    // Two quick edits of one cell reach the engine in the order typed.
    const a = editor.typeCell(tuyDuc, table.cols[c32], '5');
    const b = editor.typeCell(tuyDuc, table.cols[c32], '=3+4');
    // Shown at once, before the engine answers.
    expect(data.shares.share(tuyDuc.id, table.cols[c32].lineId, 'central_recurrent')).toBe(7 * M);
    await Promise.all([a, b]);
    expect(data.shares.share(tuyDuc.id, table.cols[c32].lineId, 'central_recurrent')).toBe(7 * M);
    expect(shown()).toEqual(await engine());

    // A block copied from Excel (vi-VN), two units × two lines, from (Đắk Glong, 3.1).
    await editor.paste(table, { top: 1, bottom: 1, left: c31, right: c31 }, [['1.000', '2,5'], ['3', '4']], false);
    expect(data.shares.share(glong.id, table.cols[c31].lineId, 'central_recurrent')).toBe(1000 * M);
    expect(data.shares.share(glong.id, table.cols[c32].lineId, 'central_recurrent')).toBe(2.5 * M);
    expect(data.shares.share(krong.id, table.cols[c32].lineId, 'central_recurrent')).toBe(4 * M);
    expect(shown()).toEqual(await engine());
    expect(messages.at(-1)?.text).toBe('Đã dán 4 ô.');

    // A block with text where a figure should be is refused whole: nothing written.
    await editor.paste(table, { top: 0, bottom: 0, left: c31, right: c31 }, [['9', 'abc']], false);
    expect(messages.at(-1)?.kind).toBe('error');
    expect(messages.at(-1)?.text).toContain('“abc”');
    expect(data.shares.share(tuyDuc.id, table.cols[c31].lineId, 'central_recurrent')).toBeNull();

    // Ctrl+D: Đắk Glong's row copied down onto Krông Nô; Delete: Tuy Đức's 3.2 cleared.
    await editor.fillDown(table, { top: 1, bottom: 2, left: c31, right: c32 });
    expect(data.shares.share(krong.id, table.cols[c31].lineId, 'central_recurrent')).toBe(1000 * M);
    await editor.clear(table, { top: 0, bottom: 0, left: c32, right: c32 });
    expect(data.shares.share(tuyDuc.id, table.cols[c32].lineId, 'central_recurrent')).toBeNull();
    expect(shown()).toEqual(await engine());

    // Undo from the Edit menu (not this view's command) reaches the view through the store's patch.
    store.apply(await s.handle('undo', {}));
    expect(data.shares.share(tuyDuc.id, table.cols[c32].lineId, 'central_recurrent')).toBe(7 * M);
    store.apply(await s.handle('undo', {}));
    expect(data.shares.share(krong.id, table.cols[c31].lineId, 'central_recurrent')).toBe(3 * M);
    expect(shown()).toEqual(await engine());

    // Merging Krông Nô into Đắk Glong and deleting Tuy Đức (the units dialog): the rows and shares follow.
    store.apply(await s.handle('units/merge', { from: krong.id, into: glong.id }));
    expect(data.shares.share(glong.id, table.cols[c32].lineId, 'central_recurrent')).toBe(6.5 * M);
    store.apply(await s.handle('units/delete', { unitIds: [tuyDuc.id] }));
    expect(data.rows.map((u) => u.name)).toEqual(['UBND huyện Đắk Glong', 'Sở Y tế']);
    expect(shown()).toEqual(await engine());
    s.close();
  });

  it('refuses typing on a total and withdraws what the engine does not write', async () => {
    const { s, data, editor, table, engine, shown, messages } = await setup();
    // A negative share on a line that is not an adjustment: shown ahead, refused, read again.
    const c = table.cols.find((x) => x.editable)!;
    await editor.typeCell(table.units[0], c, '-5');
    expect(messages.at(-1)?.kind).toBe('error');
    expect(data.shares.share(table.units[0].id, c.lineId, c.column)).toBeNull();
    expect(shown()).toEqual(await engine());
    await editor.typeCell(table.units[0], { ...c, editable: false }, '5');
    expect(messages.at(-1)?.text).toContain('số tổng');
    s.close();
  });

  it('writes a block over a unit’s merged detail rows (issue 16) on the units’ rows only', async () => {
    const { s, data, editor, table, col, engine, shown, messages } = await setup();
    // The view as shown with a unit expanded: its two detail lines under it.
    const details = new DetailRows();
    details.setCounts(new Map([[table.units[0].id, 2]]));
    details.expand(table.units[0].id, [0, 1].map((seq) => ({ seq, parentSeq: null, line: '3.1', lineId: table.cols[col('3.1')].lineId, code: '-', name: `Hoạt động ${seq}`, values: {} })));
    const view = { ...table, units: details.display(table.units) };
    expect(view.units).toHaveLength(table.units.length + 2);
    const c31 = col('3.1');
    await editor.paste(view, { top: 0, bottom: 3, left: c31, right: c31 }, [['1'], ['2'], ['3'], ['4']], false);
    expect(messages.at(-1)?.kind).not.toBe('error');
    // Rows 1 and 2 are the detail lines: nothing written for them; the next unit (row 3) takes 4.
    const at = (i: number) => data.shares.share(table.units[i].id, table.cols[c31].lineId, table.cols[c31].column);
    expect([at(0), at(1), at(2)]).toEqual([1 * M, 4 * M, null]);
    expect(shown()).toEqual(await engine());
    expect(shown().every((x) => !isDetailId(x.unitId))).toBe(true);
    s.close();
  });
});
