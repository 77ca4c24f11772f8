// The one "write under a temporary name, rename into place": a failure at any step leaves the target
// as it was and no temporary file (nor a SQLite side file of it) behind.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../../test/support/tmp';
import { removeSqliteSideFiles, tempNameFor, writeAtomic, writeAtomicSync } from './atomic-write';

function setup() {
  const dir = tempDir('plandesk-atomic-');
  const target = path.join(dir, 'plan.plandesk');
  fs.writeFileSync(target, 'old content');
  return { dir, target };
}

describe('writeAtomicSync / writeAtomic', () => {
  it('puts the new bytes in place and leaves only the target', async () => {
    const { dir, target } = setup();
    writeAtomicSync(target, (tmp) => fs.writeFileSync(tmp, 'new'), { durable: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    await writeAtomic(target, async (tmp) => fs.promises.writeFile(tmp, 'newer'));
    expect(fs.readFileSync(target, 'utf8')).toBe('newer');
    expect(fs.readdirSync(dir)).toEqual(['plan.plandesk']);
  });

  it('a write that fails midway leaves the target untouched and no temporary file (nor its -wal/-shm)', async () => {
    const { dir, target } = setup();
    expect(() =>
      writeAtomicSync(target, (tmp) => {
        fs.writeFileSync(tmp, 'half');
        fs.writeFileSync(`${tmp}-wal`, 'journal');
        fs.writeFileSync(`${tmp}-shm`, 'index');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(fs.readFileSync(target, 'utf8')).toBe('old content');
    expect(fs.readdirSync(dir)).toEqual(['plan.plandesk']);

    await expect(
      writeAtomic(target, async (tmp) => {
        await fs.promises.writeFile(tmp, 'half');
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(fs.readFileSync(target, 'utf8')).toBe('old content');
    expect(fs.readdirSync(dir)).toEqual(['plan.plandesk']);
  });

  it('a failure after the write (the step before the rename, or the rename itself) also removes the temporary', () => {
    const { dir, target } = setup();
    expect(() =>
      writeAtomicSync(target, (tmp) => fs.writeFileSync(tmp, 'new'), {
        beforeRename: () => {
          throw new Error('cannot move the old file aside');
        },
      }),
    ).toThrow('cannot move the old file aside');
    expect(fs.readFileSync(target, 'utf8')).toBe('old content');
    expect(fs.readdirSync(dir)).toEqual(['plan.plandesk']);

    // A folder where the file should go: the rename fails.
    const blocked = path.join(dir, 'folder.plandesk');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect(() => writeAtomicSync(blocked, (tmp) => fs.writeFileSync(tmp, 'new'), { durable: true })).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['folder.plandesk', 'plan.plandesk']);
  });

  it('clears a stale temporary a crash left, and the rename is the last step', () => {
    const { dir, target } = setup();
    const tmp = tempNameFor(target);
    expect(path.dirname(tmp)).toBe(dir);
    fs.writeFileSync(tmp, 'stale');
    fs.writeFileSync(`${tmp}-wal`, 'stale');
    const seen: string[] = [];
    writeAtomicSync(target, (t) => {
      expect(fs.existsSync(`${t}-wal`)).toBe(false);
      fs.writeFileSync(t, 'new');
    }, {
      beforeRename: () => seen.push(fs.readFileSync(target, 'utf8')),
    });
    expect(seen).toEqual(['old content']);
    expect(fs.readdirSync(dir)).toEqual(['plan.plandesk']);
    // A second kind of temporary for the same target has a name of its own.
    expect(tempNameFor(target, 'restore')).not.toBe(tmp);
  });

  it('removes a replaced plan\'s stale side files when asked', () => {
    const { dir, target } = setup();
    for (const s of ['-wal', '-shm', '-journal']) fs.writeFileSync(target + s, 'stale');
    writeAtomicSync(target, (tmp) => fs.writeFileSync(tmp, 'new'), { beforeRename: () => removeSqliteSideFiles(target) });
    expect(fs.readdirSync(dir)).toEqual(['plan.plandesk']);
  });
});
