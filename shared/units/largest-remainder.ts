// Sharing an amount in proportion to scores, in whole rounding units, so the shares add up EXACTLY
// to the amount (allocation by criteria, issue 14): each unit first gets the whole rounding units of
// its exact share, then the units left over go one each to the largest remainders, ties by the
// order given (Hamilton's method). Exact: scores are scaled to integers of 1e-6 and the arithmetic
// is BigInt, so 3.300 units of a 10^15 đồng amount round the same on every machine.
// An amount that is not a whole number of rounding units leaves less than one unit over: it goes to
// the next unit in the remainder order, so the sum is still exact and every share stays within one
// rounding unit of its exact proportion.

export interface RemainderShare {
  /** The share, in đồng. */
  value: number;
  /** The exact proportional share, in đồng (a float, for display). */
  exact: number;
  /** Whole rounding units before the remainders were given out. */
  floorUnits: number;
  /** Got one more rounding unit from the remainders. */
  extra: boolean;
  /** Place in the remainder order (0 = largest; ties by the order given). */
  rank: number;
}

export interface RemainderResult {
  shares: RemainderShare[];
  /** The part of the amount below one rounding unit, and the index of the share that took it (or null). */
  leftover: { value: number; index: number } | null;
}

const SCALE = 1_000_000;

/** Scores to integer weights (1e-6 steps). */
function weightsOf(scores: readonly number[]): bigint[] {
  return scores.map((s) => {
    if (!Number.isFinite(s) || s < 0) throw new RangeError(`score ${s}`);
    return BigInt(Math.round(s * SCALE));
  });
}

/**
 * Share `amount` đồng among `scores.length` units by their scores, in whole `roundTo` đồng.
 * Throws a RangeError when the scores add up to zero (nothing to be proportional to).
 */
export function largestRemainder(amount: number, scores: readonly number[], roundTo: number): RemainderResult {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount ${amount}`);
  if (!Number.isSafeInteger(roundTo) || roundTo < 1) throw new RangeError(`roundTo ${roundTo}`);
  const w = weightsOf(scores);
  const total = w.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new RangeError('scores add up to zero');
  const unit = BigInt(roundTo);
  const whole = BigInt(amount) / unit;
  const rest = BigInt(amount) - whole * unit;
  const floors: bigint[] = [];
  const rems: bigint[] = [];
  let given = 0n;
  for (const wi of w) {
    const p = whole * wi;
    const f = p / total;
    floors.push(f);
    rems.push(p - f * total);
    given += f;
  }
  const order = w.map((_, i) => i).sort((a, b) => (rems[a] === rems[b] ? a - b : rems[b] > rems[a] ? 1 : -1));
  const extras = Number(whole - given);
  const rank = new Array<number>(w.length);
  order.forEach((i, r) => (rank[i] = r));
  const shares: RemainderShare[] = w.map((wi, i) => {
    const extra = rank[i] < extras;
    return {
      value: Number((floors[i] + (extra ? 1n : 0n)) * unit),
      exact: (amount * Number(wi)) / Number(total),
      floorUnits: Number(floors[i]),
      extra,
      rank: rank[i],
    };
  });
  let leftover: RemainderResult['leftover'] = null;
  if (rest > 0n) {
    // The next in line after the extras (a unit with a score); when none is left, the first in line.
    const index = order.slice(extras).find((i) => w[i] > 0n) ?? order.find((i) => w[i] > 0n)!;
    shares[index].value += Number(rest);
    leftover = { value: Number(rest), index };
  }
  return { shares, leftover };
}
