// File → Export to Excel: the plan as an .xlsx annex, in the default layout or filled into the
// department's own template (its columns found by a saved mapping, or by their headers). In
// Electron the output file and the template are chosen in the system's dialogs; browser mode (tests)
// takes paths typed here.
import { useEffect, useState } from 'react';
import type { ImportTemplate } from '../../../../shared/commands/transfer';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { closeDialog } from './flow';
import { Frame } from './Frame';

export function ExportDialog({ ctx }: { ctx: AppContext }) {
  const { t, bridge, store } = ctx;
  const browser = bridge.mode === 'browser';
  const [mode, setMode] = useState<'default' | 'template'>('default');
  const [templates, setTemplates] = useState<ImportTemplate[]>([]);
  const [mapping, setMapping] = useState('');
  const [templatePath, setTemplatePath] = useState('');
  const [out, setOut] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    bridge.invoke('transfer/templates', {}).then((r) => setTemplates(r.templates), () => {});
  }, [bridge]);

  const valid = !browser || (out.trim() !== '' && (mode === 'default' || templatePath.trim() !== ''));
  const run = async () => {
    if (!valid || busy) return;
    setBusy(true);
    // Electron: main's save dialog picks the file; the plan's name is its suggestion.
    const suggestion = (store.file?.name ?? 'ke-hoach').replace(/\.plandesk$/i, '') + '.xlsx';
    try {
      const r = await bridge.invoke('transfer/export', {
        path: browser ? out.trim() : suggestion,
        ...(mode === 'template' ? { template: browser ? templatePath.trim() : '' } : {}),
        ...(mode === 'template' && mapping ? { mapping } : {}),
      });
      closeDialog();
      ctx.show(t('transfer.export.done', { name: r.name }));
    } catch (err) {
      setBusy(false);
      if (!(err instanceof BridgeFailure && err.error.code === 'error.canceled')) ctx.showFailure(err);
    }
  };

  return (
    <Frame
      id="pd-export"
      title={t('transfer.export.title')}
      subtitle={store.file?.name}
      closeLabel={t('common.close')}
      onClose={closeDialog}
      footer={
        <>
          {busy && <span className="pd-xfer-foot-note" role="status">{t('transfer.export.running')}</span>}
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn pd-btn-primary" data-action="export" disabled={!valid || busy} onClick={() => void run()}>
            {t('transfer.export.run')}
          </button>
          <button type="button" className="pd-btn" data-action="close" disabled={busy} onClick={closeDialog}>
            {t('common.close')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('transfer.export.hint')}</p>
      <div className="pd-xfer-modes" role="radiogroup" aria-label={t('transfer.export.title')}>
        <label className={`pd-xfer-mode${mode === 'default' ? ' is-on' : ''}`}>
          <input type="radio" name="mode" value="default" checked={mode === 'default'} onChange={() => setMode('default')} />
          <span>
            <strong>{t('transfer.export.default')}</strong>
            <small>{t('transfer.export.defaultHint')}</small>
          </span>
        </label>
        <label className={`pd-xfer-mode${mode === 'template' ? ' is-on' : ''}`}>
          <input type="radio" name="mode" value="template" checked={mode === 'template'} onChange={() => setMode('template')} />
          <span>
            <strong>{t('transfer.export.template')}</strong>
            <small>{t('transfer.export.templateHint')}</small>
          </span>
        </label>
      </div>
      {mode === 'template' && (
        <div className="pd-xfer-fields">
          <label>
            <span>{t('transfer.export.mapping')}</span>
            <select className="pd-input" name="mapping" value={mapping} onChange={(e) => setMapping(e.target.value)}>
              <option value="">{t('transfer.export.autoMapping')}</option>
              {templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          {browser ? (
            <label>
              <span>{t('transfer.export.templatePath')}</span>
              <input className="pd-input" name="templatePath" value={templatePath} onChange={(e) => setTemplatePath(e.target.value)} />
            </label>
          ) : (
            <p className="pd-xfer-hint">{t('transfer.export.chooseTemplate')}</p>
          )}
        </div>
      )}
      {browser && (
        <div className="pd-xfer-fields">
          <label>
            <span>{t('transfer.export.path')}</span>
            <input className="pd-input" name="path" value={out} onChange={(e) => setOut(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void run()} />
          </label>
        </div>
      )}
    </Frame>
  );
}
