// The annex's number and the full signature block ("TM. …", "Nơi nhận:") are plan details, saved
// with 'meta/set' in one undo step; a file written before they existed still opens, and keeps the
// annex number its print settings held.
import Database from 'better-sqlite3';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import ExcelJS from 'exceljs';
import { DEFAULT_PRINT_SETTINGS } from '../../../shared/print/settings';
import { PlanSession } from '../session';
import { Workspace } from '../workspace';
import { createCycleFile } from './cycle-file';

function sampleFile(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

describe('annex number and signature block as plan details', () => {
  it('saves them in one undo step and keeps them after reopening', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    expect(s.snapshot().meta.annexNumber).toBe('I');
    const signature = { ...s.snapshot().meta.signature, onBehalf: 'TM. HỘI ĐỒNG NHÂN DÂN', recipients: '- Như trên;\n- Lưu: VT.' };
    await s.handle('meta/set', { meta: { annexNumber: 'II', signature } });
    s.close();
    const again = PlanSession.open(file);
    expect(again.snapshot().meta).toMatchObject({ annexNumber: 'II', signature: { onBehalf: 'TM. HỘI ĐỒNG NHÂN DÂN', recipients: '- Như trên;\n- Lưu: VT.' } });
    await again.handle('undo', {});
    expect(again.snapshot().meta).toMatchObject({ annexNumber: 'I', signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN' } });
    await expect(again.handle('meta/set', { meta: { annexNumber: 'X'.repeat(21) } })).rejects.toThrow(/error.invalid_args/);
    again.close();
  });

  it('opens a file written before them: the annex number comes from its print settings', async () => {
    const file = sampleFile();
    // What an older PlanDesk wrote: no annexNumber row, a signature without onBehalf/recipients,
    // and the annex number kept in the print settings.
    const db = new Database(file);
    db.prepare("DELETE FROM meta WHERE key = 'annexNumber'").run();
    db.prepare("UPDATE meta SET value = ? WHERE key = 'signature'").run(JSON.stringify({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', signer: 'A', preparedBy: '' }));
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('print', ?)").run(JSON.stringify({ paper: 'A4', annexNumber: 'IV' }));
    db.close();
    const s = PlanSession.open(file);
    const meta = s.snapshot().meta;
    expect(meta.annexNumber).toBe('IV');
    expect(meta.signature).toEqual({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', signer: 'A', preparedBy: '' });
    s.close();
  });
  it('File → export writes the annex number of the details and the title of the print settings', async () => {
    const file = sampleFile();
    const ws = new Workspace();
    ws.open(file);
    const run = async (name: Parameters<Workspace['handle']>[0], args: unknown) => {
      const r = await ws.handle(name, args);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    };
    await run('meta/set', { meta: { annexNumber: 'III' } });
    await run('settings/set', { key: 'print', value: { ...DEFAULT_PRINT_SETTINGS, title: 'Phân bổ vốn sự nghiệp năm 2024' } });
    const out = path.join(path.dirname(file), 'annex.xlsx');
    await run('transfer/export', { path: out });
    ws.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0];
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value]).toEqual(['Phụ lục III', 'PHÂN BỔ VỐN SỰ NGHIỆP NĂM 2024']);
  });
});
