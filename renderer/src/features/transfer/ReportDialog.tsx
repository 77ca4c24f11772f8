// The import report, before anything is written: what was found (lines, figures, stated totals),
// the totals per funding column beside the open plan's, how each column was read, the cells that
// could not be read (by Excel address), the warnings and the rows skipped with why — then the
// decision: replace the current table (one undo step) or create a new plan file; or cancel.
import { useState } from 'react';
import type { DisplayUnit, Dong } from '../../../../shared/model';
import { formatAmount, formatSignedAmount } from '../../../../shared/number';
import { tStored } from '../../../../shared/i18n';
import type { AppContext } from '../types';
import { cancelImport, chooseAnotherSheet, createCycle, fillTable, openMapping, replaceTable, type TransferStep } from './flow';
import { Frame } from './Frame';
import { splitWarnings, totalRows } from './report-view';
import { columnLabel, targetLabel } from './targets';
import { ColumnChoices, choicesComplete, type Choices } from './ColumnChoices';

type Mode = 'choose' | 'confirmReplace' | 'newPath';

export function ReportDialog({ ctx, step }: { ctx: AppContext; step: Extract<TransferStep, { kind: 'report' }> }) {
  const { t, lang, store, bridge } = ctx;
  const { report, columns, columnsMatch } = step.status;
  const unmatched = step.status.unmatchedColumns ?? [];
  const [choices, setChoices] = useState<Choices>({});
  const [mode, setMode] = useState<Mode>('choose');
  const [newPath, setNewPath] = useState('');
  const [busy, setBusy] = useState(false);
  const locale = store.meta?.numberLocale ?? 'vi-VN';
  const unit: DisplayUnit = report.unit;
  const fmt = (v: Dong | null) => (v === null ? '—' : formatAmount(v, unit, locale));
  const count = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  const { cells, others } = splitWarnings(report);
  const totals = totalRows(columns, report.totals, store.totals, new Set(store.columns.map((c) => c.key)));
  const readOnly = !!store.file?.readOnly;
  // A column of the file the plan has not, with figures, needs a choice first (add, into a column, skip).
  const canReplace = (columnsMatch || choicesComplete(unmatched, choices)) && !readOnly;
  const planName = store.file?.name ?? '';
  // Units' shares the replace drops (issue 14), named with their money before the person confirms.
  const lost = step.status.lostShares ?? [];
  const lostTotal = lost.reduce((sum, x) => sum + x.value, 0);
  const cancel = () => void cancelImport(ctx);

  const replace = async () => {
    setBusy(true);
    if (!(await replaceTable(ctx, step.job, step.name, choices))) setBusy(false);
  };
  const fill = async () => {
    setBusy(true);
    if (!(await fillTable(ctx, step.job, step.name, choices))) setBusy(false);
  };
  const create = async () => {
    if (bridge.mode === 'browser' && mode !== 'newPath') {
      setMode('newPath');
      return;
    }
    setBusy(true);
    // Electron: main's save dialog picks the path (the name here is only its suggestion).
    const suggestion = step.name.replace(/\.[^.]+$/, '') + '.plandesk';
    const ok = await createCycle(ctx, step.job, bridge.mode === 'browser' ? newPath.trim() : suggestion);
    if (!ok) setBusy(false);
  };

  const footer =
    mode === 'confirmReplace' ? (
      <>
        <span className="pd-xfer-confirm" role="alert">
          {t('transfer.report.confirmReplace', { old: count(store.rowCount), lines: count(report.lineCount), file: step.name })}
          {lost.length > 0 && ' ' + t('transfer.report.confirmLostShares', { count: count(lost.length), amount: `${formatAmount(lostTotal, store.meta?.unit ?? unit, locale)} ${t(`unit.${store.meta?.unit ?? unit}`)}` })}
        </span>
        <span className="pd-dialog-spacer" />
        <button type="button" className="pd-btn pd-btn-primary" data-action="confirm-replace" disabled={busy} onClick={() => void replace()} autoFocus>
          {t('transfer.report.confirmReplaceOk')}
        </button>
        <button type="button" className="pd-btn" data-action="back" disabled={busy} onClick={() => setMode('choose')}>
          {t('transfer.back')}
        </button>
      </>
    ) : mode === 'newPath' ? (
      <>
        <label className="pd-xfer-path">
          <span>{t('transfer.report.newPath')}</span>
          <input
            className="pd-input"
            name="newPath"
            value={newPath}
            onChange={(e) => setNewPath(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && newPath.trim() && void create()}
            autoFocus
          />
        </label>
        <button type="button" className="pd-btn pd-btn-primary" data-action="create" disabled={busy || !newPath.trim()} onClick={() => void create()}>
          {t('transfer.report.create')}
        </button>
        <button type="button" className="pd-btn" data-action="back" disabled={busy} onClick={() => setMode('choose')}>
          {t('transfer.back')}
        </button>
      </>
    ) : (
      <>
        <span className="pd-xfer-foot-note">{t('transfer.report.how')}</span>
        <span className="pd-dialog-spacer" />
        <button
          type="button"
          className="pd-btn pd-btn-primary"
          data-action="replace"
          disabled={!canReplace || busy}
          title={t('transfer.report.replaceHint', { file: planName })}
          onClick={() => setMode('confirmReplace')}
        >
          {t('transfer.report.replace')}
        </button>
        <button
          type="button"
          className="pd-btn"
          data-action="fill"
          disabled={!canReplace || busy}
          title={t('transfer.report.fillHint', { file: planName })}
          onClick={() => void fill()}
        >
          {t('transfer.report.fill')}
        </button>
        <button type="button" className="pd-btn" data-action="new" disabled={busy} title={t('transfer.report.newHint')} onClick={() => void create()}>
          {t('transfer.report.new')}
        </button>
        <button type="button" className="pd-btn" data-action="cancel" disabled={busy} onClick={cancel}>
          {t('transfer.cancel')}
        </button>
      </>
    );

  return (
    <Frame
      id="pd-import-report"
      title={t('transfer.report.title')}
      subtitle={step.name}
      closeLabel={t('transfer.cancel')}
      onClose={cancel}
      size="large"
      autoFocus={canReplace ? '[data-action="replace"]' : '[data-action="new"]'}
      footer={footer}
    >
      <p className="pd-xfer-notice">{t('transfer.report.intro')}</p>

      <div className="pd-xfer-facts">
        <dl>
          <dt>{t('transfer.report.sheet')}</dt>
          <dd data-fact="sheet">
            {report.sheet}
            {step.status.sheets.length > 1 && (
              <button type="button" className="pd-btn pd-btn-link pd-btn-small" data-action="other-sheet" onClick={() => chooseAnotherSheet(step)}>
                {t('transfer.report.otherSheet')}
              </button>
            )}
          </dd>
          <dt>{t('transfer.report.format')}</dt>
          <dd>.{report.format}{report.fromPlanDesk ? ` — ${t('transfer.report.fromPlanDesk')}` : ''}</dd>
          <dt>{t('transfer.report.unit')}</dt>
          <dd data-fact="unit">{t(`unit.${unit}`)}</dd>
          <dt>{t('transfer.report.header')}</dt>
          <dd>{report.headerRows.join(', ')}</dd>
        </dl>
        <div className="pd-xfer-stats">
          <div className="pd-xfer-stat" data-fact="lines">
            <span className="pd-xfer-stat-value">{count(report.lineCount)}</span>
            <span className="pd-xfer-stat-label">{t('transfer.report.lines')}</span>
          </div>
          <div className="pd-xfer-stat" data-fact="amounts">
            <span className="pd-xfer-stat-value">{count(report.amountCount)}</span>
            <span className="pd-xfer-stat-label">{t('transfer.report.amounts')}</span>
          </div>
          <div className="pd-xfer-stat" data-fact="stated">
            <span className="pd-xfer-stat-value">{count(report.statedCount)}</span>
            <span className="pd-xfer-stat-label">{t('transfer.report.stated')}</span>
          </div>
          <div className={`pd-xfer-stat${cells.length + others.length ? ' is-warn' : ''}`} data-fact="warnings">
            <span className="pd-xfer-stat-value">{count(cells.length + others.length)}</span>
            <span className="pd-xfer-stat-label">{t('transfer.report.warningCount')}</span>
          </div>
        </div>
      </div>

      <section className="pd-xfer-section" data-section="totals">
        <h3>
          {t('transfer.report.totals')} <span className="pd-xfer-unit">({t('unit.label', { unit: t(`unit.${unit}`) })})</span>
        </h3>
        <table className="pd-xfer-table">
          <thead>
            <tr>
              <th />
              <th className="pd-num">{t('transfer.report.inFile')}</th>
              <th className="pd-num">{t('transfer.report.current')}</th>
              <th className="pd-num">{t('transfer.report.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((r) => {
              const diff = r.current === null ? null : r.inFile - r.current;
              return (
                <tr key={r.key} data-column={r.key} className={r.depth === 0 ? 'is-root' : ''}>
                  <th scope="row" style={{ paddingLeft: 8 + r.depth * 14 }}>
                    {columnLabel(r.key, lang, columns)}
                  </th>
                  <td className="pd-num" data-cell="file">{fmt(r.inFile)}</td>
                  <td className="pd-num" data-cell="current">{fmt(r.current)}</td>
                  <td className={`pd-num${diff ? ' is-diff' : ''}`} data-cell="diff">
                    {diff === null ? '—' : formatSignedAmount(diff, unit, locale)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {readOnly && <p className="pd-xfer-warn">{t('transfer.report.readOnly')}</p>}
        {columnsMatch && step.status.report.unit !== store.meta?.unit && !readOnly && (
          <p className="pd-xfer-hint">{t('transfer.report.unitChange', { unit: t(`unit.${unit}`) })}</p>
        )}
      </section>

      {unmatched.length > 0 && (
        <ColumnChoices ctx={ctx} unmatched={unmatched} planColumns={store.columns} unit={unit} choices={choices} onChange={setChoices} disabled={readOnly || busy} />
      )}

      {lost.length > 0 && (
        <section className="pd-xfer-section" data-section="lost-shares">
          <h3>{t('transfer.report.lostShares', { count: count(lost.length) })}</h3>
          <p className="pd-xfer-warn">{t('transfer.report.lostSharesHint')}</p>
          <div className="pd-xfer-listing">
            <table className="pd-xfer-table">
              <thead>
                <tr>
                  <th>{t('transfer.report.lost.unit')}</th>
                  <th>{t('transfer.report.lost.line')}</th>
                  <th>{t('transfer.report.lost.column')}</th>
                  <th className="pd-num">{t('transfer.report.lost.value')}</th>
                  <th>{t('transfer.report.lost.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {lost.map((x, i) => (
                  <tr key={i} data-lost-share={`${x.code}:${x.column}`}>
                    <td>{x.unit}</td>
                    <td>{[x.code, x.line].filter(Boolean).join(' ')}</td>
                    <td>{store.columns.some((c) => c.key === x.column) ? columnLabel(x.column, lang, store.columns) : x.columnLabel}</td>
                    <td className="pd-num">{formatAmount(x.value, store.meta?.unit ?? unit, locale)}</td>
                    <td>{t(`transfer.report.lost.${x.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section className="pd-xfer-section" data-section="columns">
        <h3>{t('transfer.report.columns')}</h3>
        {report.unmapped.length > 0 && (
          <div className="pd-xfer-callout" data-note="unmapped">
            <span>{t('transfer.report.unmapped', { count: report.unmapped.length })}</span>
            <button type="button" className="pd-btn pd-btn-small" data-action="map" onClick={() => openMapping(step)}>
              {t('transfer.report.mapColumns')}
            </button>
          </div>
        )}
        <table className="pd-xfer-table pd-xfer-columns">
          <thead>
            <tr>
              <th className="pd-xfer-addr">{t('transfer.report.colLetter')}</th>
              <th>{t('transfer.report.colHeader')}</th>
              <th>{t('transfer.report.colMeaning')}</th>
            </tr>
          </thead>
          <tbody>
            {report.mappedColumns.map((c) => (
              <tr key={c.column}>
                <td className="pd-xfer-addr">{c.column}</td>
                <td>{c.header}</td>
                <td>{targetLabel(c.key, lang, columns)}</td>
              </tr>
            ))}
            {Object.entries(step.status.mapping?.columns ?? {})
              .filter(([k, v]) => v === 'ignore' && /^[A-Z]{1,3}$/.test(k))
              .map(([letter]) => (
                <tr key={`ignored:${letter}`} className="is-ignored">
                  <td className="pd-xfer-addr">{letter}</td>
                  <td />
                  <td>{t('transfer.report.ignoredByMapping')}</td>
                </tr>
              ))}
            {report.unmapped.map((u) => {
              const [letter, ...rest] = u.split(':');
              return (
                <tr key={u} className="is-unmapped">
                  <td className="pd-xfer-addr">{letter}</td>
                  <td>{rest.join(':').trim()}</td>
                  <td>—</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {report.unmapped.length === 0 && (
          <button type="button" className="pd-btn pd-btn-link pd-btn-small" data-action="map" onClick={() => openMapping(step)}>
            {t('transfer.report.mapColumns')}
          </button>
        )}
      </section>

      {cells.length + others.length === 0 && report.skipped.length === 0 ? (
        <p className="pd-xfer-ok">{t('transfer.report.clean')}</p>
      ) : null}

      {cells.length > 0 && (
        <section className="pd-xfer-section" data-section="cells">
          <h3>{t('transfer.report.cells', { count: count(cells.length) })}</h3>
          <Listing rows={cells.map((w) => [w.address ?? '', tStored(lang, w.key, w.params)])} head={[t('transfer.report.address'), t('transfer.report.message')]} />
        </section>
      )}

      {others.length > 0 && (
        <section className="pd-xfer-section" data-section="warnings">
          <h3>{t('transfer.report.warnings', { count: count(others.length) })}</h3>
          <Listing rows={others.map((w) => [w.address ?? '', tStored(lang, w.key, w.params)])} head={[t('transfer.report.address'), t('transfer.report.message')]} />
        </section>
      )}

      {report.skipped.length > 0 && (
        <section className="pd-xfer-section" data-section="skipped">
          <h3>{t('transfer.report.skipped', { count: count(report.skipped.length) })}</h3>
          <Listing rows={report.skipped.map((s) => [s.address, tStored(lang, s.reason)])} head={[t('transfer.report.address'), t('transfer.report.reason')]} />
        </section>
      )}
    </Frame>
  );
}

function Listing({ head, rows }: { head: [string, string]; rows: [string, string][] }) {
  return (
    <div className="pd-xfer-listing">
      <table className="pd-xfer-table">
        <thead>
          <tr>
            <th className="pd-xfer-addr">{head[0]}</th>
            <th>{head[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([a, m], i) => (
            <tr key={i}>
              <td className="pd-xfer-addr">{a}</td>
              <td>{m}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
