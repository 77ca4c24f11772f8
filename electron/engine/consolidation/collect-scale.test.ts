// Consolidation at scale (issue 16): what collecting costs must grow with the files, not with
// files × units. The units' names are folded once per consolidation (3.300 files × 3.300 units was
// 10,9 million unitNameKey calls); the files here are handed over already read.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import * as names from '../../../shared/units/names';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { collect } from './collect';
import { packTable, type Recognised } from './recognise';

vi.mock('../../../shared/units/names', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../shared/units/names')>();
  return { ...m, unitNameKey: vi.fn(m.unitNameKey) };
});

describe('collect at scale', () => {
  it('folds each unit name once, not once per file', async () => {
    const N = 300;
    const data = sampleCycle();
    data.units = Array.from({ length: N }, (_, i) => ({ id: i + 1, parentId: null, position: i, name: `UBND xã Số ${i + 1}`, kind: 'commune' as const, code: '' }));
    data.shares = [];
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, data);
    const s = PlanSession.open(file);
    try {
      const dir = tempDir();
      const files = data.units.map((u) => path.join(dir, `x${u.id}.xlsx`));
      const read = async (f: string): Promise<Recognised> => {
        const id = Number(path.basename(f).slice(1, -5));
        return { file: f, modified: 0, kind: 'plan', mark: null, names: [{ source: 'letterhead', name: `UBND XÃ SỐ ${id}` }], year: null, program: null, table: packTable({ lines: [], amounts: [] }), sheet: null };
      };
      const key = vi.mocked(names.unitNameKey);
      key.mockClear();
      const got = await collect(s, files, { acceptMismatch: true, now: '2026-12-06T00:00:00Z', read });
      expect(got.files.filter((f) => f.status === 'refused')).toEqual([]);
      expect(got.files.map((f) => f.unit)).toEqual(data.units.map((u) => u.name));
      expect(key.mock.calls.length).toBeLessThan(4 * N);
    } finally {
      s.close();
    }
  });
});
