// Next year's cycle and the counterpart level: from 2026 the 2021–2025 default (10%, QĐ 02/2022/QĐ-TTg)
// no longer holds (NĐ 358/2025/NĐ-CP leaves the level to the competent authority), so a new cycle
// of 2026 or later starts with no level — unless the officer had set one of their own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleParams } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { createNextCycle, nextCycleData } from './new-cycle';

function openSample(rules?: Partial<RuleParams>): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  const cycle = sampleCycle();
  createCycleFile(file, rules ? { ...cycle, rules: { ...cycle.rules, ...rules } } : cycle);
  return PlanSession.open(file);
}

describe("next year's counterpart level", () => {
  it('2026 on: the old default level (10%, QĐ 02/2022) becomes no level, basis NĐ 358/2025', () => {
    const s = openSample();
    expect(s.rules.counterpartMinPercent).toBe(10);
    const next = nextCycleData(s, { year: 2026, keepAmounts: true });
    expect(next.rules.counterpartMinPercent).toBeNull();
    expect(next.rules.counterpartBasis).toBe('NĐ 358/2025/NĐ-CP');
    // The other parameters go on unchanged.
    expect({ ...next.rules, counterpartMinPercent: 10, counterpartBasis: s.rules.counterpartBasis }).toEqual(s.rules);
    s.close();
  });

  it('written to the file: the new cycle opens with no level', () => {
    const s = openSample();
    const file = path.join(tempDir(), 'ke-hoach-2027.plandesk');
    createNextCycle(s, file, { year: 2027, keepAmounts: false });
    s.close();
    const n = PlanSession.open(file);
    expect(n.rules.counterpartMinPercent).toBeNull();
    expect(n.rules.counterpartBasis).toBe('NĐ 358/2025/NĐ-CP');
    n.close();
  });

  it('a cycle written before the basis existed (no basis, 10%) is the old default too', () => {
    const s = openSample({ counterpartBasis: undefined });
    expect(nextCycleData(s, { year: 2026, keepAmounts: true }).rules.counterpartMinPercent).toBeNull();
    s.close();
  });

  it("the officer's own level stays: another percentage, or 10% on another basis", () => {
    const own = openSample({ counterpartMinPercent: 15, counterpartBasis: 'NQ 12/2025/NQ-HĐND' });
    expect(nextCycleData(own, { year: 2026, keepAmounts: true }).rules).toMatchObject({ counterpartMinPercent: 15, counterpartBasis: 'NQ 12/2025/NQ-HĐND' });
    own.close();
    const ten = openSample({ counterpartMinPercent: 10, counterpartBasis: 'NQ 30/2026/NQ-HĐND' });
    expect(nextCycleData(ten, { year: 2027, keepAmounts: true }).rules).toMatchObject({ counterpartMinPercent: 10, counterpartBasis: 'NQ 30/2026/NQ-HĐND' });
    ten.close();
  });

  it('up to 2025 the old default goes on', () => {
    const s = openSample();
    expect(nextCycleData(s, { year: 2025, keepAmounts: true }).rules).toMatchObject({ counterpartMinPercent: 10, counterpartBasis: 'QĐ 02/2022/QĐ-TTg' });
    s.close();
  });
});
