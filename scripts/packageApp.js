// `npm run package:app [-- --out <dir>]`: the folder azd deploys (azure.yaml `dist`), by default .deploy/api.
// It holds what the Functions host loads and nothing else: host.json, package.json, the app compiled
// afresh from its own folders (tsconfig.app.json: app, functions, orchestrations, shared; not dist/,
// which keeps files of moved modules and the local runtime) and node_modules with the production
// dependencies only, installed from the lock file.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function packageApp(out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.cpSync(path.join(root, 'host.json'), path.join(out, 'host.json'));
  fs.cpSync(path.join(root, 'package-lock.json'), path.join(out, 'package-lock.json'));
  // Without scripts: the deployed app has no postinstall (it would install the SharePoint solution).
  const { scripts: _scripts, ...pkg } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.app.json'), '--outDir', path.join(out, 'dist')], { cwd: root, stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error(`tsc -p tsconfig.app.json failed (exit ${compiled.status}).`);
  const ci = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: out,
    stdio: 'inherit',
  });
  if (ci.status !== 0) throw new Error(`npm ci --omit=dev failed in ${out} (exit ${ci.status}).`);
  return out;
}

module.exports = { packageApp };

if (require.main === module) {
  const at = process.argv.indexOf('--out');
  const out = path.resolve(at > 0 ? process.argv[at + 1] : path.join(root, '.deploy', 'api'));
  packageApp(out);
  console.log(`Deployment package: ${path.relative(process.cwd(), out) || out}`);
}
