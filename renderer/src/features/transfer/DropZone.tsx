// Drag a spreadsheet onto the window to import it: while a file is over the window a drop target
// covers it; on drop the file's bytes go to the host (the sandboxed page has no paths) and the
// import starts as from File → Import. Anything that is not files (text, cells) is left alone.
import { useEffect, useRef, useState } from 'react';
import type { AppContext } from '../types';
import { importFile } from './flow';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

export function DropZone({ ctx }: { ctx: AppContext }) {
  const [over, setOver] = useState(false);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the file left.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const move = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser (or Electron) would open the file itself.
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      const c = ctxRef.current;
      if (files.length !== 1) c.show(c.t('transfer.error.one_file'), 'error');
      else void importFile(c, files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', move);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', move);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="pd-xfer-drop" aria-hidden="true">
      <div className="pd-xfer-drop-box">
        <div className="pd-xfer-drop-icon">XLSX</div>
        <div className="pd-xfer-drop-title">{ctx.t('transfer.drop.title')}</div>
        <div className="pd-xfer-drop-formats">{ctx.t('transfer.drop.formats')}</div>
      </div>
    </div>
  );
}
