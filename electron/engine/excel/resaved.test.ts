// Annexes PlanDesk exported, opened and saved again by LibreOffice as .xlsx, .ods and .xls (the
// files beside test/fixtures/excel/make-fixtures.ts): shared strings instead of inline ones, other
// XML, the hidden _PlanDesk sheet carried along — the plan comes back the same.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Amount } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { importSpreadsheet } from './index';

const FIX = path.resolve(__dirname, '../../../test/fixtures/excel');
const set = (a: readonly Amount[]) => a.map((x) => `${x.lineId}:${x.column}=${x.value}`).sort();

describe('an exported annex saved again by LibreOffice', () => {
  const plan = sampleCycle();
  plan.amounts.push({ lineId: 1, column: 'total', value: 160_000_000_000 }); // typed over when exported

  it.each(['xlsx', 'ods', 'xls'])('.%s gives back the same plan', async (ext) => {
    const r = await importSpreadsheet({ path: path.join(FIX, `sample-annex.libreoffice.${ext}`) });
    expect(r.data.lines.map((l) => [l.code, l.parentId, l.name, l.agency, l.note])).toEqual(plan.lines.map((l) => [l.code, l.parentId, l.name, l.agency, l.note]));
    expect(set(r.data.amounts)).toEqual(set(plan.amounts));
    // These files were exported before the annex number, "TM. …" and "Nơi nhận" were plan details.
    const { annexNumber: _n, ...before } = plan.meta;
    const { onBehalf: _b, recipients: _r, ...signature } = plan.meta.signature;
    expect(r.data.meta).toEqual({ ...before, signature });
    expect(r.report.fromPlanDesk).toBe(true);
    expect(r.report.warnings.map((w) => `${w.key}@${w.address}`)).toEqual(['excel.warn.stated_mismatch@C9']);
  });
});
