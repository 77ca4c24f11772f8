// The layers, enforced: shared imports nothing of ours outside shared (and no Node or Electron);
// the engine never imports Electron or the renderer; the renderer imports only shared (no Node);
// only main and preload import 'electron'. See docs/architecture.md, "Layers".
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface Layer {
  dir: string;
  /** Folders (relative to the repo) this layer may import from, besides itself. */
  mayImport: string[];
  /** Bare module specifiers this layer must not import (prefix match). */
  forbidden: string[];
}

const NODE = ['node:', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http'];
const LAYERS: Layer[] = [
  { dir: 'shared', mayImport: [], forbidden: [...NODE, 'electron', 'better-sqlite3', 'react', 'exceljs', 'xlsx'] },
  { dir: 'electron/engine', mayImport: ['shared'], forbidden: ['electron', 'react'] },
  { dir: 'electron/cli', mayImport: ['shared', 'electron/engine'], forbidden: ['electron', 'react'] },
  { dir: 'electron/server', mayImport: ['shared', 'electron/engine'], forbidden: ['electron', 'react'] },
  { dir: 'electron/main', mayImport: ['shared', 'electron/engine'], forbidden: ['react'] },
  { dir: 'electron/preload', mayImport: ['shared'], forbidden: [...NODE, 'better-sqlite3', 'react'] },
  { dir: 'renderer', mayImport: ['shared'], forbidden: [...NODE, 'electron', 'better-sqlite3', 'exceljs'] },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'public') walk(p);
      } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    specs.push(m[1] ?? m[2] ?? m[3]);
  }
  return specs;
}

describe('layering', () => {
  for (const layer of LAYERS) {
    it(`${layer.dir} imports only what its layer may`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(layer.dir)) {
        for (const spec of imports(file)) {
          const rel = path.relative(ROOT, file);
          if (spec.startsWith('.')) {
            const target = path.relative(ROOT, path.resolve(path.dirname(file), spec));
            const allowed = [layer.dir, ...layer.mayImport].some((d) => target === d || target.startsWith(d + '/'));
            if (!allowed) problems.push(`${rel} → ${target}`);
          } else if (layer.forbidden.some((f) => spec === f || spec.startsWith(f.endsWith(':') ? f : f + '/'))) {
            problems.push(`${rel} → ${spec}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('catches a forbidden import (the check itself works)', () => {
    expect(imports(path.join(ROOT, 'electron/main/main.ts'))).toContain('electron');
  });
});
