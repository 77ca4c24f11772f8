// Tools → Compare: any two of the current plan, a saved revision, another plan file. Shows the
// lines that were added, removed or changed, each funding column as A / B / Δ (an AG Grid: a
// comparison of two 100.000-line plans can be long), and exports the whole comparison to Excel.
import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import type { CompareResult, CompareRow, CompareSide, RevisionInfo } from '../../../../shared/commands/history';
import type { DisplayUnit } from '../../../../shared/model';
import { formatAmount, formatSignedAmount } from '../../../../shared/number';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { Dialog } from './Dialog';
import { columnLabel } from './format';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({ fontSize: 14, rowHeight: 28, headerHeight: 30, spacing: 4, wrapperBorderRadius: 0 });

type Choice = string; // 'current' | 'rev:<id>' | 'file'

function sideOf(choice: Choice, filePath: string): CompareSide {
  if (choice === 'current') return { kind: 'current' };
  if (choice.startsWith('rev:')) return { kind: 'revision', id: Number(choice.slice(4)) };
  return { kind: 'file', path: filePath };
}

function choiceOf(side: CompareSide): Choice {
  return side.kind === 'revision' ? `rev:${side.id}` : side.kind;
}

export function CompareDialog({ ctx, onClose, preset }: { ctx: AppContext; onClose: () => void; preset?: { a: CompareSide; b: CompareSide } }) {
  const { t, bridge } = ctx;
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [a, setA] = useState<Choice>(preset ? choiceOf(preset.a) : '');
  const [b, setB] = useState<Choice>(preset ? choiceOf(preset.b) : 'current');
  const [result, setResult] = useState<CompareResult | null>(null);
  const [busy, setBusy] = useState(false);
  const browser = bridge.mode === 'browser';

  useEffect(() => {
    bridge.invoke('history/revisions', {}).then((r) => {
      setRevisions(r.revisions);
      if (!preset) setA((cur) => cur || (r.revisions.length ? `rev:${r.revisions[r.revisions.length - 1].id}` : 'current'));
    }, ctx.showFailure);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);

  const failed = (e: unknown) => {
    if (e instanceof BridgeFailure && e.error.code === 'error.canceled') return;
    ctx.showFailure(e);
  };

  /** A file side: browser mode asks for the path here; Electron's main process shows its dialog. */
  const pathFor = (choice: Choice): string | null => {
    if (choice !== 'file') return '';
    if (!browser) return '';
    return window.prompt(t('history.compare.pickFile'))?.trim() || null;
  };

  const run = async (ca = a, cb = b) => {
    const pa = pathFor(ca);
    const pb = pathFor(cb);
    if (pa === null || pb === null) return;
    setBusy(true);
    try {
      setResult(await bridge.invoke('history/compare', { a: sideOf(ca, pa), b: sideOf(cb, pb) }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (preset) void run(choiceOf(preset.a), choiceOf(preset.b));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const exportXlsx = async () => {
    if (!result) return;
    let path = '';
    if (browser) {
      path = window.prompt(t('history.compare.exportPath'))?.trim() ?? '';
      if (!path) return;
    }
    setBusy(true);
    try {
      const r = await bridge.invoke('history/exportCompare', { a: result.sides.a, b: result.sides.b, path });
      ctx.show(t('history.compare.exported', { rows: r.rows.toLocaleString('vi-VN'), path: r.path }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const options = (
    <>
      <option value="current">{t('history.compare.current')}</option>
      {revisions.map((r) => (
        <option key={r.id} value={`rev:${r.id}`}>
          {r.name}
        </option>
      ))}
      <option value="file">{t('history.compare.file')}</option>
    </>
  );

  const sideName = (s: CompareResult['a']) =>
    `${s.kind === 'current' ? t('history.compare.current') : s.name}${s.docNumber ? ` (${s.docNumber})` : ''}`;

  return (
    <Dialog id="pd-compare" title={t('history.compare.title')} onClose={onClose} wide closeLabel={t('common.close')}>
      <form
        className="pd-hist-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('history.compare.a')}
          <select name="a" value={a} onChange={(e) => setA(e.target.value)} data-autofocus>
            {options}
          </select>
        </label>
        <label>
          {t('history.compare.b')}
          <select name="b" value={b} onChange={(e) => setB(e.target.value)}>
            {options}
          </select>
        </label>
        <button type="submit" className="pd-hist-primary" disabled={busy || !a}>
          {t('history.compare.run')}
        </button>
        <button type="button" onClick={() => void exportXlsx()} disabled={busy || !result}>
          {t('history.compare.export')}
        </button>
      </form>
      {result && (
        <>
          <p className="pd-hist-summary" role="status" data-testid="compare-summary">
            A: {sideName(result.a)} — B: {sideName(result.b)}.{' '}
            {result.totalRows === 0
              ? t('history.compare.same')
              : t('history.compare.summary', {
                  added: result.counts.added.toLocaleString('vi-VN'),
                  removed: result.counts.removed.toLocaleString('vi-VN'),
                  changed: result.counts.changed.toLocaleString('vi-VN'),
                  unchanged: result.counts.unchanged.toLocaleString('vi-VN'),
                })}{' '}
            <span className="pd-hist-hint">{t(`history.compare.match.${result.match}`)}</span>
          </p>
          {result.rows.length < result.totalRows && (
            <p className="pd-hist-warn">{t('history.compare.truncated', { shown: result.rows.length, total: result.totalRows })}</p>
          )}
          <CompareGrid result={result} ctx={ctx} />
          {!!result.shares?.length && <ShareGrid result={result} ctx={ctx} />}
        </>
      )}
    </Dialog>
  );
}

interface GridRow extends CompareRow {
  key: string;
  text: string;
}

function CompareGrid({ result, ctx }: { result: CompareResult; ctx: AppContext }) {
  const { t, lang, store } = ctx;
  const unit = (result.unit || store.meta?.unit || 'trieu') as DisplayUnit;
  const locale = store.meta?.numberLocale ?? 'vi-VN';
  const rows = useMemo<GridRow[]>(
    () =>
      result.rows.map((r, i) => ({
        ...r,
        key: `${i}`,
        text: r.fields.map((f) => `${t(`history.field.${f.field}`)}: "${f.old}" → "${f.new}"`).join('; '),
      })),
    [result, t],
  );
  const totalRow = useMemo<GridRow>(
    () => ({
      key: 'total', status: 'changed', aId: null, bId: null, code: '', name: t('grid.grandTotal'), depth: 0, fields: [], text: '',
      cells: Object.fromEntries(Object.entries(result.totals).filter(([, v]) => v.old !== v.new)),
    }),
    [result, t],
  );
  const columnDefs = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(() => {
    const money = (v: number | null | undefined) => (typeof v === 'number' ? formatAmount(v, unit, locale) : '');
    return [
      {
        colId: 'status', headerName: t('history.compare.status'), width: 110, pinned: 'left',
        valueGetter: (p) => (p.node?.rowPinned ? '' : t(`history.compare.${p.data!.status}`)),
        cellClass: (p) => (p.node.rowPinned ? '' : `pd-hist-${p.data!.status}`),
      },
      { colId: 'code', headerName: t('grid.code'), field: 'code', width: 80, pinned: 'left' },
      {
        colId: 'name', headerName: t('grid.name'), width: 320, pinned: 'left', tooltipField: 'name',
        valueGetter: (p) => `${'\u00a0\u00a0\u00a0'.repeat(p.data!.depth)}${p.data!.name}`,
        cellClass: (p) => (p.data!.depth === 0 ? 'pd-parent' : ''),
      },
      { colId: 'text', headerName: t('history.compare.textChanges'), field: 'text', width: 240, tooltipField: 'text' },
      ...result.columns.map(
        (c): ColGroupDef<GridRow> => ({
          headerName: columnLabel(c.key, result.columns, lang),
          groupId: c.key,
          children: [
            { colId: `${c.key}:a`, headerName: 'A', width: 110, type: 'rightAligned', valueGetter: (p) => p.data!.cells[c.key]?.old ?? null, valueFormatter: (p) => money(p.value) },
            { colId: `${c.key}:b`, headerName: 'B', width: 110, type: 'rightAligned', valueGetter: (p) => p.data!.cells[c.key]?.new ?? null, valueFormatter: (p) => money(p.value) },
            {
              colId: `${c.key}:d`, headerName: t('history.compare.delta'), width: 100, type: 'rightAligned',
              valueGetter: (p) => {
                const cell = p.data!.cells[c.key];
                return cell ? (cell.new ?? 0) - (cell.old ?? 0) : null;
              },
              valueFormatter: (p) => (typeof p.value === 'number' && p.value !== 0 ? formatSignedAmount(p.value, unit, locale) : ''),
              cellClass: (p) => (typeof p.value === 'number' && p.value < 0 ? 'pd-hist-neg' : ''),
            },
          ],
        }),
      ),
    ];
  }, [result, unit, locale, lang, t]);
  return (
    <div className="pd-hist-grid" data-testid="compare-grid">
      <AgGridReact<GridRow>
        theme={theme}
        rowData={rows}
        pinnedBottomRowData={[totalRow]}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.key}
        suppressMovableColumns
        defaultColDef={{ sortable: false, resizable: true }}
      />
    </div>
  );
}

type ShareGridRow = NonNullable<CompareResult['shares']>[number] & { key: string };

/** The units' shares that differ (issue 14): unit, line, funding column, A / B / Δ. */
function ShareGrid({ result, ctx }: { result: CompareResult; ctx: AppContext }) {
  const { t, lang, store } = ctx;
  const unit = (result.unit || store.meta?.unit || 'trieu') as DisplayUnit;
  const locale = store.meta?.numberLocale ?? 'vi-VN';
  const rows = useMemo<ShareGridRow[]>(() => (result.shares ?? []).map((x, i) => ({ ...x, key: `${i}` })), [result]);
  const columnDefs = useMemo<ColDef<ShareGridRow>[]>(() => {
    const money = (v: number | null | undefined) => (typeof v === 'number' ? formatAmount(v, unit, locale) : '');
    return [
      { colId: 'unit', headerName: t('history.compare.shareUnit'), field: 'unit', width: 220, pinned: 'left', tooltipField: 'unit' },
      { colId: 'code', headerName: t('grid.code'), field: 'code', width: 80 },
      { colId: 'name', headerName: t('grid.name'), field: 'name', width: 280, tooltipField: 'name' },
      { colId: 'column', headerName: t('history.compare.shareColumn'), width: 160, valueGetter: (p) => columnLabel(p.data!.column, result.columns, lang) },
      { colId: 'a', headerName: 'A', width: 110, type: 'rightAligned', field: 'old', valueFormatter: (p) => money(p.value) },
      { colId: 'b', headerName: 'B', width: 110, type: 'rightAligned', field: 'new', valueFormatter: (p) => money(p.value) },
      {
        colId: 'd', headerName: t('history.compare.delta'), width: 100, type: 'rightAligned',
        valueGetter: (p) => (p.data!.new ?? 0) - (p.data!.old ?? 0),
        valueFormatter: (p) => (typeof p.value === 'number' && p.value !== 0 ? formatSignedAmount(p.value, unit, locale) : ''),
        cellClass: (p) => (typeof p.value === 'number' && p.value < 0 ? 'pd-hist-neg' : ''),
      },
    ];
  }, [result, unit, locale, lang, t]);
  return (
    <>
      <h3 className="pd-hist-subtitle">{t('history.compare.shares', { count: (result.totalShares ?? rows.length).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') })}</h3>
      <div className="pd-hist-grid pd-hist-shares" data-testid="compare-shares">
        <AgGridReact<ShareGridRow>
          theme={theme}
          rowData={rows}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.key}
          suppressMovableColumns
          defaultColDef={{ sortable: false, resizable: true }}
        />
      </div>
    </>
  );
}
