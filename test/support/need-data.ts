// Data a test needs that a checkout may lack (the hostile-spreadsheet corpus beside the repository,
// a tool, a mount). A test that cannot run never skips in silence: it is skipped with a loud warning
// on stderr naming what is missing and how to get it — and in CI (CI=true), where everything must
// run, it fails instead. Every such guard in the tests goes through this one module.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

export interface Need {
  /** What is missing, in words: "the calamine corpus of hostile spreadsheets". */
  what: string;
  /** How to get it: a command, a folder to fill. */
  howToGet: string;
  /** A file, or a folder that must not be empty… */
  path?: string;
  /** …or a check of one's own (a tool installed, a mount possible). */
  check?: () => boolean;
  /**
   * Why no CI machine can ever meet this need (the Electron binary, which these build machines
   * cannot download): then a missing need is skipped with the warning in CI too, never failed —
   * a CI run cannot be made to run it, so failing would only make CI always red. Use sparingly.
   */
  neverInCi?: string;
}

/** The repository's root, and the shared folder beside it (`../shared`). */
const ROOT = path.resolve(__dirname, '../..');

/** calamine's test files (../shared/corpus/calamine): hostile and odd real-world spreadsheets. */
export const CALAMINE_CORPUS: Need = {
  what: 'the calamine corpus of hostile spreadsheets',
  path: path.resolve(ROOT, '../shared/corpus/calamine'),
  howToGet:
    'put the files of tests/ of github.com/tafia/calamine (commit 263762c) into ../shared/corpus/calamine, beside this repository (see ../shared/corpus/README.md)',
};

export type NeedState = { present: true } | { present: false; failInCi: boolean; message: string };

type Env = Record<string, string | undefined>;

function present(need: Need): boolean {
  if (need.check && !need.check()) return false;
  if (need.path === undefined) return true;
  try {
    const st = fs.statSync(need.path);
    return !st.isDirectory() || fs.readdirSync(need.path).length > 0;
  } catch {
    return false;
  }
}

/** Whether the need is met; when not, the message to show and whether this run must fail (CI). */
export function needState(need: Need, env: Env = process.env): NeedState {
  if (present(need)) return { present: true };
  const failInCi = env.CI === 'true' && !need.neverInCi;
  const where = need.path ? ` (${need.path})` : '';
  const notInCi = env.CI === 'true' && need.neverInCi ? ` (not failed in CI: ${need.neverInCi})` : '';
  const message = `${need.what} is missing${where}: ${failInCi ? 'CI=true, so this FAILS' : 'these tests did NOT run'}${notInCi}. To get it: ${need.howToGet}.`;
  return { present: false, failInCi, message };
}

const warned = new Set<string>();

/** The warning, once per message and process, framed so it stands out in the run's output. */
function warn(message: string, stderr: { write(s: string): unknown } = process.stderr): void {
  if (warned.has(message)) return;
  warned.add(message);
  const bar = '!'.repeat(78);
  stderr.write(`\n${bar}\n!! TEST DATA MISSING — ${message}\n${bar}\n\n`);
}

/**
 * True when the need is met. Otherwise warns loudly; in CI it throws (the test or file that asked
 * fails), elsewhere it returns false and the caller leaves out what needs the data.
 */
export function haveData(need: Need, env: Env = process.env, stderr?: { write(s: string): unknown }): boolean {
  const state = needState(need, env);
  if (state.present) return true;
  warn(state.message, stderr);
  if (state.failInCi) throw new Error(state.message);
  return false;
}

/** describe() when the need is met; otherwise one test in its place, skipped with the warning (failed in CI). */
export function describeWithData(need: Need, name: string, body: () => void): void {
  const state = needState(need);
  if (state.present) describe(name, body);
  else describe(name, () => it(`cannot run: ${need.what} is missing`, (ctx) => skipOrFail(state, ctx)));
}

/** it() when the need is met; otherwise the test is skipped with the warning (failed in CI). */
export function itWithData(need: Need, name: string, fn: () => unknown, timeout?: number): void {
  const state = needState(need);
  if (state.present) it(name, fn, timeout);
  else it(name, (ctx) => skipOrFail(state, ctx));
}

function skipOrFail(state: Extract<NeedState, { present: false }>, ctx: { skip(note?: string): never }): void {
  warn(state.message);
  if (state.failInCi) throw new Error(state.message);
  ctx.skip(state.message);
}
