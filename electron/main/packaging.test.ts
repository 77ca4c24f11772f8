// electron-builder.yml as electron-builder itself reads it: packaging cannot run on these build
// machines (no Electron binary), so the packaged app's Electron fuses are checked here, through
// electron-builder's own loader and its schema (a misspelt fuse or option fails, as it would fail
// `npm run dist`), and against the values PlanDesk needs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithData } from '../../test/support/need-data';

const ROOT = path.resolve(__dirname, '../..');
// The app-builder-lib that electron-builder itself uses (it carries the loader and scheme.json).
const fromBuilder = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('electron-builder/package.json'));
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const { getConfig, validateConfiguration } = fromLib('./out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const scheme = fromLib('./scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };

/** The fuses PlanDesk ships with, by electron-builder's names (FuseOptionsV1). */
const FUSES = {
  runAsNode: false, // ELECTRON_RUN_AS_NODE ignored: the binary is not a Node for anyone who runs it
  enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored
  enableNodeCliInspectArguments: false, // --inspect, --inspect-brk and SIGUSR1 open no debugger
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

const loadConfig = () => getConfig(ROOT, null, null);
const validate = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

// electron-builder's schema validator compiles its 9.000-line schema first: seconds on a busy machine.
describe('electron-builder.yml', { timeout: 120_000 }, () => {
  it('is a valid electron-builder configuration (its own schema)', async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('flips the fuses that keep the packaged app from being run as Node, debugged or loaded from outside app.asar', async () => {
    const config = await loadConfig();
    // Every name is one electron-builder knows (a typo here would be passed over by nobody).
    for (const name of Object.keys(FUSES)) expect(Object.keys(scheme.definitions.FuseOptionsV1.properties)).toContain(name);
    expect(config.electronFuses).toEqual(FUSES);
  });

  it('packs the app into app.asar (what the ASAR fuses protect)', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
  });

  it('refuses a misspelt fuse (the schema check itself works)', async () => {
    const config = await loadConfig();
    await expect(validate({ ...config, electronFuses: { ...FUSES, runAsNod: false } })).rejects.toThrow(/electronFuses/);
  });
});

// ---- every file the app loads at run time is in the package ------------------------------------

const DIST = path.join(ROOT, 'dist');
const BUILT = { what: 'the built app (dist/electron/main.cjs)', path: path.join(DIST, 'electron/main.cjs'), howToGet: 'run `npm run build`' };
const { FileMatcher, excludedExts, excludedNames } = fromLib('./out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => {
    createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean;
  };
  excludedExts: string;
  excludedNames: string;
};

/** electron-builder's own matcher over `patterns` (relative to the project), with the excludes it always adds to `files`. */
function matcher(patterns: string[], defaults: boolean): (rel: string) => boolean {
  const all = defaults ? [...patterns, `!**/*.{${excludedExts},pdb}`, `!**/{${excludedNames}}`] : patterns;
  const filter = new FileMatcher(ROOT, '/app', (s) => s, all).createFilter();
  return (rel) => filter(path.join(ROOT, rel), { isDirectory: () => false });
}

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/**
 * What dist/electron/main.cjs loads at run time: the bundles it names beside itself (the preload,
 * the import and transfer workers), its entry, and the renderer folder it serves over app:// (the
 * page, its scripts and styles, the Tinos fonts of the print view). The built-in sample is code in
 * the bundle (shared/samples), written to the user's folder at first start: no file to pack.
 */
