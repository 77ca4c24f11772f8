// File → Tổng hợp từ đơn vị: the consolidation board. Opens on the board as the plan holds it;
// "Chọn tệp…" collects the units' files (Electron's main picks several files, or a folder with
// "Chọn thư mục…", in its dialog; browser mode asks for any files and folders), and files dropped
// anywhere on the window while the board is open are collected too (board-drop.ts) — each recognised, checked against the unit's shares, merged in one undo
// step when it matches (or when the officer ticked "merge units that differ"), else held or refused
// with the reason. Clicking a unit shows its merged detail lines under the plan lines they refine.
// The board exports to xlsx through the engine's write check.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Board, ConsolidationResults, FileOutcome } from '../../../../shared/commands/consolidation';
import { columnLabel } from '../../../../shared/column-labels';
import { formatAmount } from '../../../../shared/number';
import { ModalFrame } from '../../app/ModalFrame';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { filesOfDrop, stageDropped, type DropEntry, type DroppedFile } from './board-drop';
import { boardRows, fileLines } from './board-view';

type Detail = ConsolidationResults['consolidation/detail'];

export default function ConsolidationDialog({ ctx, onClose, onPrint }: { ctx: AppContext; onClose: () => void; onPrint?: () => void }) {
  const { t, bridge, store, lang } = ctx;
  const [board, setBoard] = useState<Board | null>(null);
  const [files, setFiles] = useState<FileOutcome[]>([]);
  const [accept, setAccept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [over, setOver] = useState(false);
  const [uploading, setUploading] = useState<{ done: number; count: number } | null>(null);
  const unit = store.meta?.unit ?? 'trieu';
  const columnName = (key: string) => columnLabel(key, lang, store.columns);

  useEffect(() => {
    bridge.invoke('consolidation/board', {}).then(setBoard, (e) => ctx.showFailure(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rows = useMemo(() => (board ? boardRows(board, t, lang, unit, columnName) : []), [board, t, lang, unit, store.columns]);

  const pick = async (what: 'files' | 'folder' = 'files') => {
    let paths = [''];
    if (bridge.mode === 'browser') {
      const typed = window.prompt(t('consolidation.dialog.pickPrompt'))?.trim() ?? '';
      if (!typed) return;
      paths = typed.split(/[\n;]+/).map((p) => p.trim()).filter(Boolean);
    }
    await collectFiles({ paths, pick: what });
  };

  /** Files dropped on the window while the board is open: their bytes staged, then collected. */
  const dropFiles = async (entries: (DropEntry | null)[], list: DroppedFile[]) => {
    if (busy || store.file?.readOnly) return;
    let files: DroppedFile[];
    try {
      files = await filesOfDrop(entries, list);
    } catch (e) {
      ctx.showFailure(e);
      return;
    }
    if (!files.length) return;
    setBusy(true);
    let batch: string;
    try {
      setUploading({ done: 0, count: files.length });
      batch = await stageDropped(bridge, files, (done) => setUploading({ done, count: files.length }));
    } catch (e) {
      ctx.showFailure(e);
      setBusy(false);
      return;
    } finally {
      setUploading(null);
    }
    await collectFiles({ paths: [], batch });
  };

  const collectFiles = async (what: { paths: string[]; pick?: 'files' | 'folder'; batch?: string }) => {
    setBusy(true);
    setProgress(0);
    try {
      // A job: its progress shown, Cancel stops it before anything is merged.
      const { job } = await bridge.invoke('consolidation/start', { ...what, acceptMismatch: accept, dryRun: false });
      setJob(job);
      let status = await bridge.invoke('consolidation/status', { job });
      while (status.state === 'running') {
        setProgress(status.fraction);
        await new Promise((res) => setTimeout(res, 250));
        status = await bridge.invoke('consolidation/status', { job });
      }
      if (status.state === 'cancelled') return;
      if (status.state === 'failed') throw new BridgeFailure(status.error!);
      const r = status.result!;
      if (ctx.grid.current) await ctx.grid.current.applyPatch(r);
      else store.apply(r);
      setBoard(r.board);
      setFiles(r.files);
      const n = (s: string) => r.files.filter((f) => f.status === s).length;
      ctx.show(t('consolidation.dialog.done', { merged: n('merged'), held: n('held'), refused: n('refused') }), 'info');
    } catch (e) {
      if (!(e instanceof BridgeFailure && e.error.code === 'error.canceled')) ctx.showFailure(e);
    } finally {
      setBusy(false);
      setJob(null);
    }
  };

  const dropRef = useRef(dropFiles);
  dropRef.current = dropFiles;
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    // Captured at the window: while the board is open a file dropped anywhere is for it, not an import.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth++;
      setOver(true);
    };
    const move = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.stopPropagation();
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      setOver(false);
      // The entries exist only while the drop event runs: taken now, walked after.
      const items = [...(e.dataTransfer?.items ?? [])].filter((i) => i.kind === 'file');
      const entries = items.map((i) => (i.webkitGetAsEntry?.() ?? null) as DropEntry | null);
      void dropRef.current(entries, [...(e.dataTransfer?.files ?? [])]);
    };
    const opts = { capture: true };
    window.addEventListener('dragenter', enter, opts);
    window.addEventListener('dragover', move, opts);
    window.addEventListener('dragleave', leave, opts);
    window.addEventListener('drop', drop, opts);
    return () => {
      window.removeEventListener('dragenter', enter, opts);
      window.removeEventListener('dragover', move, opts);
      window.removeEventListener('dragleave', leave, opts);
      window.removeEventListener('drop', drop, opts);
    };
  }, []);

  const cancel = () => {
    if (job) void bridge.invoke('consolidation/cancel', { job }).catch((e) => ctx.showFailure(e));
  };

  const exportBoard = async () => {
    let path = '';
    if (bridge.mode === 'browser') {
      path = window.prompt(t('consolidation.dialog.export'))?.trim() ?? '';
      if (!path) return;
    }
    try {
      const r = await bridge.invoke('consolidation/exportBoard', { path });
      ctx.show(t('consolidation.dialog.exported', { file: r.path }), 'info');
    } catch (e) {
      if (!(e instanceof BridgeFailure && e.error.code === 'error.canceled')) ctx.showFailure(e);
    }
  };

  const showDetail = async (unitId: number) => {
    try {
      setDetail(await bridge.invoke('consolidation/detail', { unitId }));
    } catch (e) {
      ctx.showFailure(e);
    }
  };

  const remove = async (unitId: number) => {
    try {
      const p = await bridge.invoke('consolidation/remove', { unitId });
      if (ctx.grid.current) await ctx.grid.current.applyPatch(p);
      else store.apply(p);
      setBoard(await bridge.invoke('consolidation/board', {}));
      setDetail(null);
    } catch (e) {
      ctx.showFailure(e);
    }
  };

  const leafKeys = board?.columns ?? [];
  return (
    <ModalFrame
      id="consolidation"
      title={t('consolidation.dialog.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      classes={{ box: 'pd-dialog pd-consolidation-dialog' }}
      pickFirst={(box) => box.querySelector<HTMLElement>('[data-consolidation-action="pick"]') ?? box.querySelector<HTMLElement>('button')}
      footer={
        <>
          <label className="pd-consolidation-accept">
            <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} data-consolidation="accept" /> {t('consolidation.dialog.accept')}
          </label>
          <button type="button" className="pd-btn" data-consolidation-action="export" disabled={busy || !board} onClick={() => void exportBoard()}>
            {t('consolidation.dialog.export')}
          </button>
          {onPrint && (
            <button type="button" className="pd-btn" data-consolidation-action="print" disabled={busy || !board} onClick={onPrint}>
              {t('consolidation.dialog.print')}
            </button>
          )}
          {bridge.mode === 'electron' && (
            <button type="button" className="pd-btn" data-consolidation-action="pick-folder" disabled={busy || !!store.file?.readOnly} onClick={() => void pick('folder')}>
              {t('consolidation.dialog.pickFolder')}
            </button>
          )}
          <button type="button" className="pd-btn pd-btn-primary" data-consolidation-action="pick" disabled={busy || !!store.file?.readOnly} onClick={() => void pick()}>
            {t('consolidation.dialog.pick')}
          </button>
        </>
      }
    >
      <p className="pd-hint" data-consolidation="drop-hint" style={over ? { outline: '2px dashed currentColor', padding: '1em' } : undefined}>
        {over ? t('consolidation.dialog.dropHere') : t('consolidation.dialog.drop')}
      </p>
      {uploading && <p data-consolidation="uploading">{t('consolidation.dialog.uploading', uploading)}</p>}
      {busy && !uploading && (
        <p data-consolidation="busy">
          {t('consolidation.dialog.busy')} <progress max={1} value={progress} /> {Math.round(progress * 100)}%{' '}
          <button type="button" className="pd-btn" data-consolidation-action="cancel" disabled={!job} onClick={cancel}>
            {t('consolidation.dialog.cancel')}
          </button>
        </p>
      )}
      {board && rows.length === 0 && <p>{t('consolidation.dialog.empty')}</p>}
      {rows.length > 0 && (
        <div className="pd-consolidation-board" style={{ maxHeight: '50vh', overflow: 'auto' }}>
          <table data-consolidation="board">
            <thead>
              <tr>
                {(['unit', 'status', 'file', 'received', 'allocated', 'reported', 'differences'] as const).map((c) => (
                  <th key={c}>{t(`consolidation.col.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitId} data-unit={r.name} data-status={r.status} onClick={() => void showDetail(r.unitId)} style={{ cursor: 'pointer' }}>
                  <td>{r.name}</td>
                  <td>{r.statusText}</td>
                  <td>{r.file}</td>
                  <td>{r.received}</td>
                  <td style={{ textAlign: 'right' }}>{r.allocated}</td>
                  <td style={{ textAlign: 'right' }}>{r.reported}</td>
                  <td>{r.differences.slice(0, 5).join('; ')}{r.differences.length > 5 ? ` (+${r.differences.length - 5})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {files.length > 0 && (
        <section data-consolidation="files">
          <h3>{t('consolidation.dialog.files')}</h3>
          <ul>
            {fileLines(files, t, lang).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </section>
      )}
      {detail && (
        <section data-consolidation="detail">
          <h3>
            {t('consolidation.detail.heading')}: {detail.name}
            {detail.file ? ` (${detail.file})` : ''}
          </h3>
          {detail.rows.length === 0 ? (
            <p>{t('consolidation.dialog.noDetail')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('consolidation.col.line')}</th>
                  <th>{t('consolidation.col.code')}</th>
                  <th>{t('consolidation.col.name')}</th>
                  {leafKeys.map((k) => (
                    <th key={k}>{columnName(k)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {detail.rows.map((d) => (
                  <tr key={d.seq}>
                    <td>{d.line}</td>
                    <td>{d.code}</td>
                    <td style={{ paddingLeft: d.parentSeq === null ? undefined : '1.5em' }}>{d.name}</td>
                    {leafKeys.map((k) => (
                      <td key={k} style={{ textAlign: 'right' }}>{d.values[k] ? formatAmount(d.values[k], unit, lang === 'vi' ? 'vi-VN' : 'en-US') : ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {detail.file && !store.file?.readOnly && (
            <button type="button" className="pd-btn" data-consolidation-action="remove" onClick={() => void remove(detail.unitId)}>
              {t('consolidation.dialog.remove')}
            </button>
          )}
        </section>
      )}
    </ModalFrame>
  );
}
