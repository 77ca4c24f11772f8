// Tools → Đơn vị thực hiện: the cycle's units as a tree (indented), each with its name, kind and
// code edited in place; add a unit or a sub-unit, indent or outdent one, delete (after saying how
// much of the plan it holds), merge one into another (2025 mergers: shares summed, one undo step),
// and "Lấy từ cơ quan chủ trì": the units the lines' lead agencies name, offered with checkboxes — a
// collective ("UBND các huyện, thành phố") asks which units it means. Every change is one engine
// command, so one undo step; the list is read again after each.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AgencySuggestion, UnitRow } from '../../../../shared/commands/units';
import { ColumnTree } from '../../../../shared/columns';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/model';
import { formatAmount } from '../../../../shared/number';
import { guessUnitKind } from '../../../../shared/units/names';
import { ModalFrame } from '../../app/ModalFrame';
import { FOCUSABLE } from '../../app/modal';
import { ConfirmDialog, type ConfirmRequest } from '../../grid/ConfirmDialog';
import type { AppContext } from '../types';
import { applyPatch } from './actions';
import { suggestionPicks, type SuggestionChoice } from './units-form';

/** Rows rendered before "show more" (a country-wide list has 3.300 units). */
const PAGE = 300;

export default function UnitsDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store } = ctx;
  const readOnly = !!store.file?.readOnly;
  const [units, setUnits] = useState<UnitRow[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [mergeInto, setMergeInto] = useState<number | ''>('');
  const [suggest, setSuggest] = useState<{ list: AgencySuggestion[]; choice: SuggestionChoice[] } | null>(null);
  const [confirm, setConfirm] = useState<{ req: ConfirmRequest; answer: (id: string | null) => void } | null>(null);
  const ask = (req: ConfirmRequest) => new Promise<string | null>((resolve) => setConfirm({ req, answer: resolve }));

  const load = useCallback(async () => {
    try {
      setUnits((await bridge.invoke('units/list', {})).units);
    } catch (err) {
      ctx.showFailure(err);
      setUnits([]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);
  useEffect(() => {
    void load();
  }, [load, store.undo]);

  /** Run a command that changes the plan: its patch applied, the list read again. */
  const run = async <P extends Parameters<typeof applyPatch>[1]>(fn: () => Promise<P>): Promise<P | null> => {
    try {
      const p = await fn();
      await applyPatch(ctx, p);
      await load();
      return p;
    } catch (err) {
      ctx.showFailure(err);
      return null;
    }
  };

  const byId = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  const sel = selected === null ? undefined : byId.get(selected);
  const visible = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase('vi');
    return (units ?? []).filter((u) => !f || u.name.toLocaleLowerCase('vi').includes(f) || u.code.toLocaleLowerCase('vi').includes(f));
  }, [units, filter]);

  /** Add the name typed in the box: beside the selected unit, or under it (a sub-unit). */
  const [newName, setNewName] = useState('');
  const add = async (child: boolean) => {
    const name = newName.trim();
    if (!name) return ctx.show(t('alloc.units.nameFirst'), 'error');
    const parentId = child ? (sel?.id ?? null) : (sel?.parentId ?? null);
    const p = await run(() => bridge.invoke('units/add', { name, kind: guessUnitKind(name), parentId }));
    if (p) {
      setSelected(p.unitId);
      setNewName('');
    }
  };

  const update = (u: UnitRow, fields: { name?: string; kind?: UnitKind; code?: string }) => {
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => fields[k] !== undefined && fields[k] !== u[k]);
    if (!changed || readOnly) return;
    void run(() => bridge.invoke('units/update', { unitId: u.id, ...fields }));
  };

  /** Indent: under the unit above at the same level (last among its sub-units); outdent: after its parent. */
  const move = (dir: 'in' | 'out') => {
    if (!sel || !units) return;
    if (dir === 'in') {
      const siblings = units.filter((u) => u.parentId === sel.parentId);
      const i = siblings.findIndex((u) => u.id === sel.id);
      if (i <= 0) return;
      const target = siblings[i - 1];
      const position = units.filter((u) => u.parentId === target.id).length;
      void run(() => bridge.invoke('units/update', { unitId: sel.id, parentId: target.id, position }));
    } else {
      const parent = sel.parentId === null ? undefined : byId.get(sel.parentId);
      if (!parent) return;
      void run(() => bridge.invoke('units/update', { unitId: sel.id, parentId: parent.parentId, position: parent.position + 1 }));
    }
  };

  /** The shares a unit (and those under it) hold, in the plan's unit: said before it goes. */
  const heldBy = async (ids: number[]): Promise<number> => {
    const { units: totals } = await bridge.invoke('units/totals', {});
    const leaves = new ColumnTree(store.columns).leaves.map((c) => c.key);
    const want = new Set(ids);
    return totals.filter((u) => want.has(u.unitId)).reduce((s, u) => s + leaves.reduce((a, k) => a + (u.totals[k] ?? 0), 0), 0);
  };
  const subtree = (id: number): number[] => [id, ...(units ?? []).filter((u) => u.parentId === id).flatMap((u) => subtree(u.id))];

  const remove = async () => {
    if (!sel) return;
    const ids = subtree(sel.id);
    let amount = 0;
    try {
      amount = await heldBy(ids);
    } catch (err) {
      return ctx.showFailure(err);
    }
    const unit = store.meta!.unit;
    const answer = await ask({
      title: t('alloc.units.delete.title'),
      paragraphs: [
        ids.length > 1 ? t('alloc.units.delete.many', { name: sel.name, count: ids.length - 1 }) : t('alloc.units.delete.one', { name: sel.name }),
        amount
          ? t('alloc.units.delete.money', { amount: formatAmount(amount, unit, store.meta!.numberLocale), unit: t(`unit.${unit}`) })
          : t('alloc.units.delete.noMoney'),
        t('editing.delete.undoHint'),
      ],
      buttons: [
        { id: 'delete', label: t('editing.delete.confirm'), kind: 'danger' },
        { id: 'cancel', label: t('editing.cancel') },
      ],
    });
    if (answer !== 'delete') return;
    const p = await run(() => bridge.invoke('units/delete', { unitIds: [sel.id] }));
    if (p) {
      setSelected(null);
      ctx.show(t('alloc.units.deleted', { count: p.deleted }));
    }
  };

  const merge = async () => {
    const into = mergeInto === '' ? undefined : byId.get(mergeInto);
    if (!sel || !into || into.id === sel.id) return;
    const answer = await ask({
      title: t('alloc.units.merge.title'),
      paragraphs: [t('alloc.units.merge.text', { from: sel.name, into: into.name }), t('editing.delete.undoHint')],
      buttons: [
        { id: 'merge', label: t('alloc.units.merge.confirm'), kind: 'primary' },
        { id: 'cancel', label: t('editing.cancel') },
      ],
    });
    if (answer !== 'merge') return;
    const p = await run(() => bridge.invoke('units/merge', { from: sel.id, into: into.id }));
    if (p) {
      setSelected(into.id);
      setMergeInto('');
      const unit = store.meta!.unit;
      ctx.show(t('alloc.units.merged', { from: sel.name, into: into.name, amount: formatAmount(p.amount, unit, store.meta!.numberLocale), unit: t(`unit.${unit}`) }));
    }
  };

  const openSuggestions = async () => {
    try {
      const { suggestions } = await bridge.invoke('units/suggestFromAgencies', {});
      setSuggest({ list: suggestions, choice: suggestions.map((s) => ({ checked: s.unitId === null && !s.needsChoice, names: '' })) });
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  const addSuggested = async () => {
    if (!suggest) return;
    const picks = suggestionPicks(suggest.list, suggest.choice);
    if (!picks.length) return setSuggest(null);
    const p = await run(() => bridge.invoke('units/addMany', { units: picks }));
    if (!p) return;
    setSuggest(null);
    const parts = [t('alloc.units.added', { count: p.unitIds.length })];
    if (p.matched.length) parts.push(t('alloc.units.matched', { count: p.matched.length, names: p.matched.slice(0, 3).map((m) => m.name).join('; ') }));
    ctx.show(parts.join(' '));
  };

  const kindSelect = (value: UnitKind, onChange: (k: UnitKind) => void, label: string) => (
    <select value={value} aria-label={label} disabled={readOnly} onChange={(e) => onChange(e.target.value as UnitKind)}>
      {UNIT_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`units.kind.${k}`)}
        </option>
      ))}
    </select>
  );

  const footer = (
    <button type="button" className="pd-btn pd-btn-primary" onClick={onClose}>
      {t('common.close')}
    </button>
  );

  return (
    <ModalFrame
      id="units"
      title={t('alloc.units.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={footer}
      classes={{ box: 'pd-dialog pd-units-dialog' }}
      pickFirst={(box) => box.querySelector<HTMLElement>('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE)}
    >
      {suggest ? (
        <div data-units="suggestions">
          <p className="pd-units-note">{t('alloc.units.suggest.intro')}</p>
          {suggest.list.length === 0 && <p>{t('alloc.units.suggest.none')}</p>}
          <div className="pd-units-scroll">
            <table className="pd-units-table">
              <thead>
                <tr>
                  <th />
                  <th>{t('alloc.units.col.name')}</th>
                  <th>{t('alloc.units.col.kind')}</th>
                  <th>{t('alloc.units.col.lines')}</th>
                </tr>
              </thead>
              <tbody>
                {suggest.list.map((s, i) => {
                  const c = suggest.choice[i];
                  const set = (patch: Partial<SuggestionChoice>) =>
                    setSuggest((cur) => cur && { ...cur, choice: cur.choice.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                  return (
                    <tr key={i} data-suggestion={s.name}>
                      <td>
                        <input type="checkbox" aria-label={s.name} checked={c.checked} disabled={s.unitId !== null} onChange={(e) => set({ checked: e.target.checked })} />
                      </td>
                      <td>
                        {s.name}
                        {s.unitId !== null && <div className="pd-units-note">{t('alloc.units.suggest.exists')}</div>}
                        {s.spellings.length > 0 && <div className="pd-units-note">{t('alloc.units.suggest.spellings', { names: s.spellings.join('; ') })}</div>}
                        {s.needsChoice && c.checked && (
                          <label className="pd-units-note">
                            {t('alloc.units.suggest.which')}
                            <textarea
                              data-suggestion-names=""
                              rows={4}
                              value={c.names}
                              onChange={(e) => set({ names: e.target.value })}
                              onKeyDown={(e) => e.key === 'Enter' && e.stopPropagation()}
                            />
                          </label>
                        )}
                      </td>
                      <td>{s.needsChoice ? t('alloc.units.suggest.collective') : t(`units.kind.${s.kind}`)}</td>
                      <td>{s.lines.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="pd-units-tools">
            <button type="button" className="pd-btn pd-btn-primary" data-units-action="addSuggested" disabled={readOnly} onClick={() => void addSuggested()}>
              {t('alloc.units.suggest.add')}
            </button>
            <button type="button" className="pd-btn" onClick={() => setSuggest(null)}>
              {t('editing.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div data-units="list">
          <div className="pd-units-tools">
            <input
              type="text"
              data-units="newName"
              placeholder={t('alloc.units.newName')}
              aria-label={t('alloc.units.newName')}
              value={newName}
              readOnly={readOnly}
              onChange={(e) => setNewName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                void add(false);
              }}
            />
            <button type="button" className="pd-btn" data-units-action="add" disabled={readOnly} onClick={() => void add(false)}>
              {t('alloc.units.add')}
            </button>
            <button type="button" className="pd-btn" data-units-action="addChild" disabled={readOnly || !sel} onClick={() => void add(true)}>
              {t('alloc.units.addChild')}
            </button>
            <button type="button" className="pd-btn" data-units-action="indent" disabled={readOnly || !sel} onClick={() => move('in')}>
              {t('alloc.units.indent')}
            </button>
            <button type="button" className="pd-btn" data-units-action="outdent" disabled={readOnly || !sel || sel.parentId === null} onClick={() => move('out')}>
              {t('alloc.units.outdent')}
            </button>
            <button type="button" className="pd-btn" data-units-action="delete" disabled={readOnly || !sel} onClick={() => void remove()}>
              {t('alloc.units.delete')}
            </button>
            <button type="button" className="pd-btn" data-units-action="suggest" disabled={readOnly} onClick={() => void openSuggestions()}>
              {t('alloc.units.suggest')}
            </button>
          </div>
          <div className="pd-units-tools">
            <input type="search" placeholder={t('alloc.units.filter')} aria-label={t('alloc.units.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
            {sel && (
              <span>
                {t('alloc.units.mergeLabel', { name: sel.name })}{' '}
                <select data-units="mergeInto" value={mergeInto} disabled={readOnly} onChange={(e) => setMergeInto(e.target.value === '' ? '' : Number(e.target.value))}>
                  <option value="">—</option>
                  {(units ?? [])
                    .filter((u) => u.id !== sel.id)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>{' '}
                <button type="button" className="pd-btn" data-units-action="merge" disabled={readOnly || mergeInto === ''} onClick={() => void merge()}>
                  {t('alloc.units.merge')}
                </button>
              </span>
            )}
          </div>
          {units === null ? (
            <p>{t('alloc.loading')}</p>
          ) : units.length === 0 ? (
            <p>{t('alloc.units.empty')}</p>
          ) : (
            <div className="pd-units-scroll">
              <table className="pd-units-table">
                <thead>
                  <tr>
                    <th>{t('alloc.units.col.name')}</th>
                    <th>{t('alloc.units.col.kind')}</th>
                    <th>{t('alloc.units.col.code')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.slice(0, shown).map((u) => (
                    <tr key={`${u.id}:${u.name}:${u.code}`} data-unit={u.name} className={u.id === selected ? 'pd-units-row-selected' : undefined} onFocus={() => setSelected(u.id)} onClick={() => setSelected(u.id)}>
                      <td style={{ paddingLeft: `${6 + u.depth * 18}px` }}>
                        <input
                          type="text"
                          aria-label={t('alloc.units.col.name')}
                          defaultValue={u.name}
                          readOnly={readOnly}
                          onBlur={(e) => e.target.value.trim() && update(u, { name: e.target.value.trim() })}
                          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), (e.target as HTMLInputElement).blur())}
                        />
                      </td>
                      <td>{kindSelect(u.kind, (kind) => update(u, { kind }), t('alloc.units.col.kind'))}</td>
                      <td>
                        <input
                          type="text"
                          aria-label={t('alloc.units.col.code')}
                          defaultValue={u.code}
                          readOnly={readOnly}
                          onBlur={(e) => update(u, { code: e.target.value.trim() })}
                          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), (e.target as HTMLInputElement).blur())}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {visible.length > shown && (
                <button type="button" className="pd-btn" onClick={() => setShown((n) => n + PAGE)}>
                  {t('alloc.units.more', { count: visible.length - shown })}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      <ConfirmDialog
        request={confirm?.req ?? null}
        onAnswer={(id) => {
          confirm?.answer(id);
          setConfirm(null);
        }}
      />
    </ModalFrame>
  );
}
