// Real small file systems for tests of full and read-only disks: a tmpfs of a few megabytes,
// mounted where the test may mount one (root on Linux: CI runs as root). A test that cannot mount
// one says so loudly in the run's output, and fails in CI (CI=true), where it must run.
import { execFileSync } from 'node:child_process';
import { tempDir } from './tmp';

export interface Tmpfs {
  readonly dir: string;
  /** Remount read-only (a CD, a write-protected share) or writable again. */
  remount(mode: 'ro' | 'rw'): void;
  /** Lazy unmount: never fails the test's cleanup, even with files still open. */
  unmount(): void;
}

/** A mounted tmpfs of `size` (e.g. '2m'), or null after a loud message (a failure in CI). */
export function mountTmpfs(size: string, what: string): Tmpfs | null {
  const dir = tempDir('plandesk-tmpfs-');
  let why = '';
  if (process.platform !== 'linux') why = `not Linux (${process.platform})`;
  else if (process.getuid?.() !== 0) why = 'not running as root';
  else {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    } catch (e) {
      why = `mount failed: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`;
    }
  }
  if (why) {
    const msg = `\n!!!!!!!! NOT TESTED: ${what} needs a real tmpfs, and it cannot be mounted here (${why}). !!!!!!!!\n`;
    console.warn(msg);
    if (process.env.CI === 'true') throw new Error(msg.trim());
    return null;
  }
  let mounted = true;
  return {
    dir,
    remount(mode) {
      execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } catch (e) {
        console.warn(`could not unmount ${dir}: ${String(e)}`);
      }
    },
  };
}
