// The "Cột nguồn vốn…" dialog: the cycle's funding-column tree with add (after the selected column
// or under it), rename and roles, move up / down, indent / outdent and delete — each one engine
// command, so one undo step; a delete first says how much money and how many cells go with the
// column (columns/impact) and asks. The grid's header follows the patch (the plan is read again).
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { COLUMN_LABEL_MAX, type ColumnImpact } from '../../../../shared/commands/columns';
import { ColumnTree } from '../../../../shared/columns';
import type { CommandArgs, Patch } from '../../../../shared/ipc';
import type { CapitalType, FundSource, FundingColumn } from '../../../../shared/model';
import { ModalFrame } from '../../app/ModalFrame';
import type { AppContext } from '../types';
import { impactText, moveArgs, type MoveKind } from './column-edits';
import './columns.css';

type ColumnCommand = 'columns/add' | 'columns/update' | 'columns/move' | 'columns/delete';
const SOURCES: FundSource[] = ['central', 'local', 'other'];
const CAPITALS: CapitalType[] = ['investment', 'recurrent'];

export function ColumnsDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { store, t, lang } = ctx;
  useSyncExternalStore(store.subscribe, store.getVersion);
  const columns = store.columns;
  const tree = useMemo(() => new ColumnTree(columns), [columns]);
  const id = useId();
  const readOnly = !!store.file?.readOnly;
  const [selected, setSelected] = useState<string>(() => tree.ordered[0]?.key ?? '');
  const column: FundingColumn | undefined = tree.byKey.get(selected) ?? tree.ordered[0];
  const [form, setForm] = useState({ vi: '', en: '', source: '', capital: '' });
  const [newLabel, setNewLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ key: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The form shows the selected column as it is now (after each change the plan is read again).
  const shown = column ? JSON.stringify(column) : '';
  useEffect(() => {
    if (!column) return;
    setForm({ vi: column.label.vi, en: column.label.en === column.label.vi ? '' : column.label.en, source: column.source ?? '', capital: column.capital ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  /** Send one command and apply its patch through the grid (which reads the plan again). */
  const send = async <K extends ColumnCommand>(name: K, args: CommandArgs<K>): Promise<(Patch & { key?: string }) | null> => {
    setBusy(true);
    setError(null);
    try {
      const patch = (await ctx.bridge.invoke(name, args)) as Patch & { key?: string };
      if (ctx.grid.current) await ctx.grid.current.applyPatch(patch);
      else ctx.store.apply(patch);
      return patch;
    } catch (err) {
      ctx.showFailure(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!column) return;
    if (!form.vi.trim()) return setError(t('columns.dialog.needLabel'));
    await send('columns/update', {
      key: column.key,
      label: { vi: form.vi.trim(), en: form.en.trim() },
      source: (form.source || null) as FundSource | null,
      capital: (form.capital || null) as CapitalType | null,
    });
  };

  const add = async (where: 'sibling' | 'child') => {
    if (!column) return;
    const label = newLabel.trim();
    if (!label) return setError(t('columns.dialog.needLabel'));
    const sibling = where === 'sibling' && column.parent !== null;
    const parent = sibling ? column.parent! : column.key;
    const position = sibling ? (tree.children.get(parent) ?? []).findIndex((c) => c.key === column.key) + 1 : undefined;
    const patch = await send('columns/add', { parent, ...(position !== undefined ? { position } : {}), label: { vi: label, en: '' }, source: null, capital: null });
    if (patch?.key) {
      setNewLabel('');
      setSelected(patch.key);
    }
  };

  const move = async (kind: MoveKind) => {
    const args = column && moveArgs(columns, column.key, kind);
    if (args) await send('columns/move', args);
  };

  const askDelete = async () => {
    if (!column) return;
    try {
      const impact: ColumnImpact = await ctx.bridge.invoke('columns/impact', { key: column.key });
      setConfirm({ key: column.key, text: impactText(t, lang, column, impact, store.meta?.numberLocale ?? 'vi-VN') });
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  const doDelete = async () => {
    if (!confirm) return;
    const gone = tree.byKey.get(confirm.key);
    setConfirm(null);
    const patch = await send('columns/delete', { key: confirm.key });
    if (patch && gone?.parent) setSelected(gone.parent);
  };

  const can = (kind: MoveKind) => !readOnly && !busy && !!column && moveArgs(columns, column.key, kind) !== null;
  const roleName = (c: FundingColumn) =>
    [c.source && t(`columns.role.source.${c.source}`), c.capital && t(`columns.role.capital.${c.capital}`)].filter(Boolean).join(' · ');

  return (
    <ModalFrame
      id="columns"
      title={t('columns.dialog.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      classes={{ box: 'pd-dialog pd-columns-dialog' }}
      pickFirst={(box) => box.querySelector<HTMLElement>('.pd-columns-tree [aria-selected="true"]')}
      footer={
        <>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn" onClick={onClose} data-action="close">
            {t('columns.dialog.close')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('columns.dialog.intro')}</p>
      <div className="pd-columns-body">
        <div className="pd-columns-left">
          <div className="pd-label" id={`${id}-tree`}>{t('columns.dialog.tree')}</div>
          <ul className="pd-columns-tree" role="listbox" aria-labelledby={`${id}-tree`}>
            {tree.ordered.map((c) => (
              <li
                key={c.key}
                role="option"
                tabIndex={c.key === column?.key ? 0 : -1}
                aria-selected={c.key === column?.key}
                data-key={c.key}
                style={{ paddingLeft: 8 + 18 * tree.depth(c.key) }}
                onClick={() => {
                  setSelected(c.key);
                  setConfirm(null);
                }}
                onKeyDown={(e) => {
                  const i = tree.ordered.findIndex((x) => x.key === c.key);
                  const next = e.key === 'ArrowDown' ? tree.ordered[i + 1] : e.key === 'ArrowUp' ? tree.ordered[i - 1] : undefined;
                  if (!next) return;
                  e.preventDefault();
                  setSelected(next.key);
                  setConfirm(null);
                  (e.currentTarget.parentElement?.querySelector(`[data-key="${CSS.escape(next.key)}"]`) as HTMLElement | null)?.focus();
                }}
              >
                <span className="pd-columns-name">{c.label[lang] || c.label.vi}</span>
                {roleName(c) && <span className="pd-columns-role">{roleName(c)}</span>}
              </li>
            ))}
          </ul>
          <div className="pd-columns-moves">
            <button type="button" className="pd-btn" data-action="up" disabled={!can('up')} onClick={() => void move('up')}>↑ {t('columns.dialog.up')}</button>
            <button type="button" className="pd-btn" data-action="down" disabled={!can('down')} onClick={() => void move('down')}>↓ {t('columns.dialog.down')}</button>
            <button type="button" className="pd-btn" data-action="indent" disabled={!can('indent')} onClick={() => void move('indent')}>→ {t('columns.dialog.indent')}</button>
            <button type="button" className="pd-btn" data-action="outdent" disabled={!can('outdent')} onClick={() => void move('outdent')}>← {t('columns.dialog.outdent')}</button>
            <button
              type="button"
              className="pd-btn pd-btn-danger"
              data-action="delete"
              disabled={readOnly || busy || !column || column.parent === null}
              onClick={() => void askDelete()}
            >
              {t('columns.dialog.delete')}
            </button>
          </div>
          {confirm && (
            <div className="pd-columns-confirm" role="alert">
              <p>{confirm.text}</p>
              <button type="button" className="pd-btn pd-btn-danger" data-action="confirm-delete" onClick={() => void doDelete()}>
                {t('columns.confirm.yes')}
              </button>
              <button type="button" className="pd-btn" data-action="cancel-delete" onClick={() => setConfirm(null)}>
                {t('columns.confirm.no')}
              </button>
            </div>
          )}
        </div>
        {column && (
          <form
            className="pd-columns-right"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <fieldset className="pd-fieldset" disabled={readOnly}>
              <legend>{t('columns.dialog.selected')}</legend>
              <div className="pd-field">
                <label htmlFor={`${id}-vi`}>{t('columns.dialog.labelVi')}</label>
                <input id={`${id}-vi`} name="labelVi" className="pd-input" maxLength={COLUMN_LABEL_MAX} value={form.vi} onChange={(e) => setForm({ ...form, vi: e.target.value })} />
              </div>
              <div className="pd-field">
                <label htmlFor={`${id}-en`}>{t('columns.dialog.labelEn')}</label>
                <input id={`${id}-en`} name="labelEn" className="pd-input" maxLength={COLUMN_LABEL_MAX} value={form.en} onChange={(e) => setForm({ ...form, en: e.target.value })} />
              </div>
              <div className="pd-field pd-field-inline">
                <label htmlFor={`${id}-source`}>{t('columns.dialog.source')}</label>
                <select id={`${id}-source`} name="source" className="pd-input" value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })}>
                  <option value="">{t('columns.dialog.none')}</option>
                  {SOURCES.map((s) => (
                    <option key={s} value={s}>{t(`columns.role.source.${s}`)}</option>
                  ))}
                </select>
                <label htmlFor={`${id}-capital`}>{t('columns.dialog.capital')}</label>
                <select id={`${id}-capital`} name="capital" className="pd-input" value={form.capital} onChange={(e) => setForm({ ...form, capital: e.target.value })}>
                  <option value="">{t('columns.dialog.none')}</option>
                  {CAPITALS.map((c) => (
                    <option key={c} value={c}>{t(`columns.role.capital.${c}`)}</option>
                  ))}
                </select>
              </div>
              <p className="pd-help">{t('columns.dialog.roles.help')}</p>
              <button type="submit" className="pd-btn pd-btn-primary" data-action="save" disabled={busy}>
                {t('columns.dialog.save')}
              </button>
            </fieldset>
            <fieldset className="pd-fieldset" disabled={readOnly}>
              <legend>{t('columns.dialog.add')}</legend>
              <div className="pd-field">
                <label htmlFor={`${id}-new`}>{t('columns.dialog.newLabel')}</label>
                <input
                  id={`${id}-new`}
                  name="newLabel"
                  className="pd-input"
                  maxLength={COLUMN_LABEL_MAX}
                  value={newLabel}
                  onChange={(e) => setNewLabel(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    void add(column.parent === null ? 'child' : 'sibling');
                  }}
                />
              </div>
              <button type="button" className="pd-btn" data-action="add-sibling" disabled={busy || column.parent === null} onClick={() => void add('sibling')}>
                {t('columns.dialog.addSibling')}
              </button>
              <button type="button" className="pd-btn" data-action="add-child" disabled={busy} onClick={() => void add('child')}>
                {t('columns.dialog.addChild')}
              </button>
            </fieldset>
            {error && (
              <div className="pd-field-error" role="alert">
                {error}
              </div>
            )}
          </form>
        )}
      </div>
    </ModalFrame>
  );
}
