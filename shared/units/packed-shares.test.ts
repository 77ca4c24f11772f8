import fc from 'fast-check';
import { MAX_CELL_DONG } from '../model';
import { packShares, unpackShares } from './packed-shares';

const unpacked = (p: ReturnType<typeof packShares>) => {
  const out: [number, number][] = [];
  unpackShares(p, (pos, v) => out.push([pos, v]));
  return out;
};

describe('packed shares of a view column', () => {
  it('give back exactly the positions and values packed (property)', () => {
    const cell = fc.oneof(fc.integer({ min: -MAX_CELL_DONG, max: MAX_CELL_DONG }), fc.integer({ min: -1000, max: 1000 }).map((x) => x * 1_000_000), fc.constant(0));
    fc.assert(
      fc.property(fc.array(fc.option(cell, { freq: 2 }), { maxLength: 60 }), (cells) => {
        const at: number[] = [];
        const values: number[] = [];
        cells.forEach((v, pos) => {
          if (v !== null) {
            at.push(pos);
            values.push(v);
          }
        });
        const p = packShares(at, values, cells.length);
        // What crosses the bridge is JSON.
        const back = unpacked(JSON.parse(JSON.stringify(p)));
        return JSON.stringify(back) === JSON.stringify(at.map((pos, i) => [pos, values[i]]));
      }),
    );
  });

  it('are short: a common divisor taken out, positions left out where every unit holds a share', () => {
    const p = packShares([0, 1, 2], [45_000_000, 3_000_000, 120_000_000], 3);
    expect(p).toEqual({ scale: 3_000_000, values: [15, 1, 40] });
    const sparse = packShares([3, 13, 23], [1_000_000, 2_000_000, 0], 30);
    expect(sparse).toEqual({ scale: 1_000_000, at: [3, 10, 10], values: [1, 2, 0] });
    expect(packShares([], [], 5)).toEqual({ scale: 1, at: [], values: [] });
  });
});
