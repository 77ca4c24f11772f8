// Serves the built renderer from the app:// scheme (not file://), so the CSP and same-origin rules
// apply and nothing outside the renderer folder can be read: rendererFile() decides which file a
// URL names (pure, tested with both Windows and POSIX paths), serveRenderer() hands it to Chromium.
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function registerSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file under `root` an app:// URL names, or null: another host, a malformed escape, a NUL, a
 * drive or absolute path, or any `..` that would leave the folder (encoded or not) is refused.
 */
export function rendererFile(root: string, url: string, p: path.PlatformPath = path): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'app:' || u.host !== 'plandesk') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // One leading slash; what follows must be relative ("//etc/passwd" or "/C:/..." names no renderer
  // file). No renderer file has a backslash or NUL in its name: on Windows a backslash is a separator.
  const rel = decoded.slice(1);
  if (!decoded.startsWith('/') || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0')) return null;
  if (p.isAbsolute(rel) || /^[a-z]:/i.test(rel)) return null;
  const base = p.resolve(root);
  const file = p.resolve(base, rel || 'index.html');
  return file.startsWith(base + p.sep) ? file : null;
}

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle('app', (request) => {
    const file = rendererFile(root, request.url);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('not found', { status: 404 });
  });
}
