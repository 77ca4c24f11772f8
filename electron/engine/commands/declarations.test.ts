// What the commands declare on their definitions, checked once over the whole map: which ones need
// a backup of the plan before they run (the Workspace takes it; no rule on the command's name).
import { describe, expect, it } from 'vitest';
import { commandHandlers } from '.';

describe('command declarations', () => {
  it('the imports, and only they, ask for a backup first', () => {
    const declared = Object.entries(commandHandlers)
      .filter(([, h]) => h.backupFirst === true)
      .map(([name]) => name)
      .sort();
    expect(declared).toEqual(['transfer/importFill', 'transfer/importNew', 'transfer/importReplace']);
  });
});
