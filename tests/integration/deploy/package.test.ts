import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { repoRoot } from '../../support/runtime';
import { productionSettings } from '../../support/productionSettings';

// The folder azd deploys, built the way `npm run package:app` builds it (production dependencies only,
// from the lock file), outside the repository so nothing can be found in the repository's node_modules.
// Loading `main` from it with production settings proves the deployed app needs nothing from local/
// or from a dev dependency, and that it starts, not only that it compiles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packageApp } = require(join(repoRoot, 'scripts', 'packageApp.js')) as { packageApp: (out: string) => string };

const TYPES_ONLY_MODULE = /"use strict";|Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);|\/\/# sourceMappingURL=\S+/g;

interface Lock {
  packages: Record<string, { dev?: boolean }>;
}

describe('the deployment package', () => {
  const parent = mkdtempSync(join(tmpdir(), 'aigov-package-'));
  const out = join(parent, 'api');
  beforeAll(() => packageApp(out));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const load = (env: Record<string, string>) =>
    execFileSync(process.execPath, [join(__dirname, 'loadMain.js')], {
      cwd: out,
      // Only what the platform gives the worker: PATH and the app settings, nothing from this shell.
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('holds the compiled app, host.json and production dependencies, and nothing for development', () => {
    expect(readdirSync(out).sort()).toEqual(['dist', 'host.json', 'node_modules', 'package-lock.json', 'package.json']);
    expect(readdirSync(join(out, 'dist')).sort()).not.toEqual(expect.arrayContaining(['local']));
    for (const devOnly of ['local', 'scripts', 'bench', 'tests', 'workbench']) expect(existsSync(join(out, 'dist', devOnly))).toBe(false);
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
    const devPackages = Object.entries(lock.packages).filter(([path, p]) => path.startsWith('node_modules/') && p.dev);
    expect(devPackages.length).toBeGreaterThan(100);
    const present = devPackages.filter(([path]) => existsSync(join(out, path)));
    expect(present.map(([path]) => path)).toEqual([]);
    expect(existsSync(join(out, 'node_modules', 'durable-functions'))).toBe(true);
  });

  it('loads main with production settings, registering the functions from files inside the package only', () => {
    const { loaded, registered } = JSON.parse(load(productionSettings())) as { loaded: string[]; registered: string[] };
    const outside = loaded.filter((file) => relative(out, file).startsWith('..'));
    expect(outside).toEqual([]);
    const fromLocal = loaded.filter((file) => relative(out, file).split(sep).includes('local'));
    expect(fromLocal).toEqual([]);
    // Every compiled file with code in it is one the app loads: nothing for development rides along
    // unnoticed. (Modules of types only compile to an empty module that nothing needs to load.)
    const shipped = readdirSync(join(out, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => join(out, 'dist', f));
    const hasCode = (file: string) => readFileSync(file, 'utf8').replace(TYPES_ONLY_MODULE, '').trim() !== '';
    expect(shipped.filter((file) => !loaded.includes(file) && hasCode(file))).toEqual([]);
    expect(registered).toEqual(expect.arrayContaining(['health', 'sharepointWebhook']));
    expect(registered.length).toBeGreaterThan(20);
  });

  // The managed identity's client id (every Entra credential), the signing keys from Key Vault, the site:
  // each missing one stops the app as it loads, naming the setting, instead of failing on first use.
  it('refuses to load when App Service authentication is off, naming WEBSITE_AUTH_ENABLED', () => {
    const settings = productionSettings();
    delete settings.WEBSITE_AUTH_ENABLED;
    expect(() => load(settings)).toThrow(/WEBSITE_AUTH_ENABLED is not "True": App Service authentication is off/);
  });

  it.each(['AZURE_CLIENT_ID', 'DECISION_SIGNING_KEYS', 'SHAREPOINT_SITE_URL'])('refuses to load without %s, naming it', (name) => {
    const settings = productionSettings();
    delete settings[name];
    expect(() => load(settings)).toThrow(new RegExp(`${name}`));
  });
});
