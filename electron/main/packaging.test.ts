// electron-builder.yml as electron-builder itself reads it: packaging cannot run on these build
// machines (no Electron binary), so the packaged app's Electron fuses are checked here, through
// electron-builder's own loader and its schema (a misspelt fuse or option fails, as it would fail
// `npm run dist`), and against the values PlanDesk needs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
