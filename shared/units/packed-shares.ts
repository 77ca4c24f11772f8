// One allocation-view column's shares as they cross the bridge (issue 14): the units' shares in the
// view's unit order as plain numbers, divided by their greatest common divisor, with the positions
// of the units holding one delta-coded (left out when every unit holds one). 660.000 shares keyed
// by unit and line were 10 MB of JSON and an object property per share on both sides; packed they
// are a few bytes each ("45," for 45 triệu đồng) and two number arrays per column. Exact: shares are
// integer đồng below 2^53, so the divisor and the quotients are exact doubles.
import type { Dong } from '../model';

export interface PackedShares {
  /** Every value is a multiple of this (their greatest common divisor; 1 when there is none). */
  scale: number;
  /** Positions in the view's unit order, as differences from the previous one (the first from 0); absent: every unit. */
  at?: number[];
  /** The shares divided by `scale`, one per position. */
  values: number[];
}

function gcd(a: number, b: number): number {
  while (b) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/**
 * Pack the shares at ascending positions `at` (of `units` units in the view's order). `values[i]`
 * is the share of the unit at `at[i]`.
 */
export function packShares(at: readonly number[], values: readonly Dong[], units: number): PackedShares {
  let scale = 0;
  for (const v of values) if (v !== 0 && scale !== 1) scale = gcd(Math.abs(v), scale);
  if (scale === 0) scale = 1;
  const out = scale === 1 ? values.slice() : values.map((v) => v / scale);
  if (at.length === units) return { scale, values: out };
  const deltas = new Array<number>(at.length);
  let prev = 0;
  for (let i = 0; i < at.length; i++) {
    deltas[i] = at[i] - prev;
    prev = at[i];
  }
  return { scale, at: deltas, values: out };
}

/** Visit each packed share: its position in the view's unit order and its value in đồng. */
export function unpackShares(p: PackedShares, visit: (position: number, value: Dong) => void): void {
  const { scale, at, values } = p;
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos = at ? pos + at[i] : i;
    visit(pos, values[i] * scale);
  }
}
