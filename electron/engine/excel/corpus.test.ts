// Every file of the hostile real-world corpus (calamine's test files) ends in a result or an
// ImportError — never a crash, never a hang — each within a time limit. The readers are also
// driven through every sheet of every workbook, not only the importer's first table.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CALAMINE_CORPUS, describeWithData } from '../../../test/support/need-data';
import { ImportError, importSpreadsheet } from './index';
import { openWorkbook } from './open';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/calamine');
const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).sort() : [];
const LIMIT_MS = 10_000;

describeWithData(CALAMINE_CORPUS, 'calamine corpus', () => {
  it.each(files)('%s ends in a result or a clear refusal', async (f) => {
    const bytes = fs.readFileSync(path.join(CORPUS, f));
    const t0 = performance.now();
    const outcome = await importSpreadsheet({ bytes, name: f }, { signal: AbortSignal.timeout(LIMIT_MS) }).then(
      (r) => `lines:${r.report.lineCount}`,
      (e) => {
        if (!(e instanceof ImportError)) throw e; // a crash: fail with its stack
        return e.code;
      },
    );
    expect(outcome).toMatch(/^(lines:\d+|excel\.error\.[a-z_]+)$/);
    // Drive the reader through every sheet too.
    try {
      const wb = await openWorkbook(bytes, {});
      for (let i = 0; i < wb.sheets.length; i++) await wb.load(i, {});
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
    }
    expect(performance.now() - t0).toBeLessThan(LIMIT_MS);
  });
});
