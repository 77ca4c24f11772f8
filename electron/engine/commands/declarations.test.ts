// What the commands declare on their definitions, checked once over the whole map: which ones need
// a backup of the plan before they run (the Workspace takes it; no rule on the command's name).
import { describe, expect, it } from 'vitest';
import type { SessionContext } from '../context';
import { commandHandlers } from '.';

describe('command declarations', () => {
  it('the imports, and only they, ask for a backup first', () => {
    const declared = Object.entries(commandHandlers)
      .filter(([, h]) => h.backupFirst === true)
      .map(([name]) => name)
      .sort();
    expect(declared).toEqual(['allocio/import', 'consolidation/run', 'consolidation/start', 'execution/import', 'transfer/importFill', 'transfer/importNew', 'transfer/importReplace']);
  });

  it('hands commands narrow stores, never the raw database (checked by the typecheck)', () => {
    // @ts-expect-error the handler context has no database: audit, revisions and commit instead
    const raw = (ctx: SessionContext) => ctx.db;
    expect(typeof raw).toBe('function');
  });
});
