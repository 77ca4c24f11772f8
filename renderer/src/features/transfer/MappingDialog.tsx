// When the importer cannot map the columns with confidence (no table found, or columns it did not
// recognise): the sheet's first rows as they are in the file, the header rows, and a dropdown per
// column saying what it holds ("Automatic" shows what the importer reads from its header). The
// preview follows every change; the mapping can be saved as a named template of this cycle and
// reused. Reading again runs the import with the mapping (nothing is written yet).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportTemplate, MappingSpec, SheetPreview } from '../../../../shared/commands/transfer';
import type { Patch } from '../../../../shared/ipc';
import { BridgeFailure } from '../../bridge';
import { tStored } from '../../../../shared/i18n';
import type { AppContext } from '../types';
import { backToReport, cancelImport, readAgain, type TransferStep } from './flow';
import { Frame } from './Frame';
import { FIELD_TARGETS, amountTargetColumns, buildMapping, choicesFrom, headerRows, targetLabel, type MappingChoices } from './targets';

type Step = Extract<TransferStep, { kind: 'mapping' }>;

/** Wait this long after a change before asking the host for a new preview. */
const PREVIEW_DELAY_MS = 250;

function initialSheet(step: Step): string {
  if (typeof step.sheet === 'string') return step.sheet;
  if (typeof step.sheet === 'number' && step.sheets[step.sheet]) return step.sheets[step.sheet].name;
  if (typeof step.mapping?.sheet === 'string') return step.mapping.sheet;
  return (step.sheets.find((s) => !s.hidden) ?? step.sheets[0]).name;
}

