// Where a Chromium-family browser is installed on this machine, for printing a print view to PDF
// without Electron (browser mode's server, the CLI's `report --pdf`): CHROMIUM_PATH first, then
// Debian/Ubuntu's chromium, Google Chrome, and on Windows Chrome or Edge (every Windows 10/11 PC
// has Edge). Null when none is found: the caller says so plainly.
import fs from 'node:fs';
import path from 'node:path';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    env.PROGRAMFILES && path.join(env.PROGRAMFILES, 'Google/Chrome/Application/chrome.exe'),
    env['PROGRAMFILES(X86)'] && path.join(env['PROGRAMFILES(X86)'], 'Google/Chrome/Application/chrome.exe'),
    env['PROGRAMFILES(X86)'] && path.join(env['PROGRAMFILES(X86)'], 'Microsoft/Edge/Application/msedge.exe'),
    env.PROGRAMFILES && path.join(env.PROGRAMFILES, 'Microsoft/Edge/Application/msedge.exe'),
  ];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return null;
}
