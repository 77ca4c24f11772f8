// The small parts of file safety on their own: network-share detection (Windows paths, Linux file
// system types), the truncation check, read-only detection, and lock files in one process.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePlan } from '../../../test/support/bench-plan';
import { tempDir } from '../../../test/support/tmp';
import { createCycleFile } from '../store/cycle-file';
import { integrityCheck, quickCheck, truncation, writeProblem } from './file-checks';
import { acquireLock, inspectLock, LockedError, lockPathFor } from './lock-file';
import { isNetworkPath, isUncPath, type ShareProbe } from './network-share';

describe('network shares', () => {
  it('recognises UNC paths, and mapped drives by their final path', () => {
    expect(isUncPath('\\\\SERVER\\KeHoach\\2024\\plan.plandesk')).toBe(true);
    expect(isUncPath('//server/share/plan.plandesk')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\server\\share\\plan.plandesk')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\KeHoach\\plan.plandesk')).toBe(false);
    expect(isUncPath('\\\\.\\PhysicalDrive0')).toBe(false);
    expect(isUncPath('C:\\KeHoach\\plan.plandesk')).toBe(false);
    const win = (final: string): ShareProbe => ({ platform: 'win32', realpath: () => final, fsType: () => 0 });
    expect(isNetworkPath('Z:\\KeHoach\\plan.plandesk', win('\\\\fileserver\\phong-kh\\KeHoach\\plan.plandesk'))).toBe(true);
    expect(isNetworkPath('C:\\KeHoach\\plan.plandesk', win('C:\\KeHoach\\plan.plandesk'))).toBe(false);
    expect(isNetworkPath('\\\\server\\s\\p.plandesk', win('unused'))).toBe(true);
  });

  it('recognises network file systems on Linux, and says no when it cannot tell', () => {
    const linux = (type: number): ShareProbe => ({ platform: 'linux', realpath: (p) => p, fsType: () => type });
    expect(isNetworkPath('/mnt/share/p.plandesk', linux(0xff534d42))).toBe(true); // cifs
    expect(isNetworkPath('/mnt/nfs/p.plandesk', linux(0x6969))).toBe(true);
    expect(isNetworkPath('/home/p.plandesk', linux(0xef53))).toBe(false); // ext4
    expect(isNetworkPath('/x', { platform: 'linux', realpath: (p) => p, fsType: () => { throw new Error('EACCES'); } })).toBe(false);
    expect(isNetworkPath(path.join(os.tmpdir(), 'x.plandesk'))).toBe(false);
  });
});

describe('file checks', () => {
  it('finds a file cut short by its header, and quick_check finds the damage', () => {
    const file = path.join(tempDir(), 'p.plandesk');
    createCycleFile(file, generatePlan(2000, 5));
    expect(truncation(file)).toBeNull();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, size - 4096 * 3);
    expect(truncation(file)).toEqual({ expected: size, actual: size - 4096 * 3 });
    const db = new Database(file, { readonly: true });
    expect(quickCheck(db).length).toBeGreaterThan(0);
    expect(integrityCheck(db).length).toBeGreaterThan(0);
    db.close();
  });

  it('treats a file without write permission bits as read-only, even for an administrator', () => {
    const file = path.join(tempDir(), 'p.plandesk');
    fs.writeFileSync(file, 'x');
    expect(writeProblem(file)).toBeNull();
    fs.chmodSync(file, 0o444);
    expect(writeProblem(file)).toBe('attribute');
  });
});

describe('lock files', () => {
  it('are exclusive, name their holder, and are removed only by their holder', () => {
    const file = path.join(tempDir(), 'p.plandesk');
    fs.writeFileSync(file, '');
    expect(inspectLock(file)).toEqual({ kind: 'free' });
    const a = acquireLock(file);
    expect(a.previous).toBeNull();
    expect(inspectLock(file)).toMatchObject({ kind: 'live', sameHost: true, owner: { user: os.userInfo().username, pid: process.pid } });
    expect(() => acquireLock(file)).toThrow(LockedError);
    // Taken over: the first holder knows, and does not delete the new holder's lock.
    const b = acquireLock(file, { force: true });
    expect(b.previous).toMatchObject({ stale: false, owner: { token: a.token } });
    expect(a.stillOurs()).toBe(false);
    a.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    b.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('treats a half-written lock, or one from before a restart, as stale', () => {
    const file = path.join(tempDir(), 'p.plandesk');
    fs.writeFileSync(lockPathFor(file), '{"user":"a","ho');
    expect(inspectLock(file).kind).toBe('stale');
    fs.writeFileSync(
      lockPathFor(file),
      JSON.stringify({ user: 'a', host: os.hostname(), pid: process.pid, since: '', boot: Date.now() - os.uptime() * 1000 - 3_600_000, token: 't' }),
    );
    expect(inspectLock(file).kind).toBe('stale');
    const h = acquireLock(file);
    expect(h.previous?.stale).toBe(true);
    h.release();
  });
});
