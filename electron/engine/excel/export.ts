// exportAnnex: a plan → an .xlsx annex. Default layout: annex.ts written by the lean writer
// (xlsx-writer.ts, fast enough for 100.000 lines). Template mode: the department's own workbook
// filled through ExcelJS (template.ts). The file appears only when complete (temp file + rename).
import path from 'node:path';
import { buildAnnex, type AnnexInput } from './annex';
import { ImportError } from './errors';
import type { ImportMapping } from './mapping';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomic } from '../store/atomic-write';
import { fillTemplate } from './template';
import { writeWorkbook } from './xlsx-writer';

export interface ExportOptions {
  /** Path of the department's template (.xlsx) to fill instead of the default layout. */
  template?: string;
  /** Which template column takes which figure (headers are recognised when omitted). */
  mapping?: ImportMapping;
}

export async function exportAnnex(input: AnnexInput, out: string, opts: ExportOptions = {}): Promise<void> {
  // The one check before a write: never over a plan, its -wal/-shm/lock, or a backup.
  checkWriteTarget(out, 'document');
  try {
    await writeAtomic(out, async (tmp) => {
      if (opts.template) {
        await fillTemplate(input, opts.template, tmp, opts.mapping);
      } else {
        const { sheets, styles } = buildAnnex(input);
        await writeWorkbook(tmp, sheets, styles);
      }
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('excel.error.write_failed', { file: path.basename(out) }, { cause: e });
  }
}
