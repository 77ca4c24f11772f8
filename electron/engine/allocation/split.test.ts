// The names `split` gives the units' files: ASCII (diacritics removed, đ → d), words joined by "-",
// never empty, never a name Windows keeps for a device, unique where two names fold alike; and the
// one write check before each file (never over a plan).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CycleData, Unit } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { createCycleFile } from '../store/cycle-file';
import { splitByUnit, unitFileNames, unitFileStem } from './split';

const unit = (id: number, name: string): Unit => ({ id, parentId: null, position: id, name, kind: 'other', code: '' });

describe('unit file names', () => {
  it('writes the unit in ASCII, words joined by "-"', () => {
    expect(unitFileStem('UBND huyện Krông Nô')).toBe('UBND-huyen-Krong-No');
    expect(unitFileStem('UBND huyện Đắk Glong')).toBe('UBND-huyen-Dak-Glong');
    expect(unitFileStem('Sở Lao động - Thương binh và Xã hội')).toBe('So-Lao-dong-Thuong-binh-va-Xa-hoi');
    expect(unitFileStem('  Xã Quảng Sơn / (cũ)  ')).toBe('Xa-Quang-Son-cu');
    expect(unitFileStem('Phường Nghĩa Đức')).toBe('Phuong-Nghia-Duc');
  });

  it('never empty, never a device name, never too long', () => {
    expect(unitFileStem('…')).toBe('don-vi');
    expect(unitFileStem('CON')).toBe('don-vi-CON');
    expect(unitFileStem('Ủy ban '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(unitFileStem('Ủy ban '.repeat(40))).not.toMatch(/-$/);
  });

  it('two units whose names fold alike get two files', () => {
    const names = unitFileNames([unit(1, 'Xã Đắk Ha'), unit(2, 'Xã Đăk Ha'), unit(3, 'xã đak ha'), unit(4, 'Xã Quảng Sơn')], 'xlsx');
    expect([...names.values()]).toEqual(['Xa-Dak-Ha.xlsx', 'Xa-Dak-Ha-2.xlsx', 'xa-dak-ha-3.xlsx', 'Xa-Quang-Son.xlsx']);
  });
});

describe('split through the write check', () => {
  const withShares = (): CycleData => {
    const data = sampleCycle();
    const line = data.lines.find((l) => l.code === '3.1')!.id;
    return {
      ...data,
      units: [unit(1, 'UBND huyện Krông Nô'), unit(2, 'UBND huyện Tuy Đức')],
      shares: [{ unitId: 1, lineId: line, column: 'central_recurrent', value: 5_000_000 }, { unitId: 2, lineId: line, column: 'central_recurrent', value: 7_000_000 }],
    };
  };

  it.each(['xlsx', 'plandesk'] as const)('refuses, writing nothing, a folder already holding a .%s of that name (a unit\'s reply?)', async (format) => {
    const dir = tempDir();
    const reply = path.join(dir, `UBND-huyen-Tuy-Duc.${format}`);
    createCycleFile(reply, sampleCycle());
    const before = fs.readFileSync(reply);
    const err = await splitByUnit(withShares(), dir, format).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanDeskError);
    expect((err as PlanDeskError).code).toBe('error.exists');
    expect(fs.readFileSync(reply).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([`UBND-huyen-Tuy-Duc.${format}`]);
  });

  it('with overwrite, still never writes a document over a plan file', async () => {
    const dir = tempDir();
    const plan = path.join(dir, 'UBND-huyen-Tuy-Duc.xlsx');
    createCycleFile(plan, sampleCycle());
    const before = fs.readFileSync(plan);
    const err = await splitByUnit(withShares(), dir, 'xlsx', null, { overwrite: true }).catch((e: unknown) => e);
    expect((err as PlanDeskError).code).toBe('error.write_target.is_plan');
    expect(fs.readFileSync(plan).equals(before)).toBe(true);
  });

  it('with overwrite, replaces an earlier split\'s .plandesk files', async () => {
    const dir = tempDir();
    await splitByUnit(withShares(), dir, 'plandesk');
    const { files } = await splitByUnit(withShares(), dir, 'plandesk', null, { overwrite: true });
    expect(files.map((f) => path.basename(f.file))).toEqual(['UBND-huyen-Krong-No.plandesk', 'UBND-huyen-Tuy-Duc.plandesk']);
    expect(fs.readdirSync(dir).sort()).toEqual(['UBND-huyen-Krong-No.plandesk', 'UBND-huyen-Tuy-Duc.plandesk']);
  });
});