export function MappingDialog({ ctx, step }: { ctx: AppContext; step: Step }) {
  const { t, lang, bridge } = ctx;
  const [choices, setChoices] = useState<MappingChoices>(() => choicesFrom(step.mapping, initialSheet(step), null));
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [templates, setTemplates] = useState<ImportTemplate[]>([]);
  const [template, setTemplate] = useState('');
  const [save, setSave] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  /** The header the importer found by itself fills the "from … to …" fields once. */
  const seeded = useRef(choices.headerFrom !== '');

  useEffect(() => {
    bridge.invoke('transfer/templates', {}).then((r) => setTemplates(r.templates), () => {});
  }, [bridge]);

  /** The header rows the importer finds by itself in this sheet (a mapping need not repeat them). */
  const [autoHeader, setAutoHeader] = useState<{ sheet: string; rows: number[] } | null>(null);
  const mapping = useMemo(() => {
    const m = buildMapping(choices);
    if (autoHeader?.sheet === choices.sheet && m.headerRows?.join() === autoHeader.rows.join()) delete m.headerRows;
    return m;
  }, [choices, autoHeader]);
  const hasOwn = mapping.headerRows !== undefined || Object.keys(mapping.columns).length > 0;
  const previewKey = JSON.stringify(hasOwn ? mapping : { sheet: choices.sheet });

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      bridge.invoke('transfer/preview', { job: step.job, sheet: choices.sheet, ...(hasOwn ? { mapping } : {}) }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setPreviewError(null);
          setLoading(false);
          if (!hasOwn && p.layout) setAutoHeader({ sheet: p.sheet, rows: p.layout.headerRows });
          if (!seeded.current && p.layout) {
            seeded.current = true;
            const rows = p.layout.headerRows;
            setChoices((c) => ({ ...c, headerFrom: String(Math.min(...rows)), headerTo: String(Math.max(...rows)) }));
          }
        },
        (err) => {
          if (!live) return;
          const e = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
          setPreviewError(tStored(lang, e.code, e.params));
          setLoading(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // previewKey stands for the mapping and sheet.
  }, [previewKey, bridge, step.job]);

  const detected = new Map((preview?.layout?.columns ?? []).map((c) => [c.letter, c]));
  const headerSet = new Set(preview?.layout?.headerRows ?? headerRows(choices.headerFrom, choices.headerTo) ?? []);
  const firstHeader = headerSet.size ? Math.min(...headerSet) : 0;
  const valid = !loading && !!preview?.layout && headerRows(choices.headerFrom, choices.headerTo) !== null;
  const keyOf = (letter: string) => choices.columns[letter] || (detected.get(letter)?.key ?? '');
  // The standard columns and the open plan's own (custom columns included, named by their labels).
  const planColumns = amountTargetColumns(ctx.store.columns);
  const amountTargets = planColumns.map((c) => c.key);
  const setColumn = (letter: string, key: string) => setChoices((c) => ({ ...c, columns: { ...c.columns, [letter]: key } }));

  const applyTemplate = (n: string) => {
    setTemplate(n);
    const found = templates.find((x) => x.name === n);
    if (!found) return;
    const sheet = typeof found.mapping.sheet === 'string' && step.sheets.some((s) => s.name === found.mapping.sheet) ? found.mapping.sheet : choices.sheet;
    seeded.current = true;
    setChoices(choicesFrom(found.mapping, sheet, null));
    setName(found.name);
  };

  const removeTemplate = async () => {
    if (!template) return;
    try {
      const r = await bridge.invoke('transfer/deleteTemplate', { name: template });
      await applySettingsPatch(ctx, r);
      setTemplates(r.templates);
      setTemplate('');
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  const apply = async () => {
    if (!valid) return;
    setBusy(true);
    const spec: MappingSpec = mapping;
    if (save && name.trim()) {
      try {
        await applySettingsPatch(ctx, await bridge.invoke('transfer/saveTemplate', { name: name.trim(), mapping: spec }));
      } catch (err) {
        ctx.showFailure(err);
        setBusy(false);
        return;
      }
    }
    await readAgain(ctx, step.job, choices.sheet, spec);
  };

  const cancel = () => void cancelImport(ctx);
  const letters = preview?.letters ?? [];

  return (
    <Frame
      id="pd-import-mapping"
      title={t('transfer.mapping.title')}
      subtitle={step.name}
      closeLabel={t('transfer.cancel')}
      onClose={cancel}
      size="large"
      autoFocus="select[name='sheet']"
      footer={
        <>
          <label className="pd-check pd-xfer-save">
            <input type="checkbox" name="saveTemplate" checked={save} disabled={!!ctx.store.file?.readOnly} onChange={(e) => setSave(e.target.checked)} />
            {t('transfer.mapping.save')}
          </label>
          <input
            className="pd-input"
            name="templateName"
            aria-label={t('transfer.mapping.name')}
            placeholder={t('transfer.mapping.name')}
            maxLength={120}
            value={name}
            disabled={!save}
            onChange={(e) => setName(e.target.value)}
          />
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn pd-btn-primary" data-action="apply" disabled={!valid || busy || (save && !name.trim())} onClick={() => void apply()}>
            {t('transfer.mapping.apply')}
          </button>
          {step.back && (
            <button type="button" className="pd-btn" data-action="back" disabled={busy} onClick={() => backToReport(step)}>
              {t('transfer.back')}
            </button>
          )}
          <button type="button" className="pd-btn" data-action="cancel" onClick={cancel}>
            {t('transfer.cancel')}
          </button>
        </>
      }
    >
      {step.notice ? (
        <p className="pd-xfer-warn" role="alert">
          {t(step.notice)}
        </p>
      ) : (
        <p className="pd-dialog-intro">{t('transfer.mapping.hint')}</p>
      )}
      <div className="pd-xfer-controls">
        <label>
          <span>{t('transfer.mapping.sheet')}</span>
          <select
            className="pd-input"
            name="sheet"
            value={choices.sheet}
            onChange={(e) => {
              seeded.current = false;
              setChoices({ sheet: e.target.value, headerFrom: '', headerTo: '', columns: {}, byHeader: {} });
            }}
          >
            {step.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {s.hidden ? ` (${t('transfer.sheet.hidden')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('transfer.mapping.headerFrom')}</span>
          <input
            className="pd-input pd-xfer-rowno"
            name="headerFrom"
            inputMode="numeric"
            value={choices.headerFrom}
            onChange={(e) => setChoices((c) => ({ ...c, headerFrom: e.target.value.replace(/\D/g, '') }))}
          />
        </label>
        <label>
          <span>{t('transfer.mapping.headerTo')}</span>
          <input
            className="pd-input pd-xfer-rowno"
            name="headerTo"
            inputMode="numeric"
            value={choices.headerTo}
            onChange={(e) => setChoices((c) => ({ ...c, headerTo: e.target.value.replace(/\D/g, '') }))}
          />
        </label>
        <span className="pd-dialog-spacer" />
        <label>
          <span>{t('transfer.mapping.template')}</span>
          <select className="pd-input" name="template" value={template} onChange={(e) => applyTemplate(e.target.value)}>
            <option value="">{t('transfer.mapping.noTemplate')}</option>
            {templates.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        {template && (
          <button type="button" className="pd-btn pd-btn-small" data-action="delete-template" onClick={() => void removeTemplate()}>
            {t('transfer.mapping.deleteTemplate')}
          </button>
        )}
      </div>

      <div className={`pd-xfer-preview${loading ? ' is-loading' : ''}`} aria-busy={loading}>
        {previewError ? (
          <p className="pd-xfer-warn" role="alert">{previewError}</p>
        ) : !preview ? (
          <p className="pd-xfer-hint">{t('transfer.mapping.loading')}</p>
        ) : (
          <table className="pd-xfer-sheet-grid">
            <thead>
              <tr>
                <th className="pd-xfer-rowhead" />
                {letters.map((l) => (
                  <th key={l} className="pd-xfer-letter">{l}</th>
                ))}
              </tr>
              <tr className="pd-xfer-targets">
                <th className="pd-xfer-rowhead">{t('transfer.mapping.row')}</th>
                {letters.map((l) => {
                  const chosen = choices.columns[l] ?? '';
                  const auto = detected.get(l);
                  // A column the plan will take as a new one (issue 13) is named by its own label, never its key.
                  const autoLabel = auto?.key && auto.by === 'header' ? t('transfer.target.autoAs', { target: auto.label ?? targetLabel(auto.key, lang) }) : t('transfer.target.unknown');
                  const kind = (chosen || (auto?.by === 'header' ? auto.key : '')) ?? '';
                  return (
                    <th key={l} className={kindClass(kind)}>
                      <select className="pd-input" data-column={l} aria-label={`${t('transfer.report.colLetter')} ${l}`} value={chosen} onChange={(e) => setColumn(l, e.target.value)}>
                        <option value="">{autoLabel}</option>
                        <optgroup label={t('transfer.target.fields')}>
                          {FIELD_TARGETS.map((k) => (
                            <option key={k} value={k}>{targetLabel(k, lang)}</option>
                          ))}
                        </optgroup>
                        <optgroup label={t('transfer.target.group')}>
                          {amountTargets.map((k) => (
                            <option key={k} value={k}>{targetLabel(k, lang, planColumns)}</option>
                          ))}
                        </optgroup>
                        <option value="ignore">{t('transfer.target.ignore')}</option>
                      </select>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} data-row={r.row} className={headerSet.has(r.row) ? 'is-header' : r.row < firstHeader ? 'is-above' : r.hidden ? 'is-hidden' : ''}>
                  <th className="pd-xfer-rowhead">{r.row}</th>
                  {r.cells.map((c, i) => {
                    // Codes (1, 2, 1.1) stay as written; figures are grouped and right-aligned.
                    const n = keyOf(letters[i]) === 'code' ? null : asNumber(c, lang);
                    return (
                      <td key={i} className={n !== null ? 'pd-num' : ''} title={c.length > 30 ? c : undefined}>
                        {n ?? c}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {preview && preview.rowCount > preview.rows.length && <p className="pd-xfer-hint">{t('transfer.mapping.more', { count: preview.rowCount.toLocaleString('vi-VN') })}</p>}
      {preview && !loading && !preview.layout && <p className="pd-xfer-warn">{t('transfer.mapping.needLine')}</p>}
    </Frame>
  );
}

/** A figure stored as a number ("99654.5") shown grouped as people read it ("99.654,5"); text as it is. */
function asNumber(text: string, lang: 'vi' | 'en'): string | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const [i, f] = text.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return f ? `${grouped}${lang === 'vi' ? ',' : '.'}${f}` : grouped;
}

function kindClass(key: string): string {
  if (!key) return '';
  if (key === 'ignore') return 'is-ignored';
  if ((FIELD_TARGETS as readonly string[]).includes(key)) return 'is-field';
  return 'is-amount';
}

/** A settings change (template saved or deleted) moves the undo state: show it. */
async function applySettingsPatch(ctx: AppContext, patch: Patch): Promise<void> {
  if (ctx.grid.current) await ctx.grid.current.applyPatch(patch);
  else ctx.store.apply(patch);
}
