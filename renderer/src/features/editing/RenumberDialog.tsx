// The renumber dialog: the numbering style of each line level (as the plan uses it now, or a
// preset: 1 / 1.1, I / 1 / a / -, …), renumbering the whole plan or the active line's group in
// one undo step, and the setting that renumbers automatically after line operations.
import { useEffect, useRef, useState } from 'react';
import type { EditingSettings } from '../../../../shared/commands/editing';
import { NUMBER_STYLES, NUMBERING_PRESETS, type NumberStyle } from '../../../../shared/renumber';
import type { AppContext } from '../types';
import { openEditingUi } from './ui-state';
import { ModalFrame } from '../../app/ModalFrame';

const LEVELS = 5;
type Preset = 'detected' | keyof typeof NUMBERING_PRESETS | 'custom';

const expand = (levels: readonly NumberStyle[]): NumberStyle[] =>
  Array.from({ length: LEVELS }, (_, i) => levels[Math.min(i, levels.length - 1)] ?? 'path');

/** Levels as stored: trailing repeats dropped (deeper levels repeat the last one). */
function trim(levels: NumberStyle[]): NumberStyle[] {
  const out = [...levels];
  while (out.length > 1 && out[out.length - 1] === out[out.length - 2]) out.pop();
  return out;
}

export function RenumberDialog({ ctx }: { ctx: AppContext }) {
  const { t, bridge } = ctx;
  const [detected, setDetected] = useState<NumberStyle[] | null>(null);
  const [preset, setPreset] = useState<Preset>('detected');
  const [levels, setLevels] = useState<NumberStyle[]>(expand(['path']));
  const [auto, setAuto] = useState(true);
  const [scope, setScope] = useState<'all' | 'group'>('all');
  const [busy, setBusy] = useState(false);
  const active = ctx.grid.current?.activeLineId() ?? null;
  const readOnly = !!ctx.store.file?.readOnly;
  // Until the plan's own numbering has arrived, nothing can be chosen (it would be overwritten).
  const loading = detected === null;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!loading) first.current?.focus();
  }, [loading]);

  useEffect(() => {
    void bridge.invoke('lines/numbering', {}).then(
      (r) => {
        setDetected(r.detected);
        setAuto(r.settings.autoNumber);
        if (r.settings.levels) {
          const match = (Object.keys(NUMBERING_PRESETS) as (keyof typeof NUMBERING_PRESETS)[]).find(
            (k) => trim(expand(NUMBERING_PRESETS[k])).join() === trim(expand(r.settings.levels!)).join(),
          );
          setPreset(match ?? 'custom');
          setLevels(expand(r.settings.levels));
        } else {
          setLevels(expand(r.detected));
        }
      },
      (err) => ctx.showFailure(err),
    );
  }, [bridge, ctx]);

  const close = () => openEditingUi({ renumber: false });
  const choosePreset = (p: Preset) => {
    setPreset(p);
    if (p === 'detected' && detected) setLevels(expand(detected));
    else if (p !== 'detected' && p !== 'custom') setLevels(expand(NUMBERING_PRESETS[p]));
  };

  const run = async (what: 'renumber' | 'save') => {
    setBusy(true);
    try {
      if (what === 'renumber') {
        const p = await bridge.invoke('lines/renumber', { lineId: scope === 'group' ? active : null, levels: trim(levels) });
        await ctx.grid.current?.applyPatch(p);
        ctx.show(p.changed ? t('editing.renumber.done', { count: p.changed.toLocaleString('vi-VN') }) : t('editing.renumber.nothing'), 'info');
      } else {
        const value: EditingSettings = { autoNumber: auto, levels: preset === 'detected' ? null : trim(levels) };
        const p = await bridge.invoke('settings/set', { key: 'editing', value });
        await ctx.grid.current?.applyPatch(p);
        ctx.show(t('editing.renumber.saved'), 'info');
      }
      close();
    } catch (err) {
      ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  // The app's one modal frame: Escape and × close, Tab stays inside, keys never reach the grid,
  // the focus goes back to the cell it came from; a click beside the box does not throw the choice away.
  return (
    <ModalFrame
      id="renumber"
      title={t('editing.renumber.title')}
      closeLabel={t('editing.cancel')}
      onClose={close}
      classes={{ box: 'pd-dialog pd-renumber' }}
      pickFirst={(box) => box.querySelector('select')}
      footer={
        <div className="pd-modal-buttons">
          <button type="button" className="pd-btn pd-btn-primary" data-answer="renumber" disabled={busy || readOnly || loading} onClick={() => void run('renumber')}>
            {t('editing.renumber.apply')}
          </button>
          <button type="button" className="pd-btn" data-answer="save" disabled={busy || readOnly || loading} onClick={() => void run('save')}>
            {t('editing.renumber.save')}
          </button>
          <button type="button" className="pd-btn" onClick={close}>
            {t('editing.cancel')}
          </button>
        </div>
      }
    >
      <p>{t('editing.renumber.intro')}</p>
      <label className="pd-renumber-row">
        <span>{t('editing.renumber.preset')}</span>
        <select ref={first} value={preset} disabled={loading} onChange={(e) => choosePreset(e.target.value as Preset)}>
          <option value="detected">{t('editing.renumber.preset.detected')}</option>
          {(Object.keys(NUMBERING_PRESETS) as (keyof typeof NUMBERING_PRESETS)[]).map((k) => (
            <option key={k} value={k}>
              {t(`editing.renumber.preset.${k}`)}
            </option>
          ))}
          {preset === 'custom' && <option value="custom">…</option>}
        </select>
      </label>
      {levels.map((style, i) => (
        <label key={i} className="pd-renumber-row">
          <span>{t('editing.renumber.level', { n: i + 1 })}</span>
          <select
            value={style}
            disabled={loading}
            data-level={i}
            onChange={(e) => {
              const next = [...levels];
              next[i] = e.target.value as NumberStyle;
              setLevels(next);
              setPreset('custom');
            }}
          >
            {NUMBER_STYLES.map((s) => (
              <option key={s} value={s}>
                {t(`editing.style.${s}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <fieldset className="pd-renumber-scope">
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('editing.renumber.scope.all')}
        </label>
        <label>
          <input type="radio" name="scope" disabled={active === null} checked={scope === 'group'} onChange={() => setScope('group')} />{' '}
          {t('editing.renumber.scope.group', { code: (active !== null && ctx.store.rows.get(active)?.code) || '…' })}
        </label>
      </fieldset>
      <label className="pd-renumber-auto">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> {t('editing.renumber.auto')}
      </label>
    </ModalFrame>
  );
}
