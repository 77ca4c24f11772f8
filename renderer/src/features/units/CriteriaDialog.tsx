// Tools → Phân bổ theo tiêu chí: share an amount (by default the line's figure) of one line and
// funding column among the units in proportion to their scores — typed, or built from the groups
// of a coefficient scheme (a unit in several groups takes its highest) — rounded to whole rounding
// units (triệu đồng by default) so the shares add up exactly. The preview shows each share, which
// units took one more unit from the remainders and why (largest remainder, ties by order); Apply
// writes it as one undo step, and the scores are kept in the file under the scheme's name for next
// year.
import { useEffect, useMemo, useState } from 'react';
import type { UnitRow } from '../../../../shared/commands/units';
import { ColumnTree } from '../../../../shared/columns';
import { parseEntry } from '../../../../shared/formula';
import { UNIT_DONG } from '../../../../shared/model';
import { formatAmount } from '../../../../shared/number';
import { ModalFrame } from '../../app/ModalFrame';
import { FOCUSABLE } from '../../app/modal';
import type { AppContext } from '../types';
import { applyPatch, defaultMode } from './actions';
import { fundingColumnName, holdsFigures } from './alloc-model';
import { DEFAULT_ROUNDING, parseScore, previewAllocation, ROUNDINGS, SCHEME_GROUPS, schemeScore, type CriteriaPreview, type SchemeGroup } from './criteria';
import { unitsUi } from './ui-state';

interface ScoreEntry {
  text: string;
  groups: SchemeGroup[];
}

