// Consolidation in the window (issue 16), as an officer does in browser mode: File → Tổng hợp từ đơn
// vị…, the board of every unit (not received yet), the folder of what came back typed where the
// desktop shows its dialog, the board after: merged, differing (held) and refused units with the
// reason, a unit's detail lines under the plan lines they refine, the board exported to xlsx, and
// one undo step taking the merge back.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { splitByUnit } from '../../electron/engine/allocation/split';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, menu, openApp, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

const WAIT = { timeout: 60_000 };
const ROOT = path.resolve(__dirname, '../..');
const SAMPLE_ANNEX = path.resolve(ROOT, '../shared/samples/allocation-example.xlsx');
const FIX = path.join(ROOT, 'test/fixtures/consolidation');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function detailCount(file: string): number {
  const s = PlanSession.open(file, { readOnly: true });
  try {
    return s.unitDetails.size;
  } finally {
    s.close();
  }
}

describe('consolidation board in the window', () => {
  it('collects a folder, shows each unit’s status and detail, exports the board, undoes in one step', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    await s.handle('allocio/import', { path: SAMPLE_ANNEX });
    const sent = path.join(dir, 'sent');
    fs.mkdirSync(sent);
    await splitByUnit(s.cycle(), sent, 'xlsx', s.lineage());
    s.close();
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    for (const f of ['So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx', 'UBND-huyen-Dak-Glong.xlsx']) fs.copyFileSync(path.join(sent, f), path.join(inbox, f));
    for (const f of ['krong-no-chi-tiet.xlsx', 'tuy-duc-lech.xlsx', 'cu-jut-2025.xlsx', 'dak-mil.xlsx']) fs.copyFileSync(path.join(FIX, f), path.join(inbox, f));

    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      await menu(page, 'file', 'consolidation.open');
      const dialog = page.locator('[data-dialog="consolidation"]');
      const board = dialog.locator('[data-consolidation="board"]');
      await board.waitFor(WAIT);
      const statuses = () => board.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-unit')}: ${r.getAttribute('data-status')}`));
      expect(await statuses()).toEqual([
        'Sở Lao động - Thương binh và Xã hội: missing',
        'UBND huyện Cư Jút: missing',
        'UBND huyện Krông Nô: missing',
        'UBND huyện Tuy Đức: missing',
        'UBND huyện Đắk Glong: missing',
      ]);

      page.once('dialog', (d) => void d.accept(inbox));
      await dialog.locator('[data-consolidation-action="pick"]').click();
      await expect.poll(() => page.locator('.pd-message-text').allTextContents(), WAIT).toEqual(
        expect.arrayContaining([expect.stringContaining('Đã tổng hợp 3 tệp; 1 tạm giữ, 2 bị từ chối.')]),
      );
      expect(await statuses()).toEqual([
        'Sở Lao động - Thương binh và Xã hội: ok',
        'UBND huyện Cư Jút: refused',
        'UBND huyện Krông Nô: ok',
        'UBND huyện Tuy Đức: mismatch',
        'UBND huyện Đắk Glong: ok',
      ]);
      const tuyDuc = await board.locator('tr[data-unit="UBND huyện Tuy Đức"] td').allTextContents();
      expect(tuyDuc[1]).toBe('Lệch so với phân bổ');
      expect(tuyDuc[6]).toBe('dòng 5 · NSĐP — SN: phân bổ 800, đơn vị 750');
      expect((await board.locator('tr[data-unit="UBND huyện Cư Jút"] td').allTextContents())[1]).toBe('Tệp bị từ chối — Tệp của năm 2025, kế hoạch đang mở là năm 2024.');
      expect(await dialog.locator('[data-consolidation="files"] li').allTextContents()).toContain('dak-mil.xlsx: từ chối — Không nhận ra đơn vị gửi (“UBND HUYỆN ĐẮK MIL” không có trong danh sách đơn vị của kế hoạch).');

      // A unit's detail, under the plan lines it refines.
      await board.locator('tr[data-unit="UBND huyện Krông Nô"]').click();
      const detail = dialog.locator('[data-consolidation="detail"]');
      await detail.waitFor(WAIT);
      const rows = await detail.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
      expect(rows.map((r) => [r[0]!.split(' ')[0], r[2]])).toEqual([
        ['2', 'Xã Đắk Drô: mô hình nuôi bò sinh sản'],
        ['2', 'Xã Nam Đà: mô hình trồng cà phê xen canh'],
        ['3.1', 'Hỗ trợ giống cây trồng xã Quảng Phú'],
        ['3.1', 'Hỗ trợ phân bón xã Đức Xuyên'],
        ['5', 'Xây mới 10 căn nhà cho hộ nghèo xã Nâm Nung'],
      ]);
      expect(await detail.locator('tbody tr').first().textContent()).toContain('300');

      // The board to xlsx (the list an officer phones through).
      const out = path.join(dir, 'bang-tong-hop.xlsx');
      page.once('dialog', (d) => void d.accept(out));
      await dialog.locator('[data-consolidation-action="export"]').click();
      await expect.poll(() => fs.existsSync(out), WAIT).toBe(true);

      // One undo step takes every merged unit back out.
      expect(detailCount(file)).toBe(3);
      await dialog.locator('.pd-icon-btn, button[aria-label="Đóng"]').first().click();
      await menu(page, 'edit', 'undo');
      await expect.poll(() => detailCount(file), WAIT).toBe(0);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
