// The execution view in the plan grid's place (tab "Giải ngân", View menu): the cycle's reporting
// dates (add 30/6, 30/9, 31/12, 31/1 of next year or any date, with its kind, due date and pace %;
// delete one, saying how many figures go), the grid of disbursed figures per line × funding column
// for the date chosen with its report (plan, disbursed, rate, remaining, in the period; TỔNG CỘNG
// live), and the report's charts beside it. Export to Excel and the print preview are in the
// toolbar. Every change is an engine command, one undo step; undo and redo re-read the view.
// A report figure drills down (double-click, Enter, or the right-click menu's "Xem chi tiết") to
// the lines and units behind it, in a panel in the charts' place (DrillPanel).
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ColumnTree, shortLabel } from '../../../../shared/columns';
import { REPORT_KINDS, type ReportKind } from '../../../../shared/execution/model';
import { tStored } from '../../../../shared/i18n';
import type { Patch } from '../../../../shared/ipc';
import { reportCharts } from '../../../../shared/print/execution-charts';
import { chartSourceOf, reportColumns, viDate } from '../../../../shared/print/execution-report';
import { BridgeFailure } from '../../bridge';
import { GridContextMenu, type ContextMenuState } from '../../grid/GridContextMenu';
import type { AppContext } from '../types';
import { executionData } from './exec-data';
import { ExecEditor, type FigureCol } from './exec-editor';
import { ExecutionGrid } from './ExecutionGrid';
import { DrillPanel } from './DrillPanel';
import { drillTargetOf, gridCellOf, type DrillTarget } from './drill-model';
import { ReportChartView } from './ReportCharts';
import { execUi } from './ui-state';
import './execution.css';

/** The usual as-of dates of a plan year: 30/6, 30/9, 31/12 and 31/1 of the next year. */
export function presetDates(year: number): { asOf: string; kind: ReportKind }[] {
  return [
    { asOf: `${year}-06-30`, kind: 'h1' },
    { asOf: `${year}-09-30`, kind: 'm9' },
    { asOf: `${year}-12-31`, kind: 'year' },
    { asOf: `${year + 1}-01-31`, kind: 'year_adjusted' },
  ];
}

/** Apply a command's patch through the plan grid (its totals and findings), marking it as the view's own. */
let ownPatch = false;
export function applyOwnPatch(ctx: AppContext, p: Patch): void {
  ownPatch = true;
  try {
    ctx.store.apply(p);
  } finally {
    ownPatch = false;
  }
}

