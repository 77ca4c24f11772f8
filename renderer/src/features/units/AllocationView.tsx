// The allocation view in the plan grid's place (tab "Phân bổ cho đơn vị", View menu): a toolbar to
// choose what is shown — one funding column over the plan's lines, or one line over its funding
// columns — and the units dialog, allocation by criteria and the printed annex; under it the grid.
// The data is the window's AllocationData, loaded for the mode shown and kept current by patches.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ColumnTree } from '../../../../shared/columns';
import type { Finding } from '../../../../shared/findings';
import { tStored } from '../../../../shared/i18n';
import { registerFindingTarget, registerPrintTarget } from '../../app/main-view';
import type { AppContext } from '../types';
import { allocationData } from './alloc-data';
import { AllocEditor } from './alloc-editor';
import { allocationBands, fundingColumnName, holdsFigures, type AllocMode } from './alloc-model';
import { AllocationGrid, type AllocationGridHandle } from './AllocationGrid';
import { applyPatch, defaultMode } from './actions';
import { DetailReader } from './detail-reader';
import { DetailRows } from './detail-rows';
import { unitsUi, useUnitsUi } from './ui-state';
import './units.css';

/** The window's units' merged detail shown in the view (one plan per window); the expanded units outlive the view's remounts. */
const allocationDetails = new DetailRows();

