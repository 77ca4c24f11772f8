// File → Nhập báo cáo giải ngân (and the Giải ngân tab's button): read a disbursement report against
// the open plan and show what it would do BEFORE anything is written (execution/read: the as-of date
// and where it came from, what would be written per fund with carried-over funds apart, the report's
// plan figures that differ from the plan — never written —, every cell not placed by address and
// why), then "Nhập" writes it in one undo step with a backup first (execution/import) and shows the
// date in the Giải ngân tab, "Hủy" leaves the plan untouched. The date is the heading's, or one chosen
// (an existing reporting date or another): a new choice reads the file again. Electron's main process
// picks the file in its dialog (its choice serves the import that follows); browser mode asks for the
// path, as the allocation import does.
import { useEffect, useMemo, useState } from 'react';
import type { ExecutionImportReport, ExecutionToWrite } from '../../../../shared/commands/execution';
import type { ReportDate } from '../../../../shared/execution/model';
import { viDate } from '../../../../shared/print/execution-report';
import { ModalFrame } from '../../app/ModalFrame';
import { ReportSections } from '../../app/ReportSections';
import { mainView } from '../../app/main-view';
import { BridgeFailure } from '../../bridge';
import { executionData } from '../execution/exec-data';
import type { AppContext } from '../types';
import { fundingColumnName } from '../units/alloc-model';
import { asOfArg, dateOptions, importView, type AsOfChoice } from './import-view';
import './execution-import.css';

type Read = { report: ExecutionImportReport; path: string; toWrite: ExecutionToWrite[]; choice: AsOfChoice };

