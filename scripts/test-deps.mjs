// Makes sure the machine has what the tests drive: Debian's Chromium (no browser download) and
// poppler-utils (pdftotext/pdfinfo for the printed annexes). Installs them with apt-get when run
// as root on Debian (CI, fresh dev machines); otherwise says exactly what to install.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const needs = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { bin: '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', pkg: 'fonts-liberation' },
];
const missing = needs.filter((n) => !fs.existsSync(n.bin)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
  console.log(`Installing test tools from Debian: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync(`apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit', env });
} else {
  console.error(`The tests need: ${missing.join(' ')} — install them (e.g. sudo apt-get install ${missing.join(' ')}) and run again.`);
  process.exit(1);
}
