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
  // The floors and remainders are taken on the WHOLE amount (amount·w / (W·roundTo)), not on its
  // whole rounding units with the part below one unit handed out afterwards: that way a unit that
  // gets neither an extra nor the leftover is still less than one rounding unit below its exact part
  // (the sub-unit part's own proportion can tip it over otherwise — fast-check found it).
  const A = BigInt(amount);
  const D = total * BigInt(roundTo);
  const n = w.length;
  const floors = new Array<number>(n);
  const rems = new Array<number | bigint>(n);
  let given = 0;
  let maxW = 0n;
  for (const wi of w) if (wi > maxW) maxW = wi;
  const HALF_SAFE = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 2));
  if (A * maxW <= HALF_SAFE && D <= HALF_SAFE) {
    // Every product, and f·D for f one above the true quotient, fits a double exactly: the same
    // arithmetic without BigInt (10× faster).
    const Dn = Number(D);
    for (let i = 0; i < n; i++) {
      const p = amount * Number(w[i]);
      const f = Math.floor(p / Dn);
      // p / D in floating point can land one off at an integer boundary: correct it exactly.
      const q = p - f * Dn < 0 ? f - 1 : p - f * Dn >= Dn ? f + 1 : f;
      floors[i] = q;
      rems[i] = p - q * Dn;
      given += q;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const p = A * w[i];
      const f = p / D;
      floors[i] = Number(f);
      rems[i] = p - f * D;
      given += Number(f);
    }
  }
  // What the floors leave: whole rounding units (one each down the remainder order) and a part below
  // one unit (to the next in line).
  const left = amount - given * roundTo;
  const extras = Math.floor(left / roundTo);
  const rest = left - extras * roundTo;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (rems[a] === rems[b] ? a - b : rems[b] > rems[a] ? 1 : -1));
  const rank = new Array<number>(n);
  order.forEach((i, r) => (rank[i] = r));
  const totalN = Number(total);
  const shares: RemainderShare[] = w.map((wi, i) => {
    const extra = rank[i] < extras;
    return {
      value: (floors[i] + (extra ? 1 : 0)) * roundTo,
      exact: (amount * Number(wi)) / totalN,
      floorUnits: floors[i],
      extra,
      rank: rank[i],
    };
  });
  let leftover: RemainderResult['leftover'] = null;
  if (rest > 0) {
    // The next in line after the extras. Its remainder is positive (the remainders add up to
    // extras + rest/roundTo units, each below one), so it is never a unit scored zero.
    const index = order[extras];
    shares[index].value += rest;
    leftover = { value: rest, index };
  }
  return { shares, leftover };
}
