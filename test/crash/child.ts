// A PlanDesk engine in a child process, for tests that need a second process: the crash test
// (edits until it is killed) and lock contention (holds a file open). Bundled by esbuild at test
// time (see build-child.ts) and run as: node child.cjs <mode> <file> <dataDir> [seed]
//
// Mode "edit" writes one line per step to stdout, synchronously (so a line is out before the next
// step starts):  I <json>  — the step it is about to run and the cell values it will leave;
//                A <n>     — step n was acknowledged (the engine returned: the UI would show it).
// Mode "hold" opens the file, prints "R <status json>" and waits to be killed or for stdin to end;
// meanwhile each stdin line {"name", "args"} runs that command and prints "C <result json>".
import fs from 'node:fs';
import { Workspace } from '../../electron/engine/workspace';
import { prng } from '../support/bench-plan';

const [mode, file, dataDir, seedArg] = process.argv.slice(2);
const out = (line: string) => fs.writeSync(1, line + '\n');


const ws = new Workspace(null, { dataDir: dataDir || null });
ws.open(file);
// Printed before any edit or stdin command runs: the answer settles in microtasks, those wait for
// the event loop.
void ws.handle('safety/status', {}).then((status) => out(`R ${JSON.stringify(status.ok ? status.value : status.error)}`));

if (mode === 'hold') {
  let pending = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d: string) => {
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      const { name, args } = JSON.parse(line) as { name: Parameters<Workspace['handle']>[0]; args: unknown };
      void ws.handle(name, args).then((r) => out(`C ${JSON.stringify(r)}`));
    }
  });
  process.stdin.on('end', () => {
    ws.close();
    process.exit(0);
  });
} else if (mode === 'edit') {
  const rnd = prng(Number(seedArg ?? 1));
  const snap = ws.session!.snapshot();
  const leafCols = ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other'];
  const leaves = snap.rows.filter((r) => !r.hasChildren).map((r) => r.id);
  const key = (lineId: number, column: string) => `${lineId}:${column}`;
  /** The child's view of every cell it may touch, from the engine's answers. */
  const value = new Map<string, number | null>();
  for (const r of snap.rows) for (const c of leafCols) value.set(key(r.id, c), r.stored[c] ?? null);
  type Step = { cells: [string, number | null, number | null][] }; // key, old, new
  const undo: Step[] = [];
  const redo: Step[] = [];
  let n = 0;
  const pickCell = () => key(leaves[Math.floor(rnd() * leaves.length)], leafCols[Math.floor(rnd() * leafCols.length)]);
  const fresh = (k: string) => {
    let v: number | null;
    do v = rnd() < 0.1 ? null : Math.floor(rnd() * 1e6) * 1000;
    while (v === value.get(k));
    return v;
  };
  const run = async (name: Parameters<Workspace['handle']>[0], args: unknown) => {
    const r = await ws.handle(name, args);
    if (!r.ok) throw new Error(`step ${n} ${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const loop = async () => {
    for (let burst = 0; burst < 5; burst++) {
      n++;
      const roll = rnd();
      if (roll < 0.08 && undo.length) {
        const step = undo.pop()!;
        const after = step.cells.map(([k, old]) => [k, old] as const);
        out(`I ${JSON.stringify({ n, kind: 'undo', cells: after })}`);
        await run('undo', {});
        for (const [k, v] of after) value.set(k, v);
        redo.push(step);
      } else if (roll < 0.12 && redo.length) {
        const step = redo.pop()!;
        const after = step.cells.map(([k, , nw]) => [k, nw] as const);
        out(`I ${JSON.stringify({ n, kind: 'redo', cells: after })}`);
        await run('redo', {});
        for (const [k, v] of after) value.set(k, v);
        undo.push(step);
      } else if (roll < 0.13) {
        const name = `Phiên bản ${seedArg}.${n}`;
        out(`I ${JSON.stringify({ n, kind: 'revision', name, cells: [] })}`);
        await run('history/createRevision', { name });
      } else {
        const count = roll < 0.3 ? 1 + Math.floor(rnd() * 400) : 1;
        const cells = new Map<string, number | null>();
        while (cells.size < count) {
          const k = pickCell();
          if (!cells.has(k)) cells.set(k, fresh(k));
        }
        const after = [...cells];
        out(`I ${JSON.stringify({ n, kind: count > 1 ? 'paste' : 'cell', cells: after })}`);
        const changes = after.map(([k, v]) => {
          const [lineId, column] = k.split(':');
          return { lineId: Number(lineId), column, value: v };
        });
        if (changes.length === 1) await run('cell/set', changes[0]);
        else await run('cells/set', { changes });
        const step: Step = { cells: after.map(([k, v]) => [k, value.get(k) ?? null, v]) };
        for (const [k, v] of after) value.set(k, v);
        undo.push(step);
        if (undo.length > 400) undo.shift();
        redo.length = 0;
      }
      out(`A ${n}`);
    }
    setImmediate(() => void loop());
  };
  // Let the event loop run between bursts: the backup on open proceeds alongside the edits.
  setImmediate(() => void loop());
}
