// Temporary folders for tests that need real files (cycle files, spreadsheets, PDFs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'plandesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
