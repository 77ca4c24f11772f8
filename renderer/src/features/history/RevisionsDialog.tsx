// Tools → Plan revisions: save the plan as it is now under a name ("KH 122/KH-UBND 29/02/2024"),
// see the saved ones, compare one with the current plan, delete one (after a second click).
import { useEffect, useState } from 'react';
import type { RevisionInfo } from '../../../../shared/commands/history';
import type { AppContext } from '../types';
import { Dialog } from './Dialog';
import { formatTime } from './format';
import { openDialog } from './ui-state';

export function RevisionsDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, lang, bridge, store } = ctx;
  const [list, setList] = useState<RevisionInfo[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);
  const readOnly = !!store.file?.readOnly;

  useEffect(() => {
    bridge.invoke('history/revisions', {}).then((r) => setList(r.revisions), ctx.showFailure);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      const { revision } = await bridge.invoke('history/createRevision', { name: name.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
      setList((l) => [...l, revision]);
      setName('');
      setNote('');
      (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      ctx.show(t('history.revisions.saved', { name: revision.name }));
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  const remove = async (id: number) => {
    if (confirming !== id) return setConfirming(id);
    setConfirming(null);
    try {
      setList((await bridge.invoke('history/deleteRevision', { id })).revisions);
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  return (
    <Dialog id="pd-revisions" title={t('history.revisions.title')} onClose={onClose} closeLabel={t('common.close')}>
      <p className="pd-hist-hint">{t('history.revisions.hint')}</p>
      {!readOnly && (
        <form className="pd-hist-form" onSubmit={(e) => void save(e)}>
          <label>
            {t('history.revisions.name')}
            <input name="name" value={name} maxLength={200} size={34} onChange={(e) => setName(e.target.value)} data-autofocus />
          </label>
          <label>
            {t('history.revisions.note')}
            <input name="note" value={note} maxLength={2000} size={24} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="pd-hist-primary" disabled={!name.trim()}>
            {t('history.revisions.save')}
          </button>
        </form>
      )}
      {list.length === 0 ? (
        <p className="pd-hist-hint">{t('history.revisions.empty')}</p>
      ) : (
        <table className="pd-hist-table" data-testid="revisions-table">
          <thead>
            <tr>
              <th>{t('history.revisions.col.name')}</th>
              <th>{t('history.revisions.col.at')}</th>
              <th>{t('history.revisions.col.user')}</th>
              <th>{t('history.revisions.col.lines')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-revision={r.name}>
                <td title={r.note}>{r.name}</td>
                <td>{formatTime(r.createdAt, lang)}</td>
                <td title={r.host}>{r.user}</td>
                <td className="pd-num">{r.lineCount.toLocaleString('vi-VN')}</td>
                <td>
                  <button type="button" data-action="compare-current" onClick={() => openDialog({ kind: 'compare', preset: { a: { kind: 'revision', id: r.id }, b: { kind: 'current' } } })}>
                    {t('history.revisions.compareCurrent')}
                  </button>{' '}
                  {!readOnly && (
                    <button
                      type="button"
                      data-action="delete"
                      className={confirming === r.id ? 'pd-hist-danger' : undefined}
                      title={t('history.revisions.confirmDelete', { name: r.name })}
                      onClick={() => void remove(r.id)}
                    >
                      {confirming === r.id ? `${t('history.revisions.delete')}?` : t('history.revisions.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
