// The undo/redo history, kept in the cycle file so it survives a restart. One user action = one
// step = a list of DocActions; undo applies their inverses in reverse order, redo applies them again.
import os from 'node:os';
import type { DocAction } from './actions';
import { decodeActions, encodeActions } from './undo-codec';
import type { DB } from './store/db';

export interface UndoStep {
  id: number;
  label: string;
  cursor: { lineId: number; column: string | null } | null;
  actions: DocAction[];
}

/** Steps kept; older ones are dropped so the file does not grow without bound. */
const MAX_STEPS = 500;

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}

export class UndoLog {
  private readonly user = currentUser();

  constructor(private readonly db: DB) {}

  /** Record a new step (the caller's transaction); a new step clears what could be redone. */
  record(label: string, actions: DocAction[], cursor: UndoStep['cursor']): void {
    this.db.prepare("DELETE FROM undo_steps WHERE state = 'undone'").run();
    this.db
      .prepare("INSERT INTO undo_steps (label, at, user, cursor, state, actions) VALUES (?, ?, ?, ?, 'done', ?)")
      .run(label, new Date().toISOString(), this.user, cursor ? JSON.stringify(cursor) : null, encodeActions(actions));
    this.db
      .prepare(`DELETE FROM undo_steps WHERE id <= (SELECT max(id) FROM undo_steps) - ${MAX_STEPS}`)
      .run();
  }

  /** The step undo would revert. */
  peekUndo(): UndoStep | null {
    return this.load("SELECT * FROM undo_steps WHERE state = 'done' ORDER BY id DESC LIMIT 1");
  }

  /** The step redo would re-apply. */
  peekRedo(): UndoStep | null {
    return this.load("SELECT * FROM undo_steps WHERE state = 'undone' ORDER BY id ASC LIMIT 1");
  }

  /** Labels of the next undo and redo steps (cheap: no action lists are read). */
  labels(): { undo: string | null; redo: string | null } {
    const u = this.db.prepare("SELECT label FROM undo_steps WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as
      | { label: string }
      | undefined;
    const r = this.db.prepare("SELECT label FROM undo_steps WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as
      | { label: string }
      | undefined;
    return { undo: u?.label ?? null, redo: r?.label ?? null };
  }

  mark(id: number, state: 'done' | 'undone'): void {
    this.db.prepare('UPDATE undo_steps SET state = ? WHERE id = ?').run(state, id);
  }

  private load(sql: string): UndoStep | null {
    const r = this.db.prepare(sql).get() as
      | { id: number; label: string; cursor: string | null; actions: string }
      | undefined;
    if (!r) return null;
    return { id: r.id, label: r.label, cursor: r.cursor ? JSON.parse(r.cursor) : null, actions: decodeActions(r.actions) };
  }
}
