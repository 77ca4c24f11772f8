// GridEditor's one ordered queue: a typed cell goes to the engine after the edits sent before it,
// even when the transport (browser mode: one HTTP request per command) delivers out of order.
import type { Patch, PlanDeskBridge } from '../../../shared/ipc';
import { GridEditor, type EditorHost } from './grid-editor';
import { GridSelection } from './selection';

/** A bridge whose requests reach the "engine" after a per-call delay (the first one slowest). */
function slowFirstBridge(received: string[]): PlanDeskBridge {
  const delays = [40, 0, 0, 0];
  let n = 0;
  const invoke = (name: string, args: unknown) =>
    new Promise<Patch>((resolve) => {
      setTimeout(() => {
        received.push(`${name} ${JSON.stringify(args)}`);
        resolve({} as Patch);
      }, delays[n++] ?? 0);
    });
  return { invoke } as unknown as PlanDeskBridge;
}

function editorWith(bridge: PlanDeskBridge, applied: string[]): GridEditor {
  const host = {
    bridge,
    applyPatch: async () => void applied.push('patch'),
  } as unknown as EditorHost;
  return new GridEditor(new GridSelection(), host);
}

describe('GridEditor edits from the grid', () => {
  it('two quick typed cells reach the engine in the order they were typed', async () => {
    const received: string[] = [];
    const applied: string[] = [];
    const editor = editorWith(slowFirstBridge(received), applied);
    await Promise.all([editor.setCell(1, 'm1', 100), editor.setCell(1, 'm1', 200)]);
    expect(received).toEqual([
      'cell/set {"lineId":1,"column":"m1","value":100}',
      'cell/set {"lineId":1,"column":"m1","value":200}',
    ]);
    expect(applied).toEqual(['patch', 'patch']);
  });

  it('a typed text and a typed amount share the queue, and a refusal does not block the next edit', async () => {
    const received: string[] = [];
    let n = 0;
    const bridge = {
      invoke: (name: string, args: unknown) =>
        new Promise((resolve, reject) =>
          setTimeout(() => {
            received.push(`${name} ${JSON.stringify(args)}`);
            if (n++ === 0) reject(new Error('refused'));
            else resolve({});
          }, n === 0 ? 40 : 0),
        ),
    } as unknown as PlanDeskBridge;
    const editor = editorWith(bridge, []);
    const first = editor.setFields(2, { name: 'Lương' });
    const second = editor.setCell(2, 'm2', null);
    await expect(first).rejects.toThrow('refused');
    await second;
    expect(received).toEqual(['line/update {"lineId":2,"fields":{"name":"Lương"}}', 'cell/set {"lineId":2,"column":"m2","value":null}']);
  });
});
