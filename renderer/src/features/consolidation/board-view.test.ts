import { describe, expect, it } from 'vitest';
import type { Board } from '../../../../shared/commands/consolidation';
import { t as tr } from '../../../../shared/i18n';
import { boardRows, dayOf, fileLines } from './board-view';

const M = 1_000_000;
const board: Board = {
  columns: ['local_recurrent'],
  units: [
    { unitId: 1, name: 'UBND huyện Krông Nô', status: 'ok', file: 'krong-no.xlsx', received: '2024-03-05T08:00:00.000Z', allocated: { local_recurrent: 1280 * M }, reported: { local_recurrent: 1280 * M }, differences: [], detailLines: 5, reason: null },
    { unitId: 2, name: 'UBND huyện Tuy Đức', status: 'mismatch', file: 'tuy-duc.xlsx', received: null, allocated: { local_recurrent: 2317 * M }, reported: { local_recurrent: 2267 * M }, differences: [{ line: '5', lineId: 12, column: 'local_recurrent', expected: 800 * M, actual: 750 * M }], detailLines: 2, reason: null },
    { unitId: 3, name: 'UBND huyện Cư Jút', status: 'refused', file: 'cu-jut.xlsx', received: null, allocated: { local_recurrent: 1090 * M }, reported: {}, differences: [], detailLines: 0, reason: { key: 'consolidation.reason.another_year', params: { year: 2025, planYear: 2024 } } },
  ],
};

describe('consolidation board view', () => {
  it('says each unit’s status, totals beside the allocation and its differences, in Vietnamese and English', () => {
    const vi = boardRows(board, (k, ...a) => tr('vi', k, ...a), 'vi', 'trieu', () => 'NSĐP — SN');
    expect(vi.map((r) => [r.statusText, r.received, r.allocated, r.reported, r.differences])).toEqual([
      ['Đã nộp – khớp', '05/03/2024', '1.280', '1.280', []],
      ['Lệch so với phân bổ', '', '2.317', '2.267', ['dòng 5 · NSĐP — SN: phân bổ 800, đơn vị 750']],
      ['Tệp bị từ chối — Tệp của năm 2025, kế hoạch đang mở là năm 2024.', '', '1.090', '', []],
    ]);
    const en = boardRows(board, (k, ...a) => tr('en', k, ...a), 'en', 'trieu', () => 'Local — Recurrent');
    expect(en[1].statusText).toBe('Differs from the allocation');
    expect(en[0].allocated).toBe('1,280');
    expect(dayOf(null)).toBe('');
  });

  it('lists the files just read with their outcome', () => {
    const lines = fileLines(
      [
        { file: '/in/a/krong-no.xlsx', status: 'merged', unit: 'UBND huyện Krông Nô', kind: 'plan', reason: null },
        { file: 'C:\\in\\rac.xlsx', status: 'refused', unit: null, kind: null, reason: { key: 'excel.error.encrypted', params: {} } },
      ],
      (k, ...a) => tr('vi', k, ...a),
      'vi',
    );
    expect(lines[0]).toBe('krong-no.xlsx: đã tổng hợp — UBND huyện Krông Nô');
    expect(lines[1]).toMatch(/^rac\.xlsx: từ chối — Tệp được đặt mật khẩu/);
  });
});
