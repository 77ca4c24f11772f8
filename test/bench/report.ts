// One row of the bench table, and helpers shared by the bench cases (percentiles, timing, memory,
// LibreOffice detection).
import { execFileSync } from 'node:child_process';

export interface BenchRow {
  case: string;
  value: number;
  unit: string;
  /** The target, as text (e.g. "< 1000 ms"). */
  target?: string;
  /** Whether the target is met (omitted: no target). */
  ok?: boolean;
  /** The same work done by LibreOffice headless, in the same unit, where installed. */
  libreoffice?: number;
}

export type Report = (row: BenchRow) => void;

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Path of LibreOffice's soffice, or null. */
export function libreOffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      return execFileSync('which', [bin], { encoding: 'utf8' }).trim() || null;
    } catch {
      // not installed
    }
  }
  return null;
}

export const MB = 1024 * 1024;
