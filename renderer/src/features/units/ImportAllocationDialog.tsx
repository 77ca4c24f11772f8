// File → Nhập bảng phân bổ cho đơn vị: read an allocation annex against the open plan and show its
// report BEFORE anything is written (allocio/read: columns matched to lines and funding columns and
// how, units spelled otherwise, new units, group and total rows, numbers read from text, cells
// skipped by address), then import what could be read in one undo step (allocio/import, a backup
// first) — or close, or read the file again after fixing it. Electron's main process picks the file
// in its dialog; browser mode asks for its path.
import { useEffect, useMemo, useState } from 'react';
import type { AllocationReport } from '../../../../shared/commands/alloc-io';
import { ModalFrame } from '../../app/ModalFrame';
import { ReportSections } from '../../app/ReportSections';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { applyPatch } from './actions';
import { fundingColumnName } from './alloc-model';
import { reportView } from './import-allocation-view';

export default function ImportAllocationDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store } = ctx;
  const [read, setRead] = useState<{ report: AllocationReport; path: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (known?: string) => {
    let path = known ?? '';
    if (!known && bridge.mode === 'browser') {
      path = window.prompt(t('allocio.dialog.pickFile'))?.trim() ?? '';
      if (!path) return onClose();
    }
    setBusy(true);
    try {
      setRead(await bridge.invoke('allocio/read', { path }));
    } catch (e) {
      if (!(e instanceof BridgeFailure && e.error.code === 'error.canceled')) ctx.showFailure(e);
      if (!read) onClose();
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void readFile();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const view = useMemo(
    () => (read ? reportView(read.report, t, (key) => fundingColumnName(store.columns, key, ctx.lang)) : null),
    [read, t, store.columns, ctx.lang],
  );

  const importNow = async () => {
    if (!read) return;
    setBusy(true);
    try {
      const p = await bridge.invoke('allocio/import', { path: read.path });
      await applyPatch(ctx, p);
      ctx.show(t('allocio.dialog.done', { changes: p.report.changes, newUnits: p.report.newUnits }), 'info');
      onClose();
    } catch (e) {
      ctx.showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalFrame
      id="import-allocation"
      title={t('allocio.dialog.title')}
      subtitle={read ? read.report.sheet : undefined}
      closeLabel={t('common.close')}
      onClose={onClose}
      classes={{ box: 'pd-dialog pd-allocimport-dialog' }}
      pickFirst={(box) => box.querySelector<HTMLElement>('[data-allocimport-action="import"]') ?? box.querySelector<HTMLElement>('button')}
      footer={
        <>
          <button type="button" className="pd-btn" data-allocimport-action="reread" disabled={busy || !read || bridge.mode !== 'browser'} onClick={() => read && void readFile(read.path)}>
            {t('allocio.dialog.reread')}
          </button>
          <button
            type="button"
            className="pd-btn pd-btn-primary"
            data-allocimport-action="import"
            disabled={busy || !view || view.changes === 0 || view.nothingUsable || !!store.file?.readOnly}
            onClick={() => void importNow()}
          >
            {t('allocio.dialog.import', { changes: view?.changes ?? 0 })}
          </button>
        </>
      }
    >
      {!view ? (
        <p>{t('allocio.dialog.reading')}</p>
      ) : (
        <div className="pd-allocimport">
          <p data-allocimport="summary">{view.summary}</p>
          {view.unitNote && <p>{view.unitNote}</p>}
          <p className="pd-allocimport-note">{view.nothingUsable ? t('allocio.error.nothing_usable') : t('allocio.dialog.nothingWritten')}</p>
          <table className="pd-allocimport-columns" data-allocimport="columns">
            <thead>
              <tr>
                <th>{t('allocio.dialog.col.letter')}</th>
                <th>{t('allocio.dialog.col.header')}</th>
                <th>{t('allocio.dialog.col.line')}</th>
                <th>{t('allocio.dialog.col.funding')}</th>
                <th>{t('allocio.dialog.col.how')}</th>
              </tr>
            </thead>
            <tbody>
              {view.columns.map((c) => (
                <tr key={c.letter} className={c.problem ? 'pd-allocimport-skipped' : undefined}>
                  <td>{c.letter}</td>
                  <td>{c.header}</td>
                  {c.problem ? <td colSpan={3}>{c.problem}</td> : <><td>{c.line}</td><td>{c.funding}</td><td>{c.how}</td></>}
                </tr>
              ))}
            </tbody>
          </table>
          <ReportSections sections={view.sections} attr="data-allocimport" />
        </div>
      )}
    </ModalFrame>
  );
}
