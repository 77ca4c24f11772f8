// No module of ours imports itself back through others (types included): a cycle makes module
// order matter and hides which layer owns a type. The shared shapes that every command names live
// in shared/protocol.ts for that reason (issue 11). Relative imports only; tests are left out.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DIRS = ['shared', 'electron', 'renderer/src'];

function sources(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(path.relative(ROOT, p));
    }
  };
  for (const d of DIRS) walk(path.join(ROOT, d));
  return out;
}

/** Module → the modules of ours it imports (`import`/`export … from`, type-only included). */
function graph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const g = new Map<string, string[]>();
  for (const f of files) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
      const base = path.normalize(path.join(path.dirname(f), m[1]));
      const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => known.has(c));
      if (hit) deps.push(hit);
    }
    g.set(f, deps);
  }
  return g;
}

/** Strongly connected components of more than one module (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        comp.push(w);
        if (w === v) break;
      }
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('imports', () => {
  it('form no cycle among our modules', () => {
    expect(cycles(graph(sources()))).toEqual([]);
  });

  it('the check sees a cycle when there is one', () => {
    const g = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
