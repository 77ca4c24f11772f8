// Real small file systems for tests of full and read-only disks: a tmpfs of a few megabytes. Only
// root may mount one (CI runs as root): tests that need it go through need-data.ts with `TMPFS`, so
// where it cannot be mounted they are skipped with a loud warning, and fail in CI (CI=true).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Need } from './need-data';
import { tempDir } from './tmp';

export interface Tmpfs {
  readonly dir: string;
  /** Remount read-only (a CD, a write-protected share) or writable again. */
  remount(mode: 'ro' | 'rw'): void;
  /** Lazy unmount: never fails the test's cleanup, even with files still open. */
  unmount(): void;
}

let probed: boolean | null = null;

/** Whether this process can mount a tmpfs (tried once, on a throw-away folder). */
function canMountTmpfs(): boolean {
  if (probed !== null) return probed;
  probed = false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return probed;
  const dir = tempDir('plandesk-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    probed = true;
  } catch {
    // Not allowed here (an unprivileged container): the need is not met.
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return probed;
}

export const TMPFS: Need = {
  what: 'a real tmpfs to fill up or make read-only (mounting needs root on Linux)',
  howToGet: 'run the tests as root on Linux, as CI does (e.g. sudo npx vitest run …)',
  check: canMountTmpfs,
};

/** A mounted tmpfs of `size` (e.g. '2m'). Use inside a test guarded by TMPFS; unmount in afterAll. */
export function mountTmpfs(size: string): Tmpfs {
  const dir = tempDir('plandesk-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
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

/** Write until the file system has no byte left (a full disk, for the disk-full tests). */
export function fillDisk(filler: string): void {
  const fd = fs.openSync(filler, 'w');
  try {
    for (const size of [1 << 16, 4096, 512, 1]) {
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(size, 1));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}