function runtimeFiles(): string[] {
  const main = fs.readFileSync(path.join(DIST, 'electron/main.cjs'), 'utf8');
  const named = [...new Set([...main.matchAll(/["']([\w-]+\.cjs)["']/g)].map((m) => m[1]))];
  return [path.join(DIST, 'electron/main.cjs'), ...named.map((n) => path.join(DIST, 'electron', n)), ...walk(path.join(DIST, 'renderer'))].map(rel);
}

/** The packages the bundles require (not Node's, not Electron): electron-builder packs only `dependencies`. */
function requiredPackages(): string[] {
  const names = new Set<string>();
  for (const f of runtimeFiles().filter((x) => x.endsWith('.cjs') && x !== 'dist/electron/preload.cjs')) {
    for (const m of fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || spec === 'electron') continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return [...names].sort();
}

const productionDependencies = () =>
  Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);

type FileSet = string | { from?: string; filter?: string | string[] };

/** `files` as the loader gives it (strings, or {filter} sets from the project's root) as one pattern list. */
function patterns(files: FileSet[]): string[] {
  return files.flatMap((e) => {
    if (typeof e === 'string') return [e];
    // A set copied from elsewhere ({from: ...}) is not PlanDesk's way: say so rather than misjudge it.
    if (e.from && e.from !== '.') throw new Error(`files: a set from ${e.from} — extend this check`);
    return typeof e.filter === 'string' ? [e.filter] : (e.filter ?? ['**/*']);
  });
}

/** What the package would miss: files not matched by `files`, native modules not unpacked, packages not shipped. */
function missing(config: Record<string, unknown>, deps: string[] = productionDependencies()): string[] {
  const out: string[] = [];
  const inFiles = matcher(patterns(config.files as FileSet[]), true);
  for (const f of runtimeFiles()) if (!fs.existsSync(path.join(ROOT, f)) || !inFiles(f)) out.push(`files: ${f}`);
  const unpacked = matcher(patterns((config.asarUnpack as FileSet[] | undefined) ?? []), false);
  for (const f of walk(path.join(ROOT, 'node_modules/better-sqlite3')).filter((x) => x.endsWith('.node')).map(rel)) {
    if (!unpacked(f)) out.push(`asarUnpack: ${f}`);
  }
  for (const p of requiredPackages()) if (!deps.includes(p)) out.push(`dependencies: ${p}`);
  return out;
}

describeWithData(BUILT, 'the package holds every piece the app loads', () => {
  it('finds the pieces: the preload, both workers, the page and the print fonts', () => {
    const files = runtimeFiles();
    for (const f of ['dist/electron/preload.cjs', 'dist/electron/import-worker.cjs', 'dist/electron/transfer-worker.cjs', 'dist/renderer/index.html']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /tinos-vietnamese-.*\.woff2$/.test(f)).length).toBeGreaterThanOrEqual(4);
    expect(requiredPackages()).toContain('better-sqlite3');
  });

  it("matches each of them with electron-builder.yml's files, unpacks the native module, ships the packages required", async () => {
    const config = await loadConfig();
    expect(missing(config)).toEqual([]);
    expect((config.extraMetadata as { main: string }).main).toBe('dist/electron/main.cjs');
  });

  it('declares the .plandesk file association (a double-click opens PlanDesk)', async () => {
    const config = await loadConfig();
    expect(config.fileAssociations).toEqual(expect.arrayContaining([expect.objectContaining({ ext: 'plandesk', role: 'Editor' })]));
  });

  it('would catch a package without the renderer, with the native module inside app.asar, or a dev-only package', async () => {
    const config = await loadConfig();
    const noRenderer = missing({ ...config, files: [...(config.files as FileSet[]), '!dist/renderer/**'] });
    expect(noRenderer).toContain('files: dist/renderer/index.html');
    expect(noRenderer.some((f) => /files: dist\/renderer\/assets\/tinos-vietnamese-.*\.woff2/.test(f))).toBe(true);
    expect(missing({ ...config, files: ['dist/electron/main.cjs', 'package.json'] })).toContain('files: dist/electron/preload.cjs');
    expect(missing({ ...config, asarUnpack: [] })).toContain('asarUnpack: node_modules/better-sqlite3/prebuilds/win32-x64.node');
    expect(missing(config, productionDependencies().filter((d) => d !== 'pdf-lib'))).toEqual(['dependencies: pdf-lib']);
  });
});
