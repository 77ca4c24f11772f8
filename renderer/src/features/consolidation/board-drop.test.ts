// A folder dropped on the consolidation board gives the files the host's folder walk would: its
// spreadsheets, sub-folders too, sorted by name, hidden and lock files and other files left out —
// read through the drop's file-system entries, in batches as Chromium hands them out.
import { describe, expect, it } from 'vitest';
import { filesOfDrop, type DropEntry, type DroppedFile } from './board-drop';

const file = (name: string): DropEntry & { blob: DroppedFile } => {
  const blob: DroppedFile = { name, size: 10, type: '', arrayBuffer: async () => new ArrayBuffer(10) };
  return { name, isFile: true, isDirectory: false, blob, file: (ok) => ok(blob) };
};
/** A folder whose reader hands out its entries two at a time, as Chromium does by the hundred. */
const folder = (name: string, children: DropEntry[]): DropEntry => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok) => {
        const batch = children.slice(at, at + 2);
        at += batch.length;
        ok(batch);
      },
    };
  },
});

describe('filesOfDrop', () => {
  it('walks a dropped folder and its sub-folders for spreadsheets, in name order, as the host does', async () => {
    const tree = folder('don-vi', [
      file('krong-no.xlsx'),
      file('~$krong-no.xlsx'),
      file('.an.xlsx'),
      file('ghi-chu.docx'),
      folder('xa', [file('xa-b.ods'), file('xa-a.xls')]),
      folder('.git', [file('x.xlsx')]),
      file('dak-mil.xlsm'),
    ]);
    const got = await filesOfDrop([tree], []);
    expect(got.map((f) => f.name)).toEqual(['dak-mil.xlsm', 'krong-no.xlsx', 'xa-a.xls', 'xa-b.ods']);
  });

  it('takes a dropped file as it is (any name: the host refuses what it cannot read, saying why), beside a folder', async () => {
    const one = file('bao-cao.pdf');
    const got = await filesOfDrop([one, folder('f', [file('a.xlsx')])], [one.blob]);
    expect(got.map((f) => f.name)).toEqual(['bao-cao.pdf', 'a.xlsx']);
  });

  it('without entries (a page that gives none) keeps the plain files and leaves out the unreadable folder stand-ins', async () => {
    const a = file('a.xlsx').blob;
    const folderStandIn: DroppedFile = { name: 'folder', size: 0, type: '', arrayBuffer: async () => new ArrayBuffer(0) };
    expect((await filesOfDrop([], [a, folderStandIn])).map((f) => f.name)).toEqual(['a.xlsx']);
    expect((await filesOfDrop([null, null], [a, folderStandIn])).map((f) => f.name)).toEqual(['a.xlsx']);
  });
});
