// The print settings beside the preview: paper, orientation, margins, columns (from the cycle's own
// column tree), lines (all / projects / projects + sub-projects), font size, fit to width, the
// annex's title, the signature block (the annex's number is a plan detail, in Plan details).
// Numbers are typed as text and read the Vietnamese way ("12,5"); a bad one is refused with a
// message and the old value stays.
import { useEffect, useState } from 'react';
import { ColumnTree } from '../../../../shared/columns';
import {
  DEFAULT_PRINT_SETTINGS,
  FONT_SIZES,
  MARGIN_MM,
  PAPERS,
  type PrintSettings,
} from '../../../../shared/print/settings';
import type { PlainMessageKey } from '../../../../shared/i18n';
import type { AppContext } from '../types';

interface Props {
  ctx: AppContext;
  settings: PrintSettings;
  onChange: (next: PrintSettings) => void;
}

const LINE_CHOICES: { value: number | null; key: PlainMessageKey }[] = [
  { value: null, key: 'print.set.lines.all' },
  { value: 0, key: 'print.set.lines.projects' },
  { value: 1, key: 'print.set.lines.subprojects' },
];

export function SettingsPanel({ ctx, settings, onChange }: Props) {
  const { t, store } = ctx;
  const set = <K extends keyof PrintSettings>(key: K, value: PrintSettings[K]) => onChange({ ...settings, [key]: value });
  const tree = new ColumnTree(store.columns);
  const hidden = new Set(settings.hiddenColumns);
  const toggleColumn = (key: string, show: boolean) =>
    set('hiddenColumns', show ? settings.hiddenColumns.filter((k) => k !== key) : [...settings.hiddenColumns, key]);
  const number = (text: string, min: number, max: number): number | null => {
    const v = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max) {
      ctx.show(t('print.set.invalid', { text, min, max }), 'error');
      return null;
    }
    return v;
  };

  return (
    <aside className="pd-print-settings" aria-label={t('print.preview.title')}>
      <fieldset>
        <legend>{t('print.set.paper')}</legend>
        <label>
          <select value={settings.paper} data-print-setting="paper" onChange={(e) => set('paper', e.target.value as PrintSettings['paper'])}>
            {PAPERS.map((p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
        </label>
        {(['landscape', 'portrait'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="pd-orientation" data-print-setting={`orientation-${o}`} checked={settings.orientation === o} onChange={() => set('orientation', o)} />
            {t(`print.set.${o}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('print.set.margins')}</legend>
        <div className="pd-margins">
          {(['top', 'bottom', 'left', 'right'] as const).map((side) => (
            <label key={side}>
              <span>{t(`print.set.${side}`)}</span>
              <NumberField
                value={settings.margins[side]}
                name={`margin-${side}`}
                onCommit={(text) => {
                  const v = number(text, MARGIN_MM.min, MARGIN_MM.max);
                  if (v !== null) set('margins', { ...settings.margins, [side]: v });
                  return v !== null;
                }}
              />
            </label>
          ))}
        </div>
        <button type="button" onClick={() => set('margins', { ...DEFAULT_PRINT_SETTINGS.margins })}>
          {t('print.set.marginsDefault')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('print.set.lines')}</legend>
        {LINE_CHOICES.map((c) => (
          <label key={c.key}>
            <input
              type="radio"
              name="pd-lines"
              data-print-setting={`lines-${c.value ?? 'all'}`}
              checked={settings.maxDepth === c.value}
              onChange={() => set('maxDepth', c.value)}
            />
            {t(c.key)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('print.set.columns')}</legend>
        {(['agency', 'note'] as const).map((k) => (
          <label key={k}>
            <input type="checkbox" data-print-setting={`column-${k}`} checked={!hidden.has(k)} onChange={(e) => toggleColumn(k, e.target.checked)} />
            {t(`print.col.${k}`)}
          </label>
        ))}
        {tree.ordered.map((c) => {
          const underHidden = tree.ancestors(c.key).some((a) => hidden.has(a));
          return (
            <label key={c.key} style={{ paddingLeft: `${tree.depth(c.key) * 14}px` }}>
              <input
                type="checkbox"
                data-print-setting={`column-${c.key}`}
                checked={!hidden.has(c.key) && !underHidden}
                disabled={underHidden}
                onChange={(e) => toggleColumn(c.key, e.target.checked)}
              />
              {c.label[ctx.lang]}
            </label>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('print.set.fontSize')}</legend>
        <label>
          <NumberField
            value={settings.fontSize}
            name="font-size"
            onCommit={(text) => {
              const v = number(text, FONT_SIZES.min, FONT_SIZES.max);
              if (v !== null) set('fontSize', Math.round(v * 2) / 2);
              return v !== null;
            }}
          />
        </label>
        <label>
          <input type="checkbox" data-print-setting="fit-width" checked={settings.fitWidth} onChange={(e) => set('fitWidth', e.target.checked)} />
          {t('print.set.fitWidth')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('print.set.title')}</legend>
        <label>
          <TextField value={settings.title} name="title" max={500} placeholder={t('print.set.titlePlaceholder')} onCommit={(v) => set('title', v)} />
        </label>
        <label>
          <input type="checkbox" data-print-setting="signature" checked={settings.signature} onChange={(e) => set('signature', e.target.checked)} />
          {t('print.set.signature')}
        </label>
      </fieldset>
    </aside>
  );
}

/** A text box that commits on Enter or when it loses focus; a refused value snaps back. */
function NumberField({ value, name, onCommit }: { value: number; name: string; onCommit: (text: string) => boolean }) {
  const shown = String(value).replace('.', ',');
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    if (draft !== shown && !onCommit(draft)) setDraft(shown);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className="pd-num"
      data-print-setting={name}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

function TextField({ value, name, max, placeholder, onCommit }: { value: string; name: string; max: number; placeholder?: string; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const v = draft.normalize('NFC').slice(0, max);
    if (v !== value) onCommit(v);
  };
  return (
    <input
      type="text"
      data-print-setting={name}
      value={draft}
      maxLength={max}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
