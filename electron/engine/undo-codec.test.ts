// The undo step's stored form (undo-codec.ts): any list of actions decodes to exactly itself, long
// runs of shares are packed (version 2), and steps stored as plain arrays (version 1, every file
// written before) still read — and still undo on a real file.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import type { DocAction } from './actions';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';
import { decodeActions, encodeActions } from './undo-codec';

const M = 1_000_000;
const dong = fc.option(fc.integer({ min: 0, max: 10 ** 15 }), { nil: null });
const column = fc.constantFrom('central_investment', 'central_recurrent', 'local_recurrent', 'other');
const share = fc.record({ t: fc.constant('share' as const), unitId: fc.nat(5000), lineId: fc.nat(300), column, old: dong, new: dong });
const amount = fc.record({ t: fc.constant('amount' as const), lineId: fc.nat(300), column, old: dong, new: dong });
const score = fc.record({ t: fc.constant('score' as const), scheme: fc.string(), unitId: fc.nat(50), old: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), new: fc.constant(null) });
// Runs of shares of every length around the packing threshold, between other actions.
const actions = fc.array(fc.oneof(fc.array(share, { maxLength: 40 }), fc.array(fc.oneof(amount, score), { maxLength: 3 })), { maxLength: 8 }).map((xs) => xs.flat() as DocAction[]);
// Runs of shares and of amounts (issue 13's column delete), each around the threshold, interleaved.
const mixed = fc.array(fc.oneof(fc.array(share, { maxLength: 40 }), fc.array(amount, { maxLength: 40 }), fc.array(score, { maxLength: 2 })), { maxLength: 8 }).map((xs) => xs.flat() as DocAction[]);

describe('undo step encoding', () => {
  it('decodes any list of actions to exactly itself, in order', () => {
    fc.assert(fc.property(actions, (as) => {
      expect(decodeActions(encodeActions(as))).toEqual(as);
    }), { numRuns: 300 });
  });

  it('packs a long run of shares (version 2) and keeps short steps as plain arrays (version 1)', () => {
    const run: DocAction[] = Array.from({ length: 1000 }, (_, i) => ({ t: 'share', unitId: i + 1, lineId: 7, column: 'central_recurrent', old: null, new: (i + 1) * M }));
    const text = encodeActions(run);
    expect(JSON.parse(text).v).toBe(2);
    expect(text.length).toBeLessThan(JSON.stringify(run).length / 2);
    const few = run.slice(0, 3);
    expect(encodeActions(few)).toBe(JSON.stringify(few));
  });

  it('decodes any mix of share and amount runs to exactly itself, in order', () => {
    fc.assert(fc.property(mixed, (as) => {
      expect(decodeActions(encodeActions(as))).toEqual(as);
    }), { numRuns: 300 });
  });

  it('packs a long run of amounts as version 3; a step with only shares packed stays version 2', () => {
    const run: DocAction[] = Array.from({ length: 1000 }, (_, i) => ({ t: 'amount', lineId: i + 1, column: i % 2 ? 'local_investment' : 'local_recurrent', old: (i + 1) * M, new: null }));
    const text = encodeActions(run);
    expect(JSON.parse(text).v).toBe(3);
    expect(text.length).toBeLessThan(JSON.stringify(run).length / 2);
    const shares: DocAction[] = Array.from({ length: 20 }, (_, i) => ({ t: 'share', unitId: i + 1, lineId: 7, column: 'other', old: null, new: M }));
    expect(JSON.parse(encodeActions([...shares, ...run.slice(0, 5)])).v).toBe(2);
  });

  it('reads a version-2 step whose amounts were written one object each (before version 3)', () => {
    const shares: DocAction[] = Array.from({ length: 20 }, (_, i) => ({ t: 'share', unitId: i + 1, lineId: 7, column: 'other', old: null, new: M }));
    const amounts: DocAction[] = Array.from({ length: 30 }, (_, i) => ({ t: 'amount', lineId: i + 1, column: 'other', old: M, new: null }));
    const cols = { t: 'shares', cols: ['other'], u: shares.map((_, i) => i + 1), l: shares.map(() => 7), c: shares.map(() => 0), o: shares.map(() => null), n: shares.map(() => M) };
    expect(decodeActions(JSON.stringify({ v: 2, a: [cols, ...amounts] }))).toEqual([...shares, ...amounts]);
  });

  it('reads a version-1 step as written, and refuses a format it does not know', () => {
    const v1: DocAction[] = [{ t: 'share', unitId: 1, lineId: 2, column: 'other', old: 5, new: null }, { t: 'amount', lineId: 2, column: 'other', old: null, new: 9 }];
    expect(decodeActions(JSON.stringify(v1))).toEqual(v1);
    expect(() => decodeActions('{"v":4,"a":[]}')).toThrow(/unknown format/);
  });
});

describe('undo of share steps on a real file', () => {
  const unit = (id: number): Unit => ({ id, parentId: null, position: id - 1, name: `UBND xã Số ${id}`, kind: 'commune', code: '' });
  const shares = (s: PlanSession) => [...(s.cycle().shares ?? [])].sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId || a.column.localeCompare(b.column));

  function open() {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const line = [...s.calc.lines.values()].find((l) => l.code === '1.1')!.id;
    s.commit('units', Array.from({ length: 50 }, (_, i) => ({ t: 'unit' as const, old: null, new: unit(i + 1) })), null);
    return { s, file, line };
  }

  it('a packed step undoes and redoes exactly, across a reopen', () => {
    const { s, file, line } = open();
    s.commit('a', Array.from({ length: 50 }, (_, i) => ({ t: 'share' as const, unitId: i + 1, lineId: line, column: 'central_investment', old: null, new: (i + 1) * M })), null);
    const first = shares(s);
    s.commit('b', [
      ...Array.from({ length: 50 }, (_, i) => ({ t: 'share' as const, unitId: i + 1, lineId: line, column: 'central_investment', old: (i + 1) * M, new: i % 3 ? null : 7 * M })),
      { t: 'score', scheme: 'xa', unitId: 1, old: null, new: 50 },
    ], null);
    const second = shares(s);
    const stored = (s.db.prepare("SELECT actions FROM undo_steps WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as { actions: string }).actions;
    expect(JSON.parse(stored).v).toBe(2);
    s.close();
    const again = PlanSession.open(file);
    again.undo();
    expect(shares(again)).toEqual(first);
    again.undo();
    expect(shares(again)).toEqual([]);
    again.redo();
    again.redo();
    expect(shares(again)).toEqual(second);
    again.close();
  });

  it('a step stored as a plain array (before packing existed) still undoes', () => {
    const { s, line } = open();
    const step: DocAction[] = Array.from({ length: 40 }, (_, i) => ({ t: 'share', unitId: i + 1, lineId: line, column: 'central_investment', old: null, new: M }));
    s.commit('a', step, null);
    // Rewrite the stored step as an earlier version wrote it.
    s.db.prepare("UPDATE undo_steps SET actions = ? WHERE id = (SELECT max(id) FROM undo_steps)").run(JSON.stringify(step));
    expect(shares(s)).toHaveLength(40);
    s.undo();
    expect(shares(s)).toEqual([]);
    s.redo();
    expect(shares(s)).toHaveLength(40);
    s.close();
  });
});
