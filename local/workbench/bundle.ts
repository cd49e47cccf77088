#!/usr/bin/env node
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WORKBENCH_BUNDLE_DIR } from './index';

/**
 * Part of `npm run build`: bundles the web part's components for the browser, from the SharePoint
 * Framework solution's sources with its own React 17 and Fluent UI (sharepoint-spfx/node_modules),
 * through its standalone entry, which uses the HTTP data service only (the @microsoft/sp-*
 * libraries run only inside SharePoint). Takes well under a second, so `npm start` stays quick.
 */
export async function bundleWorkbench(repoRoot: string, outDir = WORKBENCH_BUNDLE_DIR): Promise<{ built: boolean; reason?: string }> {
  const spfx = join(repoRoot, 'sharepoint-spfx');
  if (!existsSync(join(spfx, 'node_modules', 'react', 'package.json'))) {
    return { built: false, reason: 'sharepoint-spfx/node_modules is missing (npm run spfx:install installs it)' };
  }
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(spfx, 'src', 'standalone', 'workbench.ts')],
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'iife',
    target: 'es2019',
    outfile: join(outDir, 'workbench.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    // Resolve packages from the SharePoint Framework solution only, so the React it tests with is the one bundled.
    nodePaths: [join(spfx, 'node_modules')],
    absWorkingDir: spfx,
  });
  return { built: true };
}

if (require.main === module) {
  const started = Date.now();
  bundleWorkbench(resolve(__dirname, '..', '..', '..'))
    .then((r) => {
      if (r.built) console.log(`Workbench bundle built in ${Date.now() - started} ms.`);
      else console.log(`Workbench bundle not built: ${r.reason}. /workbench will say so.`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
