// File → Save structure as template: the open plan's lines (codes, names, capital types), funding
// columns, rule settings and unit — no figures, agencies or notes — written to a .pdtemplate file
// (Electron: main's save dialog; browser mode: a path typed here), to start other plans from.
import { useId, useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';

export function SaveTemplateDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store } = ctx;
  const browser = bridge.mode === 'browser';
  const [name, setName] = useState(() => (store.meta?.program ?? '').slice(0, 200));
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const valid = name.trim() !== '' && (!browser || path.trim() !== '');

  const save = async () => {
    if (!valid) return;
    setBusy(true);
    try {
      const r = await bridge.invoke('templates/save', { name: name.trim(), path: browser ? path.trim() : '' });
      onClose();
      ctx.show(t('templates.save.done', { name: name.trim(), count: r.lines }));
    } catch (err) {
      if (!(err instanceof BridgeFailure && err.error.code === 'error.canceled')) ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('templates.save.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void save()}
      className="pd-save-template-dialog"
      footer={
        <>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn" onClick={onClose}>
            {t('plan.cancel')}
          </button>
          <button type="submit" className="pd-btn pd-btn-primary" disabled={busy || !valid} data-action="save">
            {t('templates.save.save')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('templates.save.hint')}</p>
      <div className="pd-field pd-field-wide">
        <label htmlFor={`${id}-name`}>{t('templates.save.name')}</label>
        <input id={`${id}-name`} name="name" className="pd-input" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        {name.trim() === '' && <div className="pd-field-error">{t('template.error.empty_name')}</div>}
      </div>
      {browser && (
        <div className="pd-field pd-field-wide">
          <label htmlFor={`${id}-path`}>{t('templates.save.path')}</label>
          <input id={`${id}-path`} name="path" className="pd-input" value={path} onChange={(e) => setPath(e.target.value)} />
        </div>
      )}
    </FormDialog>
  );
}