export function ExecutionView({ ctx }: { ctx: AppContext }) {
  const { store, t, bridge, lang } = ctx;
  useSyncExternalStore(store.subscribe, store.getVersion);
  const data = executionData;
  const version = useSyncExternalStore(data.subscribe as (l: () => void) => () => void, () => data.version);
  const meta = store.meta;
  const readOnly = !!store.file?.readOnly;
  const [adding, setAdding] = useState(false);

  const reload = useCallback(async (dateId?: number | null) => {
    try {
      await data.load(bridge, dateId);
    } catch (err) {
      ctx.showFailure(err);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);
  useEffect(() => {
    void reload();
  }, [reload, store.order, store.loadId, store.columns]);
  // Undo, redo, an import or a date changed elsewhere: the execution side moved — read it again.
  useEffect(() => store.onPatch((p) => {
    if (!ownPatch && p.execution) void reload();
  }), [store, reload]);

  const tree = useMemo(() => new ColumnTree(store.columns), [store.columns]);
  const cols: FigureCol[] = useMemo(
    () =>
      tree.leaves.map((c) => {
        const parent = c.parent ? tree.byKey.get(c.parent) : undefined;
        return { key: c.key, label: parent && parent.parent !== null ? `${shortLabel(parent, lang)} ${shortLabel(c, lang)}` : shortLabel(c, lang) };
      }),
    [tree, lang],
  );
  const rootKey = reportColumns(store.columns)[0]?.key ?? 'total';
  // Every funding column, named by its path below the root (the drill-down panel's choice).
  const drillCols = useMemo(
    () =>
      tree.ordered.map((c) => {
        const path = [...tree.ancestors(c.key).reverse().map((k) => tree.byKey.get(k)!), c];
        const named = path.length > 1 ? path.filter((x) => x.key !== tree.root?.key) : path;
        return { key: c.key, label: named.map((x) => shortLabel(x, lang)).join(' – ') };
      }),
    [tree, lang],
  );

  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const editor = useMemo(
    () =>
      new ExecEditor({
        bridge,
        data,
        t: (k, ...p) => ctxRef.current.t(k, ...p),
        tStored: (k, p) => tStored(ctxRef.current.lang, k, p),
        message: (text, kind) => ctxRef.current.show(text, kind),
        applyPatch: (p) => applyOwnPatch(ctxRef.current, p),
        reload: () => reload(),
        readOnly: () => !!ctxRef.current.store.file?.readOnly,
        unit: () => ctxRef.current.store.meta?.unit ?? 'trieu',
        locale: () => ctxRef.current.store.meta?.numberLocale ?? 'vi-VN',
      }),
    [bridge, data, reload],
  );

  const charts = useMemo(() => {
    if (!data.view || !meta) return [];
    return reportCharts(chartSourceOf(data.view, meta, store.columns, data.dateTotals, data.units, lang), lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, meta, store.columns, lang]);

  const date = data.date;
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      if (!(err instanceof BridgeFailure && err.error.code === 'error.canceled')) ctx.showFailure(err);
    }
  };
  const updateDate = (patch: { due?: string | null; paceMinPercent?: number | null; kind?: ReportKind }) =>
    run(async () => {
      if (!date) return;
      applyOwnPatch(ctx, await bridge.invoke('execution/updateDate', { id: date.id, ...patch }));
      await reload(date.id);
    });
  const deleteDate = () =>
    run(async () => {
      if (!date) return;
      const { figures } = await bridge.invoke('execution/dateImpact', { id: date.id });
      if (!window.confirm(t('execview.delete.confirm', { date: viDate(date.asOf), count: figures }))) return;
      applyOwnPatch(ctx, await bridge.invoke('execution/deleteDate', { id: date.id }));
      await reload(null);
    });
  const exportXlsx = () =>
    run(async () => {
      if (!date) return;
      const suggestion = `${(store.file?.name ?? 'ke-hoach').replace(/\.plandesk$/i, '')} - giai ngan ${date.asOf}.xlsx`;
      const path = bridge.mode === 'browser' ? window.prompt(t('execview.export.prompt'), suggestion)?.trim() : suggestion;
      if (!path) return;
      const r = await bridge.invoke('execrep/exportXlsx', { dateId: date.id, path });
      ctx.show(t('execview.export.done', { name: r.name }));
    });

  // ---- drill-down: double-click or Enter on a report figure, or the right-click menu ------------
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [menu, setMenu] = useState<(ContextMenuState & { target: DrillTarget }) | null>(null);
  const selectCell = useRef<((lineId: number, colId: string) => void) | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  // A line gone from the plan (deleted, another file): its panel closes.
  useEffect(() => {
    if (drill?.lineId != null && !data.rowOf(drill.lineId)) setDrill(null);
  }, [drill, data, version]);
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    /** The report figure under an event, and whether its cell is typed into (then the grid keeps Enter and double-click). */
    const figureAt = (x: EventTarget | null): { target: DrillTarget; typed: boolean } | null => {
      if (!(x instanceof Element) || x.closest('input, textarea, .ag-cell-inline-editing')) return null;
      const cell = x.closest('.pd-exec-grid .ag-cell[col-id]');
      const row = cell?.closest('.ag-row[row-id]');
      if (!cell || !row) return null;
      const total = !!row.closest('.ag-floating-top, .ag-grid-pinned-top-rows');
      const colId = cell.getAttribute('col-id') ?? '';
      const target = drillTargetOf(colId, total ? 'total' : (row.getAttribute('row-id') ?? ''), rootKey);
      if (!target) return null;
      const typed = colId.startsWith('fig:') && target.lineId !== null && !readOnly && !!data.rowOf(target.lineId)?.holds;
      return { target, typed };
    };
    const onDouble = (e: MouseEvent) => {
      const f = figureAt(e.target);
      if (!f || f.typed) return;
      e.preventDefault();
      setDrill(f.target);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const f = figureAt(e.target);
      if (!f || f.typed) return;
      // Before the grid (capture): Enter on a figure no one types into opens it, not the row below.
      e.preventDefault();
      e.stopPropagation();
      setDrill(f.target);
    };
    const onMenu = (e: MouseEvent) => {
      const f = figureAt(e.target);
      if (!f) return;
      e.preventDefault();
      setMenu({ x: e.clientX, y: e.clientY, target: f.target, items: [{ id: 'exec-drill', label: ctxRef.current.t('execview.drill.open') }] });
    };
    el.addEventListener('dblclick', onDouble, true);
    el.addEventListener('keydown', onKey, true);
    el.addEventListener('contextmenu', onMenu, true);
    return () => {
      el.removeEventListener('dblclick', onDouble, true);
      el.removeEventListener('keydown', onKey, true);
      el.removeEventListener('contextmenu', onMenu, true);
    };
  }, [rootKey, readOnly, data, data.dateId]);

  if (!meta) return null;
  return (
    <div className="pd-exec-view" data-exec-view="">
      <div className="pd-exec-toolbar" role="toolbar" aria-label={t('execview.tab')}>
        <label>
          {t('execview.date')}{' '}
          <select
            data-testid="exec-date"
            value={date?.id ?? ''}
            onChange={(e) => void reload(Number(e.target.value))}
            disabled={data.dates.length === 0}
          >
            {data.dates.length === 0 && <option value="">{t('execview.noDates')}</option>}
            {data.dates.map((d) => (
              <option key={d.id} value={d.id}>
                {viDate(d.asOf)} — {t(`execution.kind.${d.kind}`)}
              </option>
            ))}
          </select>
        </label>
        {date && (
          <>
            <label>
              {t('execview.kind')}{' '}
              <select value={date.kind} disabled={readOnly} onChange={(e) => void updateDate({ kind: e.target.value as ReportKind })}>
                {REPORT_KINDS.map((k) => (
                  <option key={k} value={k}>{t(`execution.kind.${k}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {t('execview.due')}{' '}
              <input type="date" value={date.due ?? ''} disabled={readOnly} onChange={(e) => void updateDate({ due: e.target.value || null })} />
            </label>
            <PaceInput value={date.paceMinPercent} disabled={readOnly} label={t('execview.pace')} onCommit={(v) => void updateDate({ paceMinPercent: v })} />
          </>
        )}
        <span className="pd-exec-spacer" />
        <button type="button" className="pd-btn" data-action="exec-add-date" disabled={readOnly} onClick={() => setAdding(true)}>
          {t('execview.add')}
        </button>
        <button type="button" className="pd-btn" data-action="exec-delete-date" disabled={readOnly || !date} onClick={() => void deleteDate()}>
          {t('execview.delete')}
        </button>
        <button type="button" className="pd-btn" data-action="exec-import" disabled={readOnly} onClick={() => ctx.run('execution.import')}>
          {t('execimport.menu')}
        </button>
        <button type="button" className="pd-btn" data-action="exec-export" disabled={!date} onClick={() => void exportXlsx()}>
          {t('execview.export')}
        </button>
        <button type="button" className="pd-btn" data-action="exec-preview" disabled={!date} onClick={() => execUi.set({ preview: true })}>
          {t('execview.preview')}
        </button>
      </div>
      {adding && (
        <AddDateForm
          ctx={ctx}
          year={meta.year}
          taken={new Set(data.dates.map((d) => d.asOf))}
          onClose={() => setAdding(false)}
          onAdded={(id) => {
            setAdding(false);
            void reload(id);
          }}
        />
      )}
      {date ? (
        <div className="pd-exec-body" ref={body}>
          <ExecutionGrid key={date.id} store={store} data={data} cols={cols} rootKey={rootKey} editor={editor} readOnly={readOnly} onMessage={ctx.show} selectCell={selectCell} />
          {drill ? (
            <DrillPanel
              bridge={bridge}
              t={t}
              dateId={date.id}
              previousDateId={data.view?.previous?.id ?? null}
              version={version}
              target={drill}
              columns={drillCols}
              lineLabel={drill.lineId === null ? t('print.grandTotal') : `${data.rowOf(drill.lineId)?.code ?? ''} ${data.rowOf(drill.lineId)?.name ?? ''}`.trim()}
              unit={meta.unit}
              locale={meta.numberLocale}
              onTarget={setDrill}
              onPick={(r) => selectCell.current?.(r.lineId, gridCellOf(drill, rootKey, (k) => tree.leafKeysUnder.get(k) ?? [k]))}
              onClose={() => setDrill(null)}
              onFailure={(err) => {
                ctx.showFailure(err);
                setDrill(null);
              }}
            />
          ) : (
            <aside className="pd-exec-charts" aria-label={t('execrep.chart.sheet')}>
              {charts.map((c) => (
                <ReportChartView key={c.id} chart={c} locale={meta.numberLocale} />
              ))}
            </aside>
          )}
          <GridContextMenu menu={menu} onClose={closeMenu} onRun={() => menu && setDrill(menu.target)} />
        </div>
      ) : (
        <p className="pd-exec-empty">{t('execview.empty')}</p>
      )}
    </div>
  );
}

function PaceInput({ value, disabled, label, onCommit }: { value: number | null; disabled: boolean; label: string; onCommit: (v: number | null) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value).replace('.', ','));
  useEffect(() => setText(value === null ? '' : String(value).replace('.', ',')), [value]);
  const commit = () => {
    const s = text.trim().replace(',', '.');
    const v = s === '' ? null : Number(s);
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > 1000)) return;
    if (v !== value) onCommit(v);
  };
  return (
    <label>
      {label}{' '}
      <input className="pd-exec-pace" inputMode="decimal" value={text} disabled={disabled} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </label>
  );
}

function AddDateForm({ ctx, year, taken, onClose, onAdded }: { ctx: AppContext; year: number; taken: Set<string>; onClose: () => void; onAdded: (id: number) => void }) {
  const { t, bridge } = ctx;
  const presets = presetDates(year).filter((p) => !taken.has(p.asOf));
  const [asOf, setAsOf] = useState(presets[0]?.asOf ?? '');
  const [kind, setKind] = useState<ReportKind>(presets[0]?.kind ?? 'other');
  const [due, setDue] = useState('');
  const [pace, setPace] = useState('');
  const add = async () => {
    const p = pace.trim().replace(',', '.');
    const paceMinPercent = p === '' ? null : Number(p);
    if (!asOf || (paceMinPercent !== null && !Number.isFinite(paceMinPercent))) {
      ctx.show(t('execview.add.invalid'), 'error');
      return;
    }
    try {
      const r = await bridge.invoke('execution/addDate', { asOf, kind, due: due || null, paceMinPercent });
      applyOwnPatch(ctx, r);
      onAdded(r.id);
    } catch (err) {
      ctx.showFailure(err);
    }
  };
  return (
    <div className="pd-exec-add" role="group" aria-label={t('execview.add')}>
      {presets.map((p) => (
        <button key={p.asOf} type="button" className="pd-btn" data-preset={p.asOf} onClick={() => { setAsOf(p.asOf); setKind(p.kind); }}>
          {viDate(p.asOf)}
        </button>
      ))}
      <label>
        {t('execview.asOf')} <input type="date" data-testid="exec-new-date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </label>
      <label>
        {t('execview.kind')}{' '}
        <select data-testid="exec-new-kind" value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>{t(`execution.kind.${k}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('execview.due')} <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <label>
        {t('execview.pace')} <input className="pd-exec-pace" data-testid="exec-new-pace" inputMode="decimal" value={pace} onChange={(e) => setPace(e.target.value)} />
      </label>
      <button type="button" className="pd-btn pd-btn-primary" data-action="exec-add-confirm" onClick={() => void add()}>
        {t('execview.add.confirm')}
      </button>
      <button type="button" className="pd-btn" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