export default function CriteriaDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store, lang } = ctx;
  const meta = store.meta!;
  const tree = useMemo(() => new ColumnTree(store.columns), [store.columns]);
  const lines = useMemo(() => store.rowList().filter(holdsFigures), [store]);
  const start = unitsUi.get().mode ?? defaultMode(store);
  const [column, setColumn] = useState(start?.kind === 'column' ? start.column : (tree.leaves[0]?.key ?? ''));
  const [lineId, setLineId] = useState<number>(() => {
    if (start?.kind === 'line') return start.lineId;
    return (lines.find((l) => (l.values[column] ?? 0) !== 0) ?? lines[0])?.id ?? 0;
  });
  const figure = store.rows.get(lineId)?.values[column] ?? 0;
  const [amountText, setAmountText] = useState<string | null>(null);
  const [roundTo, setRoundTo] = useState<number>(DEFAULT_ROUNDING);
  const [scheme, setScheme] = useState(() => t('alloc.crit.schemeDefault', { year: meta.year }));
  const [schemes, setSchemes] = useState<string[]>([]);
  const [units, setUnits] = useState<UnitRow[] | null>(null);
  const [scores, setScores] = useState<Record<number, ScoreEntry>>({});
  const [preview, setPreview] = useState<CriteriaPreview | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    bridge
      .invoke('units/list', {})
      .then((r) => {
        if (!live) return;
        setUnits(r.units);
        setSchemes(r.schemes);
      })
      .catch((err) => {
        ctx.showFailure(err);
        if (live) setUnits([]);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);

  /** The scores kept under a scheme (last year's), loaded into the table. */
  const loadScheme = async (name: string) => {
    setScheme(name);
    try {
      const { scores: kept } = await bridge.invoke('units/scores', { scheme: name });
      const next: Record<number, ScoreEntry> = {};
      for (const s of kept) next[s.unitId] = { text: s.score.toLocaleString(meta.numberLocale, { maximumFractionDigits: 6, useGrouping: false }), groups: [] };
      setScores(next);
      setPreview(null);
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  const amountShown = amountText ?? formatAmount(figure, meta.unit, meta.numberLocale);
  const setEntry = (unitId: number, patch: Partial<ScoreEntry>) => {
    setScores((cur) => ({ ...cur, [unitId]: { ...(cur[unitId] ?? { text: '', groups: [] }), ...patch } }));
    setPreview(null);
  };
  const toggleGroup = (unitId: number, g: SchemeGroup, on: boolean) => {
    const groups = new Set(scores[unitId]?.groups ?? []);
    if (on) groups.add(g);
    else groups.delete(g);
    const score = schemeScore(groups);
    setEntry(unitId, { groups: [...groups], text: score ? String(score) : '' });
  };

  /** The amount and scores as typed, or a message saying what is wrong. */
  const read = (): { amount: number; list: { unitId: number; score: number }[] } | string => {
    const parsed = parseEntry(amountShown, meta.unit, meta.numberLocale);
    if (!parsed.ok) return t(`input.${parsed.error}`, { text: amountShown.trim() });
    if (parsed.value === null || parsed.value < 0) return t('alloc.crit.badAmount');
    const list: { unitId: number; score: number }[] = [];
    for (const u of units ?? []) {
      const s = parseScore(scores[u.id]?.text ?? '', meta.numberLocale);
      if (s === 'bad') return t('alloc.crit.badScore', { name: u.name, text: scores[u.id]?.text ?? '' });
      if (s !== null && s > 0) list.push({ unitId: u.id, score: s });
    }
    if (!list.length) return t('alloc.crit.noScores');
    return { amount: parsed.value, list };
  };

  const showPreview = () => {
    const r = read();
    if (typeof r === 'string') return ctx.show(r, 'error');
    const p = previewAllocation(r.amount, r.list, roundTo);
    if (p === 'no_scores') return ctx.show(t('alloc.crit.noScores'), 'error');
    setPreview(p);
  };

  const apply = async () => {
    const r = read();
    if (typeof r === 'string') return ctx.show(r, 'error');
    setBusy(true);
    try {
      const p = await bridge.invoke('units/allocateByCriteria', {
        lineId,
        column,
        amount: r.amount,
        roundTo,
        scores: r.list,
        scheme: scheme.trim() || undefined,
        replace: true,
      });
      await applyPatch(ctx, p);
      ctx.show(t('alloc.crit.done', { count: p.shares.length, amount: formatAmount(p.amount, meta.unit, meta.numberLocale), unit: t(`unit.${meta.unit}`) }));
      onClose();
    } catch (err) {
      ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const unitName = new Map((units ?? []).map((u) => [u.id, u.name]));
  const fmt = (v: number) => formatAmount(v, meta.unit, meta.numberLocale);
  const roundLabel = (r: number) => t('alloc.crit.roundTo', { amount: r.toLocaleString('vi-VN') });

  return (
    <ModalFrame
      id="criteria"
      title={t('alloc.crit.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      classes={{ box: 'pd-dialog pd-crit-dialog' }}
      pickFirst={(box) => box.querySelector<HTMLElement>('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE)}
      footer={
        <>
          <button type="button" className="pd-btn" data-crit-action="preview" disabled={!units} onClick={showPreview}>
            {t('alloc.crit.preview')}
          </button>
          <button type="button" className="pd-btn pd-btn-primary" data-crit-action="apply" disabled={busy || !units || !!store.file?.readOnly} onClick={() => void apply()}>
            {t('alloc.crit.apply')}
          </button>
          <button type="button" className="pd-btn" onClick={onClose}>
            {t('editing.cancel')}
          </button>
        </>
      }
    >
      <div className="pd-crit-form">
        <label>
          {t('alloc.line')}{' '}
          <select data-crit="line" value={lineId} onChange={(e) => (setLineId(Number(e.target.value)), setAmountText(null), setPreview(null))}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {`${l.code} ${l.name}`.slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.column')}{' '}
          <select data-crit="column" value={column} onChange={(e) => (setColumn(e.target.value), setAmountText(null), setPreview(null))}>
            {tree.leaves.map((c) => (
              <option key={c.key} value={c.key}>
                {fundingColumnName(store.columns, c.key, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.crit.amount', { unit: t(`unit.${meta.unit}`) })}{' '}
          <input type="text" data-crit="amount" inputMode="decimal" value={amountShown} onChange={(e) => (setAmountText(e.target.value), setPreview(null))} />
        </label>
        <label>
          {t('alloc.crit.rounding')}{' '}
          <select data-crit="roundTo" value={roundTo} onChange={(e) => (setRoundTo(Number(e.target.value)), setPreview(null))}>
            {ROUNDINGS.map((r) => (
              <option key={r} value={r}>
                {roundLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.crit.scheme')}{' '}
          <input type="text" data-crit="scheme" value={scheme} list="pd-crit-schemes" onChange={(e) => setScheme(e.target.value)} />
          <datalist id="pd-crit-schemes">
            {schemes.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        {schemes.length > 0 && (
          <label>
            {t('alloc.crit.loadScheme')}{' '}
            <select data-crit="loadScheme" value="" onChange={(e) => e.target.value && void loadScheme(e.target.value)}>
              <option value="">—</option>
              {schemes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="pd-units-note">{t('alloc.crit.help')}</p>
      {units === null ? (
        <p>{t('alloc.loading')}</p>
      ) : units.length === 0 ? (
        <p>{t('alloc.units.empty')}</p>
      ) : preview ? (
        <div className="pd-units-scroll" data-crit="preview">
          <p>
            {t('alloc.crit.previewNote', { extras: preview.extras, rounding: roundLabel(roundTo) })}
            {preview.leftover && ` ${t('alloc.crit.leftover', { amount: preview.leftover.value.toLocaleString('vi-VN'), name: unitName.get(preview.leftover.unitId) ?? '' })}`}
          </p>
          <table className="pd-units-table pd-crit-table">
            <thead>
              <tr>
                <th>{t('alloc.col.unit')}</th>
                <th className="pd-num">{t('alloc.crit.col.score')}</th>
                <th className="pd-num">{t('alloc.crit.col.exact')}</th>
                <th className="pd-num">{t('alloc.crit.col.extra')}</th>
                <th className="pd-num">{t('alloc.crit.col.share')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.unitId} data-crit-row={unitName.get(r.unitId)}>
                  <td>{unitName.get(r.unitId)}</td>
                  <td className="pd-num">{r.score.toLocaleString(meta.numberLocale)}</td>
                  <td className="pd-num">{(r.exact / UNIT_DONG[meta.unit]).toLocaleString(meta.numberLocale, { maximumFractionDigits: 3 })}</td>
                  <td className={`pd-num${r.extra ? ' pd-crit-extra' : ''}`}>{r.extra ? t('alloc.crit.extraYes', { rank: r.rank + 1 }) : ''}</td>
                  <td className="pd-num" data-crit-share="">{fmt(r.value)}</td>
                </tr>
              ))}
              <tr className="pd-crit-sum">
                <td>{t('alloc.row.sum')}</td>
                <td />
                <td />
                <td />
                <td className="pd-num" data-crit-total="">{fmt(preview.total)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        <div className="pd-units-scroll">
          <table className="pd-units-table pd-crit-table">
            <thead>
              <tr>
                <th>{t('alloc.col.unit')}</th>
                {SCHEME_GROUPS.map((g) => (
                  <th key={g.id} title={t(`alloc.crit.group.${g.id}`)}>
                    {t(`alloc.crit.group.${g.id}`)} ({g.coefficient})
                  </th>
                ))}
                <th className="pd-num">{t('alloc.crit.col.score')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} data-crit-unit={u.name}>
                  <td style={{ paddingLeft: `${6 + u.depth * 18}px` }}>{u.name}</td>
                  {SCHEME_GROUPS.map((g) => (
                    <td key={g.id}>
                      <input
                        type="checkbox"
                        aria-label={`${u.name}: ${t(`alloc.crit.group.${g.id}`)}`}
                        checked={scores[u.id]?.groups.includes(g.id) ?? false}
                        onChange={(e) => toggleGroup(u.id, g.id, e.target.checked)}
                      />
                    </td>
                  ))}
                  <td className="pd-num">
                    <input
                      type="text"
                      inputMode="decimal"
                      size={8}
                      data-crit-score=""
                      aria-label={`${u.name}: ${t('alloc.crit.col.score')}`}
                      value={scores[u.id]?.text ?? ''}
                      onChange={(e) => setEntry(u.id, { text: e.target.value, groups: [] })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview && (
        <button type="button" className="pd-btn" onClick={() => setPreview(null)}>
          {t('alloc.crit.backToScores')}
        </button>
      )}
    </ModalFrame>
  );
}
