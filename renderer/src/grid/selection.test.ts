// The grid's selection model: rectangles, Ctrl+arrow jumps as in Excel, and the status figures.
import { GridSelection, jumpToEdge, rectOf, statsOf, step } from './selection';

describe('GridSelection', () => {
  it('spans a rectangle from the anchor to the head, whichever way it was drawn', () => {
    const s = new GridSelection();
    s.set({ row: 5, col: 3 });
    expect(s.isMulti()).toBe(false);
    s.extendTo({ row: 2, col: 1 });
    expect(s.rect()).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(s.anchor).toEqual({ row: 5, col: 3 });
    expect(s.contains(3, 2)).toBe(true);
    expect(s.contains(6, 2)).toBe(false);
  });
  it('tells listeners only of real changes, and stays inside a table that shrank', () => {
    const s = new GridSelection();
    let calls = 0;
    s.subscribe(() => calls++);
    s.set({ row: 1, col: 1 });
    s.set({ row: 1, col: 1 });
    expect(calls).toBe(1);
    s.set({ row: 8, col: 2 }, { row: 9, col: 4 });
    s.clamp(5, 3);
    expect(s.rect()).toEqual({ top: 4, bottom: 4, left: 2, right: 2 });
  });
});

describe('keyboard moves', () => {
  // A column: filled, filled, blank, blank, filled, filled, filled, blank
  const filled = [true, true, false, false, true, true, true, false];
  const blank = (row: number) => !filled[row];
  it('Ctrl+Down goes to the end of a filled block, then to the next filled cell, then to the edge', () => {
    expect(jumpToEdge({ row: 0, col: 0 }, 'down', 8, 1, blank)).toEqual({ row: 1, col: 0 });
    expect(jumpToEdge({ row: 1, col: 0 }, 'down', 8, 1, blank)).toEqual({ row: 4, col: 0 });
    expect(jumpToEdge({ row: 4, col: 0 }, 'down', 8, 1, blank)).toEqual({ row: 6, col: 0 });
    expect(jumpToEdge({ row: 6, col: 0 }, 'down', 8, 1, blank)).toEqual({ row: 7, col: 0 });
    expect(jumpToEdge({ row: 7, col: 0 }, 'down', 8, 1, blank)).toEqual({ row: 7, col: 0 });
    expect(jumpToEdge({ row: 6, col: 0 }, 'up', 8, 1, blank)).toEqual({ row: 4, col: 0 });
    expect(jumpToEdge({ row: 3, col: 0 }, 'up', 8, 1, blank)).toEqual({ row: 1, col: 0 });
  });
  it('steps stay inside the table', () => {
    expect(step({ row: 0, col: 0 }, 'up', 3, 3)).toEqual({ row: 0, col: 0 });
    expect(step({ row: 2, col: 2 }, 'right', 3, 3)).toEqual({ row: 2, col: 2 });
    expect(step({ row: 1, col: 1 }, 'left', 3, 3)).toEqual({ row: 1, col: 0 });
  });
});

describe('statsOf', () => {
  it('counts and sums the numbers of the selection, ignoring text and blanks', () => {
    const grid = [
      [null, 5, 7],
      [null, null, 3],
    ];
    expect(statsOf(rectOf({ row: 0, col: 0 }, { row: 1, col: 2 }), (r, c) => grid[r][c])).toEqual({ cells: 6, count: 3, sum: 15 });
  });
});
