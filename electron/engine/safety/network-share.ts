// Is a plan file on a network share? SQLite's WAL needs shared memory between every process using
// the file, which does not exist across computers: on a share, PlanDesk uses the rollback journal
// (journal_mode=DELETE) instead — still one transaction per edit, synchronous=FULL, and the lock
// file keeps one writer. (The alternative, copying the file locally, would leave two diverging
// copies of a plan and an easy way to lose a day's work by forgetting to copy it back.)
//
// Windows: UNC paths (\\server\share\…), and mapped drive letters, which GetFinalPathNameByHandle
// (Node's realpath.native) resolves to their UNC form. Linux: the file system type (statfs).
import fs from 'node:fs';
import path from 'node:path';

/** statfs f_type of network file systems (linux/magic.h). */
export const NETWORK_FS_TYPES: ReadonlyMap<number, string> = new Map([
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x517b, 'smb'],
  [0x6969, 'nfs'],
  [0x564c, 'ncp'],
  [0x01021997, 'v9fs'],
  [0x5346414f, 'afs'],
  [0x00c36400, 'ceph'],
  [0x47504653, 'gpfs'],
  [0x0bd00bd0, 'lustre'],
]);

/** A Windows path naming a server share: \\server\share or \\?\UNC\server\share (not \\?\C:\ or \\.\). */
export function isUncPath(p: string): boolean {
  const s = p.replace(/\//g, '\\');
  if (/^\\\\\?\\UNC\\/i.test(s)) return true;
  if (/^\\\\[?.]\\/.test(s)) return false;
  return /^\\\\[^\\]+\\[^\\]+/.test(s);
}

export interface ShareProbe {
  platform: NodeJS.Platform;
  /** Windows: the final path of a file (mapped drives come back as UNC). */
  realpath: (p: string) => string;
  /** Linux: the file system type of a folder. */
  fsType: (dir: string) => number;
}

const realProbe: ShareProbe = {
  platform: process.platform,
  realpath: (p) => fs.realpathSync.native(p),
  fsType: (dir) => Number(fs.statfsSync(dir).type),
};

/** Whether `file` lives on a network share. Unknown → false (the local-disk default is what it was). */
export function isNetworkPath(file: string, probe: ShareProbe = realProbe): boolean {
  try {
    if (probe.platform === 'win32') {
      if (isUncPath(file)) return true;
      return isUncPath(probe.realpath(file));
    }
    if (probe.platform === 'linux') return NETWORK_FS_TYPES.has(probe.fsType(path.dirname(path.resolve(file))) >>> 0);
  } catch {
    // A probe that fails (permissions, odd file systems) must not stop the file from opening.
  }
  return false;
}
