// Issue 4 in the main window: File → Import from Excel… (Electron: the system's file dialog; browser
// mode: the page's file picker), a spreadsheet dropped on the window, and File → Export to Excel….
// The import's dialogs follow its job (flow.ts): progress with Cancel, sheet choice, column mapping,
// the report, and the decision; a failure says why and leaves the plan as it was.
import { useRef } from 'react';
import type { Feature } from '../types';
import { DropZone } from './DropZone';
import { ExportDialog } from './ExportDialog';
import { FailedDialog } from './FailedDialog';
import { importFile, importFromDialog, openExport, useTransferStep } from './flow';
import { MappingDialog } from './MappingDialog';
import { ProgressDialog } from './ProgressDialog';
import { ReportDialog } from './ReportDialog';
import { SheetDialog } from './SheetDialog';

/** Browser mode's file picker (mounted by the overlay; File → Import clicks it). */
let picker: HTMLInputElement | null = null;

export const transferFeature: Feature = {
  id: 'transfer',
  menus: (ctx) => ({
    file: [
      { id: 'transfer.import', label: ctx.t('transfer.menu.import'), run: () => ctx.run('transfer.import') },
      { id: 'transfer.export', label: ctx.t('transfer.menu.export'), run: () => ctx.run('transfer.export') },
    ],
  }),
  actions: (ctx) => ({
    'transfer.import': () => {
      if (ctx.bridge.mode === 'electron') importFromDialog(ctx);
      else picker?.click();
    },
    'transfer.export': () => openExport(),
  }),
  Overlay: function TransferOverlay({ ctx }) {
    const step = useTransferStep();
    const ctxRef = useRef(ctx);
    ctxRef.current = ctx;
    return (
      <>
        {ctx.bridge.mode === 'browser' && (
          <input
            ref={(el) => {
              picker = el;
            }}
            type="file"
            accept=".xlsx,.xlsm,.xls,.ods"
            hidden
            data-testid="pd-import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(ctxRef.current, file);
            }}
          />
        )}
        <DropZone ctx={ctx} />
        {step.kind === 'progress' && <ProgressDialog ctx={ctx} step={step} />}
        {step.kind === 'sheet' && <SheetDialog key={step.job} ctx={ctx} step={step} />}
        {step.kind === 'mapping' && <MappingDialog key={`${step.job}:${step.notice ?? ''}`} ctx={ctx} step={step} />}
        {step.kind === 'report' && <ReportDialog key={step.job} ctx={ctx} step={step} />}
        {step.kind === 'failed' && <FailedDialog ctx={ctx} step={step} />}
        {step.kind === 'export' && <ExportDialog ctx={ctx} />}
      </>
    );
  },
};
