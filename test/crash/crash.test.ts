// The crash test: a child PlanDesk applies edits (single cells, pastes of up to 400 cells, undo,
// redo, revisions) and reports each one it has been told is done; it is killed with SIGKILL at a
// random moment, again and again (at least 50 times), on the same file. After every kill the file
// must pass PRAGMA integrity_check, open, and hold every acknowledged edit — and the one edit in
// flight must be all there or not at all. The audit log must agree, the next open must report the
// crash, and every automatic backup left behind must be a sound plan.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { generatePlan, prng } from '../support/bench-plan';
import { BackupStore } from '../../electron/engine/backup/backup-store';
import { AuditLog } from '../../electron/engine/history/audit-log';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { tempDir } from '../support/tmp';
import { startChild } from './spawn-child';

const KILLS = Number(process.env.PLANDESK_CRASH_KILLS ?? 55);

interface Intent {
  n: number;
  kind: 'cell' | 'paste' | 'undo' | 'redo' | 'revision';
  name?: string;
  cells: [string, number | null][];
}


function readFileState(file: string, keys: Iterable<string>) {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const get = db.prepare('SELECT value FROM amounts WHERE line_id = ? AND column_key = ?');
    const values = new Map<string, number | null>();
    for (const k of keys) {
      const [lineId, column] = k.split(':');
      values.set(k, (get.get(Number(lineId), column) as { value: number } | undefined)?.value ?? null);
    }
    const steps = (db.prepare("SELECT count(*) AS n FROM audit_steps WHERE kind IN ('edit', 'undo', 'redo')").get() as { n: number }).n;
    const revisions = (db.prepare('SELECT name FROM revisions').all() as { name: string }[]).map((r) => r.name);
    // The latest audit value of each cell must be its value in the plan (read through the log's own
    // reader: a long run of changes in one step is stored packed, not a row each).
    const log = new AuditLog(db);
    const auditDisagrees: string[] = [];
    for (const [k, v] of values) {
      const [lineId, column] = k.split(':');
      const amounts = log.query({ lineId: Number(lineId), field: column }, 0, 1_000_000).rows.filter((r) => r.action === 'amount');
      // Newest step first, its changes in order: the newest step's last change of the cell.
      const row = amounts.filter((r) => r.stepId === amounts[0]?.stepId).at(-1);
      if (row && row.new !== v) auditDisagrees.push(k);
    }
    return { integrity, values, steps, revisions, auditDisagrees };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit through ${KILLS} kills at random moments`, async () => {
    const dir = tempDir('plandesk-crash-');
    const dataDir = tempDir('plandesk-crash-data-');
    const file = path.join(dir, 'plan.plandesk');
    const plan = generatePlan(1000, 11);
    createCycleFile(file, plan);
    const rnd = prng(2024);
    /** Every cell the child may touch (leaf lines × leaf columns), with the value the file must hold. */
    const expected = new Map<string, number | null>();
    const parents = new Set(plan.lines.map((l) => l.parentId));
    const stored = new Map(plan.amounts.map((a) => [`${a.lineId}:${a.column}`, a.value]));
    for (const l of plan.lines) {
      if (parents.has(l.id)) continue;
      for (const c of ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other']) {
        expected.set(`${l.id}:${c}`, stored.get(`${l.id}:${c}`) ?? null);
      }
    }
    const revisions: string[] = [];
    let steps = 0;
    let acked = 0;
    let midStep = 0;

    for (let round = 0; round < KILLS; round++) {
      const child = await startChild('edit', file, dataDir, round + 1);
      const ready = JSON.parse((await child.waitFor('R ')).slice(2)) as { recovered: { check: string } | null; readOnly: boolean };
      expect(ready.readOnly).toBe(false);
      // Every open after the first follows a kill: it must say so, and the check must pass.
      if (round > 0) expect(ready.recovered?.check).toBe('ok');
      // Kill at a random moment once edits are under way (startup time varies with the machine's load).
      await child.waitFor('A ');
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 200)));
      child.proc.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');

      // The protocol: I (intent) then A (acknowledged), in order.
      const intents = new Map<number, Intent>();
      const ackedHere: number[] = [];
      for (const line of child.lines) {
        if (line.startsWith('I ')) {
          const i = JSON.parse(line.slice(2)) as Intent;
          intents.set(i.n, i);
        } else if (line.startsWith('A ')) ackedHere.push(Number(line.slice(2)));
      }
      const lastAck = ackedHere.length ? ackedHere[ackedHere.length - 1] : 0;
      for (const n of ackedHere) {
        const i = intents.get(n)!;
        for (const [k, v] of i.cells) expected.set(k, v);
        if (i.kind === 'revision') revisions.push(i.name!);
        else steps++;
      }
      acked += ackedHere.length;
      const inFlight = intents.get(lastAck + 1) ?? null;

      const state = readFileState(file, new Set([...expected.keys(), ...(inFlight?.cells.map(([k]) => k) ?? [])]));
      expect(state.integrity).toBe('ok');
      // The step in flight when the kill came: wholly in the file, or not at all (its audit step,
      // written in the same transaction, says which).
      if (inFlight && inFlight.kind !== 'revision') {
        const committed = state.steps === steps + 1;
        for (const [k, v] of inFlight.cells) {
          const want = committed ? v : expected.get(k);
          if (state.values.get(k) !== want) throw new Error(`round ${round}: step ${inFlight.n} (${inFlight.kind}) is partly in the file: ${k}`);
        }
        if (committed) {
          for (const [k, v] of inFlight.cells) expected.set(k, v);
          steps++;
          midStep++;
        }
      } else if (inFlight?.kind === 'revision' && state.revisions.length === revisions.length + 1) {
        revisions.push(inFlight.name!);
        midStep++;
      }
      // Every acknowledged edit is there.
      for (const [k, v] of expected) if (state.values.get(k) !== v) throw new Error(`round ${round}: ${k} is ${state.values.get(k)}, acknowledged ${v}`);
      expect(state.steps).toBe(steps);
      expect(state.revisions).toEqual(revisions);
      expect(state.auditDisagrees).toEqual([]);
      // And it opens as a plan.
      const s = PlanSession.open(file, { readOnly: true });
      expect(s.snapshot().rows.length).toBe(1000);
      s.close();
    }
    // Enough real work was interrupted to mean something.
    expect(acked).toBeGreaterThanOrEqual(KILLS);
    // Backups left by the killed sessions are whole plans (half-written ones are never named as backups).
    // (How many finish before a kill depends on the machine; each one that does must be sound.)
    const backups = new BackupStore(dataDir, file).list();
    // Half-written ones are cleared on the next open: at most the last kill's is left.
    const store = new BackupStore(dataDir, file);
    // (A half-written backup is its .tmp file plus, at most, SQLite's -journal beside it.)
    expect(fs.readdirSync(store.dir).filter((f) => f.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
    for (const b of backups) {
      const db = new Database(b.file, { readonly: true });
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
    }
    console.info(`crash test: ${KILLS} kills, ${acked} acknowledged steps, ${midStep} steps committed as the kill came, ${backups.length} backups kept`);
    expect(fs.existsSync(file)).toBe(true);
  });
});
