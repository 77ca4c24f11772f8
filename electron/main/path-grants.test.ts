// A path chosen in one of main's dialogs authorises one operation: the one the dialog was for (or
// the single follow-up, exporting the comparison just made), once. Replays, and paths carried over
// to another command or slot, get the dialog again — the renderer's path is never used. Driven
// with the real path slots of the history and transfer commands and a scripted "dialog".
import { describe, expect, it } from 'vitest';
import { historyPathArgs, type HostPathArg, type HostPathSlot } from '../../shared/commands/history';
import { transferPathArgs } from '../../shared/commands/transfer';
import { executionPathArgs } from '../../shared/commands/execution';
import { fillPathArgs, PathGrants } from './path-grants';

const SPECS: Record<string, HostPathArg> = { ...historyPathArgs, ...transferPathArgs, ...executionPathArgs };
const X = '/home/ke-toan/so-sanh/ke-hoach-2023.plandesk';
const Y = '/home/ke-toan/xuat/phu-luc.xlsx';

/** The main process as the tests drive it: one grant store, a dialog that answers from a script. */
function host() {
  const grants = new PathGrants();
  const asked: HostPathSlot[] = [];
  let answers: (string | undefined)[] = [];
  const run = async (name: string, args: Record<string, unknown>, ...dialog: (string | undefined)[]) => {
    answers = dialog;
    const before = asked.length;
    const r = await fillPathArgs(SPECS[name], name, args, grants, async (slot) => {
      asked.push(slot);
      return answers.shift();
    });
    return { ...r, dialogs: asked.slice(before).map((s) => `${s.dialog}:${s.slot}`) };
  };
  return { run, grants };
}

const file = (path: string) => ({ kind: 'file', path });

