// A flagged cell's tooltip (issue 12): the findings on the cell — the program's own on the pinned
// TỔNG CỘNG row — each with its rule, figures, signed difference and basis.
import path from 'node:path';
import { PlanSession } from '../../../electron/engine/session';
import { createCycleFile } from '../../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanStore } from '../state/plan-store';
import { findingTip } from './finding-tip';

function sampleStore() {
  const file = path.join(tempDir(), 'p.plandesk');
  createCycleFile(file, sampleCycle());
  const session = PlanSession.open(file);
  const store = new PlanStore();
  store.load(session.snapshot());
  return { session, store };
}

describe('findings on a cell', () => {
  it('puts the program counterpart error on the TỔNG CỘNG row (line null) and explains it', () => {
    const { session, store } = sampleStore();
    expect(store.findingAt(null, 'local')).toBe('error');
    const tip = findingTip(store.findingsAt(null, 'local'), 'vi', 'trieu', 'vi-VN');
    expect(tip).toBe(
      'Lỗi — Vốn đối ứng tối thiểu\n' +
        'Mức tối thiểu: 31.964,2 · Vốn địa phương: 30.548 · Chênh lệch: -1.416,2 (triệu đồng)\n' +
        'Căn cứ: QĐ 02/2022/QĐ-TTg — vốn đối ứng của ngân sách địa phương (mức và căn cứ trong Tham số quy tắc)',
    );
    expect(findingTip(store.findingsAt(null, 'local'), 'en', 'trieu', 'vi-VN')).toContain('Error — Minimum counterpart funds');
    session.close();
  });

  it('marks a line-level finding (not yet allocated) on the line\'s first root column; no findings, no tip', () => {
    const { session, store } = sampleStore();
    const seven = store.rowList().find((r) => r.code === '7')!;
    expect(store.findingAt(seven.id, 'total')).toBe('info');
    expect(findingTip(store.findingsAt(seven.id, 'total'), 'vi', 'trieu', 'vi-VN')).toContain('Chưa phân bổ');
    const one = store.rowList().find((r) => r.code === '1.1')!;
    expect(findingTip(store.findingsAt(one.id, 'total'), 'vi', 'trieu', 'vi-VN')).toBeNull();
    session.close();
  });
});
