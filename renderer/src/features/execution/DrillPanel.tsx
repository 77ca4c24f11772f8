// The drill-down panel of the disbursement view (issue 15: "figures drill down to the lines and
// units behind them"): the lines — and the units, where the plan is allocated — behind the report
// figure clicked, each with its plan, disbursed, rate, remaining and in-period figures, and their
// sum, which is that figure (the measure asked is marked). The funding column can be changed in
// place. Clicking a line, or Enter on it, selects that line's cell in the disbursement grid. Read
// from the engine (execution/drill at the date shown and at the date before it, drill-model.ts) and
// read again whenever the report moves (an edit, undo, another date).
import { useEffect, useRef, useState } from 'react';
import { formatRate } from '../../../../shared/execution/model';
import type { DisplayUnit } from '../../../../shared/model';
import { formatAmount, type NumberLocale } from '../../../../shared/number';
import type { PlanDeskBridge } from '../../../../shared/ipc';
import type { AppContext } from '../types';
import { DRILL_MEASURES, drillModel, type DrillFigures, type DrillModel, type DrillRow, type DrillTarget } from './drill-model';

/** Rows drawn at most (the program total of a big plan has one per line); the sum counts them all. */
const MAX_ROWS = 500;

interface Props {
  bridge: PlanDeskBridge;
  t: AppContext['t'];
  dateId: number;
  previousDateId: number | null;
  /** Changes whenever the report shown changes: the panel reads again. */
  version: number;
  target: DrillTarget;
  /** The funding columns to choose from: key and label, in the plan's order. */
  columns: { key: string; label: string }[];
  /** What the figure belongs to: "code name" of the line, or TỔNG CỘNG. */
  lineLabel: string;
  unit: DisplayUnit;
  locale: NumberLocale;
  onTarget: (t: DrillTarget) => void;
  onPick: (row: DrillRow) => void;
  onClose: () => void;
  onFailure: (err: unknown) => void;
}

export function DrillPanel({ bridge, t, dateId, previousDateId, version, target, columns, lineLabel, unit, locale, onTarget, onPick, onClose, onFailure }: Props) {
  const [read, setModel] = useState<DrillModel | null>(null);
  /** Shown only for the figure asked (another one asked: '…' until it is read). */
  const model = read && read.target === target ? read : null;
  const failure = useRef(onFailure);
  failure.current = onFailure;

  // The figure asked is read at once; a report that moves under it (typing, a paste) is read again
  // once the edits pause — the program total's parts are every line of the plan.
  const asked = useRef<DrillTarget | null>(null);
  useEffect(() => {
    let live = true;
    const ask = (id: number) => bridge.invoke('execution/drill', { dateId: id, lineId: target.lineId, column: target.column });
    const read = () =>
      Promise.all([ask(dateId), previousDateId === null ? null : ask(previousDateId)])
        .then(([cur, prev]) => live && setModel(drillModel(target, cur.parts, prev?.parts ?? null)))
        .catch((err) => live && failure.current(err));
    const timer = setTimeout(() => void read(), asked.current === target ? 200 : 0);
    asked.current = target;
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, dateId, previousDateId, version, target]);

  const amount = (v: number, blankZero: boolean) => (blankZero && v === 0 ? '' : formatAmount(v, unit, locale));
  const cell = (f: DrillFigures, k: (typeof DRILL_MEASURES)[number], blankZero: boolean) =>
    k === 'rate' ? formatRate(f.rate, locale) : amount(f[k], blankZero);
  const askedClass = (k: string) => (k === target.measure ? 'pd-drill-asked' : undefined);
  const withUnits = !!model?.rows.some((r) => r.unitId !== null);
  const shown = model ? model.rows.slice(0, MAX_ROWS) : [];
  const columnLabel = columns.find((c) => c.key === target.column)?.label ?? target.column;

  return (
    <aside
      className="pd-exec-drill"
      role="region"
      aria-label={t('execview.drill.title')}
      data-testid="exec-drill"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="pd-exec-drill-head">
        <strong>{t('execview.drill.title')}</strong>
        <button type="button" className="pd-btn" data-action="exec-drill-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <p className="pd-exec-drill-asked">
        {t('execview.drill.asked', { measure: t(`execview.col.${target.measure}`), line: lineLabel, column: columnLabel })}
        {': '}
        <strong data-testid="drill-figure">{model ? (target.measure === 'rate' ? formatRate(model.figure, locale) : amount(model.figure ?? 0, false)) : '…'}</strong>
      </p>
      <label className="pd-exec-drill-column">
        {t('execview.drill.column')}{' '}
        <select value={target.column} onChange={(e) => onTarget({ ...target, column: e.target.value })}>
          {columns.map((c) => (
            <option key={c.key} value={c.key}>{c.label}</option>
          ))}
        </select>
      </label>
      {model && model.rows.length === 0 && <p className="pd-exec-drill-note">{t('execview.drill.none')}</p>}
      {model && model.rows.length > 0 && (
        <>
          <p className="pd-exec-drill-note">{t('execview.drill.hint')}</p>
          <div className="pd-exec-drill-table">
            <table>
              <thead>
                <tr>
                  <th>{t('print.col.code')}</th>
                  <th>{t('print.col.name')}</th>
                  {withUnits && <th>{t('execview.drill.unit')}</th>}
                  {DRILL_MEASURES.map((k) => (
                    <th key={k} className={askedClass(k)}>{t(`execview.col.${k}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr
                    key={r.key}
                    tabIndex={0}
                    data-line-id={r.lineId}
                    data-code={r.code}
                    onClick={() => onPick(r)}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      onPick(r);
                    }}
                  >
                    <td>{r.code}</td>
                    <td title={r.name}>{r.name}</td>
                    {withUnits && <td>{r.unitName ?? ''}</td>}
                    {DRILL_MEASURES.map((k) => (
                      <td key={k} data-measure={k} className={askedClass(k)}>{cell(r, k, true)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="drill-sum">
                  <td />
                  <td>{t('execview.drill.sum')}</td>
                  {withUnits && <td />}
                  {DRILL_MEASURES.map((k) => (
                    <td key={k} data-measure={k} className={askedClass(k)}>{cell(model.sum, k, false)}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          {model.rows.length > MAX_ROWS && (
            <p className="pd-exec-drill-note">
              {t('execview.drill.more', { shown: MAX_ROWS.toLocaleString('vi-VN'), count: model.rows.length.toLocaleString('vi-VN') })}
            </p>
          )}
        </>
      )}
    </aside>
  );
}