export function AllocationView({ ctx }: { ctx: AppContext }) {
  const { store, t, lang, bridge } = ctx;
  const ui = useUnitsUi();
  useSyncExternalStore(store.subscribe, store.getVersion);
  const data = allocationData;
  const mode: AllocMode | null = ui.mode ?? defaultMode(store);
  const [loaded, setLoaded] = useState<string | null>(null);
  const grid = useRef<AllocationGridHandle>(null);
  const modeKey = mode ? JSON.stringify(mode) : '';
  const details = allocationDetails;
  const [detailVersion, setDetailVersion] = useState(0);

  // Which units have merged detail (the board's count) and the expanded units' rows: read once per
  // load of the file, and again only after a patch that changed some unit's detail (detail-reader.ts).
  const reader = useMemo(
    () => new DetailReader(bridge, details, () => setDetailVersion((v) => v + 1), (err) => ctxRef.current.showFailure(err)),
    [bridge, details],
  );
  // Read once the view's own data is in (the engine answers one at a time: the grid's rows first);
  // another funding column shown reads nothing again.
  const hasLoaded = loaded !== null;
  useEffect(() => {
    if (hasLoaded) void reader.ensure(store.loadId);
  }, [reader, store.loadId, hasLoaded]);
  useEffect(() => store.onPatch((p) => void reader.onPatch(p)), [store, reader]);
  const toggleDetail = useCallback(
    async (unitId: number) => {
      if (details.isExpanded(unitId)) details.collapse(unitId);
      else {
        try {
          const d = await bridge.invoke('consolidation/detail', { unitId });
          details.expand(unitId, d.rows);
        } catch (err) {
          ctxRef.current.showFailure(err);
        }
      }
      setDetailVersion((v) => v + 1);
    },
    [bridge, details],
  );
  const onToggleDetail = useCallback((unitId: number) => void toggleDetail(unitId), [toggleDetail]);

  // The view's data for the mode shown; again after the plan's lines change shape or the file is re-read.
  const reload = useCallback(async () => {
    if (!mode) return;
    try {
      await data.load(bridge, mode);
      setLoaded(modeKey);
    } catch (err) {
      ctx.showFailure(err);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, modeKey]);
  useEffect(() => {
    void reload();
  }, [reload, store.order, store.loadId]);

  // The lines and columns as the plan holds them now (rebuilt when lines move or are renamed).
  const bands = useMemo(
    () => (mode ? allocationBands(mode, store.rowList(), (id) => store.rows.get(id), store.columns, lang) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [modeKey, store.order, store.columns, lang, loaded],
  );
  // Only the cells the engine lets take shares are typed into.
  const shownBands = useMemo(
    () => bands.map((b) => ({ ...b, cols: b.cols.map((c) => ({ ...c, editable: c.editable && data.editable(c.lineId, c.column) })) })),
    [bands, data, loaded], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const editor = useMemo(
    () =>
      new AllocEditor({
        bridge,
        data,
        t: (k, ...p) => ctxRef.current.t(k, ...p),
        tStored: (k, p) => tStored(ctxRef.current.lang, k, p),
        message: (text, kind) => ctxRef.current.show(text, kind),
        applyPatch: (p) => applyPatch(ctxRef.current, p),
        reload: () => reload(),
        readOnly: () => !!ctxRef.current.store.file?.readOnly,
        unit: () => ctxRef.current.store.meta?.unit ?? 'trieu',
        locale: () => ctxRef.current.store.meta?.numberLocale ?? 'vi-VN',
      }),
    [bridge, data, reload],
  );

  // A unit finding clicked in the panel: its column is shown and the units' sum under its line focused.
  useEffect(
    () =>
      registerFindingTarget('units', (f: Finding) => {
        if (!(f.rule as string).startsWith('unit_') || f.lineId === null || f.column === null) return false;
        const cur = unitsUi.get().mode ?? defaultMode(store);
        if (cur?.kind === 'column' && cur.column === f.column && grid.current?.focusSummary(f.lineId, f.column)) return true;
        unitsUi.set({ mode: { kind: 'column', column: f.column }, focus: { lineId: f.lineId, column: f.column } });
        return true;
      }),
    [store],
  );
  // Ctrl+P and File → In phụ lục… print what is shown: the allocation annex (of the column shown).
  useEffect(() => registerPrintTarget('units', () => unitsUi.set({ dialog: 'print' })), []);
  useEffect(() => {
    const f = ui.focus;
    if (!f || loaded !== modeKey) return;
    // The grid of the new column mounts and gets its API some frames after the data arrived (on a
    // busy machine, a second or more): try each frame for a while.
    const until = performance.now() + 10_000;
    let id = requestAnimationFrame(function tryFocus() {
      if (grid.current?.focusSummary(f.lineId, f.column) || performance.now() > until) unitsUi.set({ focus: null });
      else id = requestAnimationFrame(tryFocus);
    });
    return () => cancelAnimationFrame(id);
  }, [ui.focus, loaded, modeKey]);

  const tree = useMemo(() => new ColumnTree(store.columns), [store.columns]);
  const lines = store.rowList();
  if (!mode) return <div className="pd-alloc pd-alloc-empty">{t('alloc.noLines')}</div>;
  const cols = shownBands.flatMap((b) => b.cols);

  return (
    <div className="pd-alloc" data-alloc-mode={mode.kind} data-alloc-column={mode.kind === 'column' ? mode.column : ''}>
      <div className="pd-alloc-bar" role="toolbar">
        <label>
          {t('alloc.mode')}{' '}
          <select
            data-alloc="mode"
            value={mode.kind}
            onChange={(e) => {
              const kind = e.target.value as AllocMode['kind'];
              if (kind === 'column') unitsUi.set({ mode: defaultMode(store) });
              else {
                const line = lines.find(holdsFigures) ?? lines[0];
                if (line) unitsUi.set({ mode: { kind: 'line', lineId: line.id } });
              }
            }}
          >
            <option value="column">{t('alloc.mode.column')}</option>
            <option value="line">{t('alloc.mode.line')}</option>
          </select>
        </label>
        {mode.kind === 'column' ? (
          <label>
            {t('alloc.column')}{' '}
            <select data-alloc="column" value={mode.column} onChange={(e) => unitsUi.set({ mode: { kind: 'column', column: e.target.value } })}>
              {tree.leaves.map((c) => (
                <option key={c.key} value={c.key}>
                  {fundingColumnName(store.columns, c.key, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('alloc.line')}{' '}
            <select data-alloc="line" value={mode.lineId} onChange={(e) => unitsUi.set({ mode: { kind: 'line', lineId: Number(e.target.value) } })}>
              {lines.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${'\u00a0'.repeat(r.depth * 3)}${r.code} ${r.name}`.slice(0, 90)}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="pd-alloc-actions">
          <button type="button" data-alloc-action="units" onClick={() => unitsUi.set({ dialog: 'units' })}>
            {t('alloc.menu.units')}
          </button>
          <button type="button" data-alloc-action="criteria" disabled={!!store.file?.readOnly} onClick={() => unitsUi.set({ dialog: 'criteria' })}>
            {t('alloc.menu.criteria')}
          </button>
          <button type="button" data-alloc-action="print" disabled={mode.kind !== 'column'} onClick={() => unitsUi.set({ dialog: 'print' })}>
            {t('alloc.menu.print')}
          </button>
        </span>
      </div>
      {loaded !== modeKey ? (
        <div className="pd-alloc-empty">{t('alloc.loading')}</div>
      ) : cols.length === 0 ? (
        <div className="pd-alloc-empty">{t('alloc.noLines')}</div>
      ) : (
        <AllocationGrid
          key={`${modeKey}:${lang}`}
          ref={grid}
          store={store}
          data={data}
          bands={shownBands}
          editor={editor}
          totalColumn={mode.kind === 'column'}
          readOnly={!!store.file?.readOnly}
          onMessage={ctx.show}
          details={details}
          detailVersion={detailVersion}
          onToggleDetail={onToggleDetail}
        />
      )}
    </div>
  );
}
