// Runs need-data.fixture.ts alone: test/need-data.test.ts starts this run in a child process, with
// CI set and unset, to see what a run whose data is missing prints and how it ends.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { root: import.meta.dirname, include: ['need-data.fixture.ts'], reporters: ['verbose'] } });
