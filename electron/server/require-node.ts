// Refuse to run under a Node.js older than better-sqlite3 needs. better-sqlite3 13 is built for
// Node 22: under Node 20 it loads, then segfaults when it opens a database — a crash that leaves a
// plan's lock behind. Imported first by the bundles that run as plain `node …` (serve.cjs), so the
// check runs before any module that opens a database.
import { t } from '../../shared/i18n';

export const NODE_MAJOR_NEEDED = 22;

/** The one-line refusal for a Node.js version, or null when it is recent enough. */
export function nodeVersionRefusal(version: string): string | null {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (major >= NODE_MAJOR_NEEDED) return null;
  return t('vi', 'cli.node_too_old', { needed: NODE_MAJOR_NEEDED, found: version.replace(/^v/, '') });
}

const refusal = nodeVersionRefusal(process.versions.node);
if (refusal) {
  process.stderr.write(refusal + '\n');
  process.exit(1);
}