export default function ImportExecutionDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store } = ctx;
  const [read, setRead] = useState<Read | null>(null);
  const [path, setPath] = useState('');
  const [dates, setDates] = useState<ReportDate[]>([]);
  const [needDate, setNeedDate] = useState(false);
  const [picking, setPicking] = useState(false);
  const [newDate, setNewDate] = useState('');
  const [busy, setBusy] = useState(false);

  const readFile = async (choice: AsOfChoice, known: string) => {
    let file = known;
    if (!file && bridge.mode === 'browser') {
      file = window.prompt(t('execimport.pickFile'))?.trim() ?? '';
      if (!file) return onClose();
    }
    setBusy(true);
    try {
      setDates((await bridge.invoke('execution/dates', {})).dates);
      const asOf = asOfArg(choice);
      const r = await bridge.invoke('execution/read', { path: file, ...(asOf ? { asOf } : {}) });
      setRead({ ...r, choice });
      setPath(r.path);
      setNeedDate(false);
      setPicking(false);
    } catch (e) {
      if (e instanceof BridgeFailure && e.error.code === 'execution.error.no_as_of') {
        // The heading states no date: the person chooses one, and the file is read again with it.
        setPath(file);
        setNeedDate(true);
        setPicking(true);
      } else {
        if (!(e instanceof BridgeFailure && e.error.code === 'error.canceled')) ctx.showFailure(e);
        if (!read && !needDate) onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void readFile({ kind: 'file' }, '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const meta = store.meta;
  const view = useMemo(
    () =>
      read && meta
        ? importView(read.report, read.toWrite, { t, columnName: (k) => fundingColumnName(store.columns, k, ctx.lang), planYear: meta.year, locale: meta.numberLocale })
        : null,
    [read, t, store.columns, ctx.lang, meta],
  );
  const options = dateOptions(read?.report.fileAsOf ?? null, dates, t);
  const selected = picking ? 'new' : !read || read.choice.kind === 'file' ? 'file' : read.choice.asOf;

  const choose = (value: string) => {
    if (value === 'new') return setPicking(true);
    setPicking(false);
    void readFile(value === 'file' ? { kind: 'file' } : { kind: 'date', asOf: value }, path);
  };

  const importNow = async () => {
    if (!read) return;
    setBusy(true);
    try {
      const asOf = asOfArg(read.choice);
      const p = await bridge.invoke('execution/import', { path: read.path, ...(asOf ? { asOf } : {}) });
      // The Giải ngân tab shows the date imported: chosen before the patch makes the view read again.
      const { dates: after } = await bridge.invoke('execution/dates', {});
      const date = after.find((d) => d.asOf === p.report.asOf);
      if (date) executionData.dateId = date.id;
      if (ctx.grid.current) await ctx.grid.current.applyPatch(p);
      else ctx.store.apply(p);
      mainView.set('execution');
      ctx.show(
        p.report.written === 0 ? t('execution.import.nothing', { unchanged: p.report.unchanged }) : t('execimport.done', { count: p.report.written, date: viDate(p.report.asOf) }),
        'info',
      );
      onClose();
    } catch (e) {
      ctx.showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalFrame
      id="import-execution"
      title={t('execimport.title')}
      subtitle={read ? read.report.sheet : undefined}
      closeLabel={t('common.close')}
      onClose={onClose}
      classes={{ box: 'pd-dialog pd-execimport-dialog' }}
      pickFirst={(box) => box.querySelector<HTMLElement>('[data-execimport-action="import"]') ?? box.querySelector<HTMLElement>('button')}
      footer={
        <>
          <button type="button" className="pd-btn" data-execimport-action="cancel" onClick={onClose}>
            {t('execimport.cancel')}
          </button>
          <button
            type="button"
            className="pd-btn pd-btn-primary"
            data-execimport-action="import"
            disabled={busy || !view || view.written === 0 || picking || !!store.file?.readOnly}
            onClick={() => void importNow()}
          >
            {t('execimport.import', { count: view?.written ?? 0 })}
          </button>
        </>
      }
    >
      <div className="pd-execimport">
        {(read || needDate) && (
          <p className="pd-execimport-date">
            <label>
              {t('execimport.asOf')}{' '}
              <select data-execimport="as-of" value={selected} disabled={busy} onChange={(e) => choose(e.target.value)}>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            </label>{' '}
            {picking && (
              <>
                <input type="date" data-execimport="new-date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />{' '}
                <button type="button" className="pd-btn" data-execimport-action="reread" disabled={busy || !/^\d{4}-\d{2}-\d{2}$/.test(newDate)} onClick={() => void readFile({ kind: 'date', asOf: newDate }, path)}>
                  {t('execimport.asOf.read')}
                </button>
              </>
            )}
          </p>
        )}
        {needDate && <p className="pd-execimport-note" data-execimport="no-as-of">{t('execimport.noAsOf')}</p>}
        {!view ? (
          !needDate && <p>{t('execimport.reading')}</p>
        ) : (
          <>
            <p data-execimport="summary">{view.summary}</p>
            <ul data-execimport="notes">
              {view.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
            <p className="pd-execimport-note">{t('execimport.nothingWritten')}</p>
            <h4>{t('execimport.funds')}</h4>
            {view.nothing ? (
              <p data-execimport="nothing">{view.nothing}</p>
            ) : (
              <table data-execimport="funds">
                <thead>
                  <tr>
                    <th>{t('execimport.col.fund')}</th>
                    <th>{t('execimport.col.measure')}</th>
                    <th>{t('execimport.col.count')}</th>
                    <th>{t('execimport.col.sum', { unit: t(`unit.${read!.report.unit}`) })}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.funds.map((f, i) => (
                    <tr key={i}>
                      <td>{f.fund}</td>
                      <td>{f.measure}</td>
                      <td className="pd-num">{f.count}</td>
                      <td className="pd-num">{f.sum}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ReportSections sections={view.sections} attr="data-execimport" />
            <h4>{t('execimport.columns')}</h4>
            <table data-execimport="columns">
              <thead>
                <tr>
                  <th>{t('execimport.col.letter')}</th>
                  <th>{t('execimport.col.header')}</th>
                  <th>{t('execimport.col.role')}</th>
                  <th>{t('execimport.col.plan')}</th>
                </tr>
              </thead>
              <tbody>
                {view.columns.map((c) => (
                  <tr key={c.letter}>
                    <td>{c.letter}</td>
                    <td>{c.header}</td>
                    <td>{c.role}</td>
                    <td>{c.plan}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </ModalFrame>
  );
}
