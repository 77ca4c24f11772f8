import { describe, expect, it } from 'vitest';
import type { RowView } from '../../../shared/ipc';
import { cellMeaning } from './cell-value';

const row = (over: Partial<RowView>): RowView => ({
  id: 1, parentId: null, depth: 0, code: '1', name: 'x', agency: '', note: '', hasChildren: false, unallocated: false,
  allowedCapital: null, isAdjustment: false, values: {}, stored: {}, ...over,
});
const leaves = new Set(['a', 'b']);

describe('cellMeaning', () => {
  it('shows a blank entry as blank, not zero', () => {
    expect(cellMeaning(row({ values: { a: 0 } }), 'a', leaves)).toEqual({ isTotal: false, shown: null, stated: null, mismatch: false });
  });
  it('shows the computed value of a total and flags a differing stated figure', () => {
    const r = row({ values: { total: 10 }, stored: { total: 12 } });
    expect(cellMeaning(r, 'total', leaves)).toEqual({ isTotal: true, shown: 10, stated: { stated: 12, computed: 10 }, mismatch: true });
  });
  it('does not flag a stated figure equal to the computed one', () => {
    const r = row({ hasChildren: true, values: { a: 5 }, stored: { a: 5 } });
    expect(cellMeaning(r, 'a', leaves)).toMatchObject({ stated: null, mismatch: false });
  });
  it('keeps a difference within the tolerance in the tooltip but does not flag it (as the rule does not)', () => {
    const r = row({ values: { total: 25_296_000_000 }, stored: { total: 25_296_400_000 } });
    expect(cellMeaning(r, 'total', leaves, 500_000)).toMatchObject({ stated: { stated: 25_296_400_000, computed: 25_296_000_000 }, mismatch: false });
    expect(cellMeaning(r, 'total', leaves, 399_999).mismatch).toBe(true);
  });
});
