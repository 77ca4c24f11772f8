// Every module of the app that writes a file either makes the one check first (write-target.ts:
// checkWriteTarget or reservePlanTarget), or is one of the few that write only the app's own files —
// each listed here with the reason. A new writing path that skips the check fails this test.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Calls that create, replace or write into a file. */
const WRITES =
  /\b(?:writeFileSync|writeFile|renameSync|copyFileSync|copyFile|createWriteStream|appendFileSync|appendFile|createDatabase|writeAtomic|writeAtomicSync|writePlanFile)\s*\(|\.rename\s*\(|openSync\([^)]*['"](?:w|wx|a|r\+)['"]|\.backup\s*\(|WorkbookWriter|new ZipWriter|VACUUM INTO/;
// writePlanFile (store/cycle-file.ts) is a write that reserves its target through the check itself.
const CHECKS = /\b(?:checkWriteTarget|reservePlanTarget|writePlanFile)\s*\(/;

/** Modules that write only files of the app's own making, never a path a user or caller names. */
const OWN_FILES: Record<string, string> = {
  'electron/engine/safety/lock-file.ts': 'the lock file itself (created with O_EXCL; replaced only by a deliberate takeover)',
  'electron/engine/backup/backup-store.ts': "the app's backup folder, which the check keeps every other write out of",
  'electron/engine/safety/guarded-file.ts': 'asks backup-store for a copy before a migration',
  'electron/engine/store/atomic-write.ts': 'renames into place the target its caller checked first (write under a temporary name, rename)',
  'electron/engine/store/db.ts': 'creates a database at the temporary name its caller chose after the check; the pre-migration copy beside the plan being opened',
  'electron/engine/store/read-only.ts': 'private copies in a temporary folder of its own',
  'electron/engine/excel/xlsx-writer.ts': 'writes the temporary file exportAnnex names after the check',
  'electron/engine/excel/zip-writer.ts': 'writes the temporary file exportAnnex names after the check',
  'electron/engine/excel/template.ts': 'writes the temporary file exportAnnex names after the check',
  'electron/main/window-state.ts': "window-state.json in the app's data folder",
  'electron/engine/consolidation/staged.ts': 'files dropped on the consolidation board, into a temporary folder of its own (mkdtemp, wx), removed after the collect',
};

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('every path that writes a file goes through the one check', () => {
  it('each writing module calls checkWriteTarget / reservePlanTarget, or writes only files of its own', () => {
    const unchecked: string[] = [];
    const writers: string[] = [];
    for (const file of sources(path.join(ROOT, 'electron'))) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      if (!WRITES.test(text) || rel === 'electron/engine/safety/write-target.ts') continue;
      writers.push(rel);
      if (!CHECKS.test(text) && !(rel in OWN_FILES)) unchecked.push(rel);
    }
    expect(unchecked).toEqual([]);
    // The paths a user names: Save a copy / New, restore, new cycle, import to a new file, exports, PDF.
    for (const m of [
      'electron/engine/workspace.ts', 'electron/engine/store/cycle-file.ts', 'electron/engine/backup/restore.ts',
      'electron/engine/history/new-cycle.ts', 'electron/engine/history/compare-xlsx.ts', 'electron/engine/transfer/new-file.ts',
      'electron/engine/excel/export.ts', 'electron/main/print.ts',
      'electron/engine/allocation/by-unit.ts', 'electron/engine/allocation/split.ts',
    ]) {
      expect(writers).toContain(m);
      expect(fs.readFileSync(path.join(ROOT, m), 'utf8')).toMatch(CHECKS);
    }
    // A listed module that no longer writes should leave the list.
    for (const own of Object.keys(OWN_FILES)) if (fs.existsSync(path.join(ROOT, own))) expect(writers, own).toContain(own);
  });
});
