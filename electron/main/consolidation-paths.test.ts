// Consolidation's pick in Electron (issue 16): main's open dialog takes several files, or a folder,
// and all the chosen paths go to the command; files dropped on the board come as a staged batch, so
// no dialog is shown for them. Driven with the real path slots and a scripted "dialog".
import { describe, expect, it } from 'vitest';
import { consolidationPathArgs } from '../../shared/commands/consolidation';
import type { HostPathSlot } from '../../shared/commands/history';
import { fillPathArgs, openDialogProperties, PathGrants } from './path-grants';

async function run(args: Record<string, unknown>, answer: string | string[] | undefined) {
  const asked: HostPathSlot[] = [];
  const r = await fillPathArgs(consolidationPathArgs['consolidation/start'], 'consolidation/start', args, new PathGrants(), async (slot) => {
    asked.push(slot);
    return answer;
  });
  return { r, asked };
}

describe('consolidation’s files chosen in main’s dialog', () => {
  it('takes every file chosen in one multi-select dialog, whatever the renderer sent', async () => {
    const files = ['/home/can-bo/nhan/krong-no.xlsx', '/home/can-bo/nhan/cu-jut.xlsx', '/home/can-bo/nhan/tuy-duc.ods'];
    const { r, asked } = await run({ paths: ['/etc/passwd'], acceptMismatch: false, dryRun: false }, files);
    expect(r).toEqual({ ok: true, args: { paths: files, acceptMismatch: false, dryRun: false } });
    expect(asked.map((s) => [s.dialog, s.pick])).toEqual([['open', 'files']]);
    expect(openDialogProperties(asked[0])).toEqual(['openFile', 'multiSelections']);
  });

  it('asks for a folder when the window asks for one', async () => {
    const { r, asked } = await run({ paths: [], pick: 'folder', acceptMismatch: false, dryRun: false }, ['/home/can-bo/nhan']);
    expect(r).toMatchObject({ ok: true, args: { paths: ['/home/can-bo/nhan'] } });
    expect(openDialogProperties(asked[0])).toEqual(['openDirectory']);
  });

  it('a cancelled or empty choice cancels the command', async () => {
    expect((await run({ paths: [] }, undefined)).r).toEqual({ ok: false, error: { code: 'error.canceled' } });
    expect((await run({ paths: [] }, [])).r).toEqual({ ok: false, error: { code: 'error.canceled' } });
  });

  it('shows no dialog for files dropped on the board (a staged batch)', async () => {
    const { r, asked } = await run({ paths: [], batch: 'b1', acceptMismatch: false, dryRun: false }, ['/should/not/be/used']);
    expect(asked).toEqual([]);
    expect(r).toEqual({ ok: true, args: { paths: [], batch: 'b1', acceptMismatch: false, dryRun: false } });
  });

  it('other commands keep their one-file dialog', () => {
    expect(openDialogProperties({ slot: 'a', dialog: 'open', filter: 'plandesk', current: '' })).toEqual(['openFile']);
  });
});
