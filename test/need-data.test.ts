// The guard every data-dependent test uses (test/support/need-data.ts): present data runs; missing
// data is skipped with a loud warning naming it and how to get it, or fails when CI=true. Checked
// directly, and through a real vitest run of a fixture file with CI unset and set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveData, needState, type Need } from './support/need-data';
import { tempDir } from './support/tmp';

const ROOT = path.resolve(__dirname, '..');

function sink() {
  let text = '';
  return { write: (s: string) => (text += s), get text() { return text; } };
}

describe('need-data', () => {
  const dir = tempDir('plandesk-need-');
  const full = path.join(dir, 'full');
  fs.mkdirSync(full);
  fs.writeFileSync(path.join(full, 'a.xlsx'), 'x');
  fs.mkdirSync(path.join(dir, 'empty'));

  it('calls a file or a non-empty folder present, a missing path or an empty folder missing', () => {
    const need = (p: string): Need => ({ what: 'w', howToGet: 'h', path: p });
    expect(needState(need(full))).toEqual({ present: true });
    expect(needState(need(path.join(full, 'a.xlsx')))).toEqual({ present: true });
    expect(needState(need(path.join(dir, 'empty'))).present).toBe(false);
    expect(needState(need(path.join(dir, 'nope'))).present).toBe(false);
    expect(needState({ what: 'a tool', howToGet: 'apt-get install it', check: () => false }).present).toBe(false);
    expect(needState({ what: 'a tool', howToGet: 'h', check: () => true })).toEqual({ present: true });
  });

  it('outside CI: warns loudly on stderr with what is missing, where and how to get it, and returns false', () => {
    const need: Need = { what: 'the test corpus', path: path.join(dir, 'corpus-1'), howToGet: 'copy it from the share' };
    const err = sink();
    expect(haveData(need, {}, err)).toBe(false);
    expect(err.text).toContain('TEST DATA MISSING');
    expect(err.text).toContain('the test corpus is missing');
    expect(err.text).toContain(path.join(dir, 'corpus-1'));
    expect(err.text).toContain('did NOT run');
    expect(err.text).toContain('copy it from the share');
    expect(haveData(need, { CI: 'false' }, sink())).toBe(false);
  });

  it('in CI (CI=true): fails, with the same message', () => {
    const need: Need = { what: 'the test corpus', path: path.join(dir, 'corpus-2'), howToGet: 'copy it from the share' };
    const err = sink();
    expect(() => haveData(need, { CI: 'true' }, err)).toThrow(/the test corpus is missing .*CI=true, so this FAILS\. To get it: copy it from the share/);
    expect(err.text).toContain('TEST DATA MISSING');
  });

  it('a need no CI machine can meet (neverInCi): skipped with the warning in CI too, saying why it is not failed', () => {
    const need: Need = { what: 'the Electron binary', howToGet: 'npm install on a PC', check: () => false, neverInCi: 'no binary can be downloaded there' };
    const err = sink();
    expect(haveData(need, { CI: 'true' }, err)).toBe(false);
    expect(err.text).toContain('TEST DATA MISSING');
    expect(err.text).toContain('these tests did NOT run (not failed in CI: no binary can be downloaded there)');
    expect(needState(need, {})).toMatchObject({ present: false, failInCi: false });
  });

  it('present data: true, and not a word', () => {
    const err = sink();
    expect(haveData({ what: 'w', howToGet: 'h', path: full }, { CI: 'true' }, err)).toBe(true);
    expect(err.text).toBe('');
  });

  /** A real vitest run of the fixture (tests on missing data, one on present data). */
  function runFixture(ci: boolean) {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(VITEST|TINYPOOL|CI$)/.test(k)) env[k] = v;
    if (ci) env.CI = 'true';
    env.NO_COLOR = '1';
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/support/need-data-fixture/vitest.config.ts'],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 180_000 },
    );
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it('in a run outside CI: the tests on missing data are skipped with the warning, the run passes', { timeout: 200_000 }, () => {
    const { status, out } = runFixture(false);
    expect(out).toContain('!! TEST DATA MISSING — the fixture corpus is missing');
    expect(out).toContain('To get it: run fetch-fixture-corpus');
    expect(out).toMatch(/2 passed \| 2 skipped/);
    expect(status).toBe(0);
  });

  it('in a run in CI: the tests on missing data fail, naming it, and the run fails', { timeout: 200_000 }, () => {
    const { status, out } = runFixture(true);
    expect(out).toContain('CI=true, so this FAILS. To get it: run fetch-fixture-corpus');
    expect(out).toMatch(/3 failed \| 1 passed/);
    expect(status).toBe(1);
  });
});
