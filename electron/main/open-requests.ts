// The plan files a start of PlanDesk asks for: this instance's command line, or the one a second
// instance hands over (a double-click on a .plandesk while PlanDesk runs). Pure, tested under Node.
import path from 'node:path';

/** What a second instance sends the first (app.requestSingleInstanceLock's additionalData). */
export interface InstanceData {
  argv: string[];
  cwd: string;
}

function isInstanceData(v: unknown): v is InstanceData {
  const d = v as InstanceData | null;
  return !!d && typeof d === 'object' && Array.isArray(d.argv) && d.argv.every((a) => typeof a === 'string') && typeof d.cwd === 'string';
}

/**
 * The .plandesk files named on a command line, as absolute paths (a relative one is relative to the
 * folder that instance started in). The instance's own data is preferred over the argv Electron
 * reports, which Chromium may reorder or add switches to. The program (and, unpackaged, the app
 * folder `electron .`) is skipped, and so is anything that looks like a switch.
 */
export function plandeskFiles(data: unknown, argv: readonly string[], cwd: string, packaged: boolean): string[] {
  const from = isInstanceData(data) ? data : { argv: [...argv], cwd };
  const files = from.argv
    .slice(packaged ? 1 : 2)
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.plandesk'))
    .map((a) => path.resolve(from.cwd, a));
  return [...new Set(files)];
}