describe('paths chosen in dialogs', () => {
  it('fills each slot from its dialog, whatever path the renderer sent', async () => {
    const { run } = host();
    const r = await run('history/compare', { a: file('/etc/shadow'), b: { kind: 'current' } }, X);
    expect(r).toMatchObject({ ok: true, args: { a: file(X), b: { kind: 'current' } }, dialogs: ['open:a'] });
  });

  it('lets the comparison just made be exported once without choosing its file again', async () => {
    const { run } = host();
    await run('history/compare', { a: file(''), b: { kind: 'current' } }, X);
    const first = await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: 'so-sanh.xlsx' }, Y);
    expect(first).toMatchObject({ ok: true, args: { a: file(X), path: Y }, dialogs: ['save:path'] });
    // Used up: a second export asks for the file again (and takes the person's answer, not the replay).
    const second = await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, '/khac.plandesk', Y);
    expect(second).toMatchObject({ ok: true, args: { a: file('/khac.plandesk'), path: Y }, dialogs: ['open:a', 'save:path'] });
  });

  it('gives the grant back when the person cancels the export’s save dialog, and lends it to no one meanwhile', async () => {
    const { run, grants } = host();
    await run('history/compare', { a: file(''), b: { kind: 'current' } }, X);
    // While the save dialog is open, the grant is taken: a replay at that moment gets the dialog.
    let replay: Awaited<ReturnType<typeof run>> | null = null;
    const canceled = await fillPathArgs(historyPathArgs['history/exportCompare'], 'history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, grants, async () => {
      replay = await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, undefined);
      return undefined;
    });
    expect(canceled).toEqual({ ok: false, error: { code: 'error.canceled' } });
    expect(replay).toMatchObject({ ok: false, dialogs: ['open:a'] });
    // Canceled, so nothing was exported: the export may still be made, once.
    expect(await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, Y)).toMatchObject({ ok: true, dialogs: ['save:path'] });
    expect(await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:a'] });
  });

  it('does not give a grant back across a new comparison', async () => {
    const { run, grants } = host();
    await run('history/compare', { a: file(''), b: { kind: 'current' } }, X);
    const canceled = await fillPathArgs(historyPathArgs['history/exportCompare'], 'history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, grants, async () => {
      await run('history/compare', { a: { kind: 'current' }, b: { kind: 'revision', id: 2 } });
      return undefined;
    });
    expect(canceled).toMatchObject({ ok: false });
    expect(await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:a'] });
  });

  it('lets a disbursement report be read again (another date) and then imported once, without choosing it again', async () => {
    const { run } = host();
    const report = '/home/ke-toan/nhan/bao-cao-6-thang.xlsx';
    expect(await run('execution/read', { path: '' }, report)).toMatchObject({ ok: true, args: { path: report }, dialogs: ['open:path'] });
    expect(await run('execution/read', { path: report, asOf: '2024-07-15' })).toMatchObject({ ok: true, args: { path: report, asOf: '2024-07-15' }, dialogs: [] });
    expect(await run('execution/import', { path: report })).toMatchObject({ ok: true, args: { path: report }, dialogs: [] });
    // Used up by the import: neither another import nor another read of it goes without the dialog.
    expect(await run('execution/import', { path: report }, undefined)).toMatchObject({ ok: false, dialogs: ['open:path'] });
    expect(await run('execution/read', { path: report }, undefined)).toMatchObject({ ok: false, dialogs: ['open:path'] });
    // Another file than the one chosen: the dialog, never the renderer's path.
    await run('execution/read', { path: '' }, report);
    expect(await run('execution/read', { path: '/etc/shadow' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:path'] });
    expect(await run('execution/import', { path: '/etc/shadow' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:path'] });
  });

  it('does not let a renderer replay a path for the command it was chosen for', async () => {
    const { run } = host();
    await run('history/compare', { a: file(''), b: { kind: 'current' } }, X);
    const replay = await run('history/compare', { a: file(X), b: { kind: 'current' } }, undefined);
    expect(replay).toMatchObject({ ok: false, error: { code: 'error.canceled' }, dialogs: ['open:a'] });
  });

  it('does not carry a path over to another command or another slot', async () => {
    const { run } = host();
    await run('history/compare', { a: file(''), b: { kind: 'current' } }, X);
    // Another command: an import's source, a template.
    expect(await run('transfer/start', { source: { kind: 'path', path: X } }, undefined)).toMatchObject({ ok: false, dialogs: ['open:source'] });
    expect(await run('transfer/export', { template: X, path: 'a.xlsx' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:template'] });
    // The other side of the comparison.
    expect(await run('history/exportCompare', { a: { kind: 'current' }, b: file(X), path: '' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:b'] });
  });

  it('gives nothing to a path chosen in a save dialog (an export target is not an import source)', async () => {
    const { run } = host();
    await run('transfer/export', { path: 'ke-hoach.xlsx' }, Y);
    await run('history/newCycle', { path: '' }, X);
    expect(await run('transfer/start', { source: { kind: 'path', path: Y } }, undefined)).toMatchObject({ ok: false, dialogs: ['open:source'] });
    expect(await run('history/compare', { a: file(X), b: { kind: 'current' } }, undefined)).toMatchObject({ ok: false, dialogs: ['open:a'] });
    expect(await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: Y }, undefined)).toMatchObject({ ok: false, dialogs: ['open:a'] });
  });

  it('gives nothing to an import source for a later import', async () => {
    const { run } = host();
    const spreadsheet = '/home/ke-toan/nhan/du-toan.xlsx';
    await run('transfer/start', { source: { kind: 'path', path: '' } }, spreadsheet);
    expect(await run('transfer/start', { source: { kind: 'path', path: spreadsheet } }, undefined)).toMatchObject({ ok: false, dialogs: ['open:source'] });
  });

  it('drops the previous comparison’s grant when a new comparison is made', async () => {
    const { run } = host();
    await run('history/compare', { a: file(''), b: { kind: 'current' } }, X);
    await run('history/compare', { a: { kind: 'revision', id: 1 }, b: { kind: 'current' } });
    expect(await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:a'] });
  });

  it('grants nothing when the person cancels halfway through a command’s dialogs', async () => {
    const { run } = host();
    const r = await run('history/compare', { a: file(''), b: file('') }, X, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'error.canceled' }, dialogs: ['open:a', 'open:b'] });
    expect(await run('history/exportCompare', { a: file(X), b: { kind: 'current' }, path: '' }, undefined)).toMatchObject({ ok: false, dialogs: ['open:a'] });
  });

  it('matches a granted path as the engine hands it back (resolved), and nothing else', () => {
    const grants = new PathGrants();
    grants.chosen('history/compare', 'a', '/plans/./a.plandesk');
    expect(grants.take('history/exportCompare', 'a', '/plans/b.plandesk')).toBeNull();
    expect(grants.take('history/exportCompare', 'a', '')).toBeNull();
    expect(grants.take('history/compare', 'a', '/plans/a.plandesk')).toBeNull();
    expect(grants.take('history/exportCompare', 'a', '/plans/a.plandesk')).not.toBeNull();
    expect(grants.take('history/exportCompare', 'a', '/plans/a.plandesk')).toBeNull();
  });

  it('leaves arguments without path slots alone', async () => {
    const { run } = host();
    expect(await run('transfer/start', { source: { kind: 'upload', id: 'u1' } })).toMatchObject({ ok: true, dialogs: [] });
  });
});
