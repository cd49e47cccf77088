import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

export interface AppFolder {
  dir: string;
  /** Files the app's package.json `main` names (a path or a glob), resolved. */
  entryFiles: string[];
  /** `extensions.http.routePrefix` from host.json; `api` when absent. */
  routePrefix: string;
  /** `Values` of local.settings.json, applied to process.env like Core Tools does. */
  localSettings: Record<string, string>;
}

/** Reads a Functions app folder the way the Azure worker finds the entry point. */
export function readAppFolder(appDir: string): AppFolder {
  const dir = resolve(appDir);
  const pkgPath = join(dir, 'package.json');
  if (!existsSync(pkgPath)) throw new Error(`${dir} is not a Functions app folder: it has no package.json.`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { main?: string };
  if (!pkg.main) throw new Error(`${pkgPath} has no "main": name the compiled file (or glob) that registers the functions.`);
  const entryFiles = /[*?{[]/.test(pkg.main)
    ? globSync(pkg.main, { cwd: dir, absolute: true }).sort()
    : [isAbsolute(pkg.main) ? pkg.main : join(dir, pkg.main)];
  for (const file of entryFiles) {
    if (!existsSync(file)) throw new Error(`The app's main file ${file} does not exist. Run "npm run build" first.`);
  }
  if (entryFiles.length === 0) throw new Error(`The app's main glob "${pkg.main}" matched no files. Run "npm run build" first.`);

  let routePrefix = 'api';
  const hostPath = join(dir, 'host.json');
  if (existsSync(hostPath)) {
    const host = JSON.parse(readFileSync(hostPath, 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
    routePrefix = host.extensions?.http?.routePrefix ?? 'api';
  }
  const settingsPath = join(dir, 'local.settings.json');
  const localSettings = existsSync(settingsPath)
    ? ((JSON.parse(readFileSync(settingsPath, 'utf8')) as { Values?: Record<string, string> }).Values ?? {})
    : {};
  return { dir, entryFiles, routePrefix, localSettings };
}

export function loadEntryFiles(app: AppFolder): void {
  for (const file of app.entryFiles) {
    // The worker loads main with require, so module-level registrations run in file order.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  }
}
