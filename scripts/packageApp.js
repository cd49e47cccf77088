// `npm run package:app [-- --out <dir>]`: the folder azd deploys (azure.yaml `dist`), by default .deploy/api.
// It holds what the Functions host loads and nothing else: host.json, package.json, the compiled app
// (dist/ without the local runtime, scripts, benchmarks and tests) and node_modules with the production
// dependencies only, installed from the lock file. Run `npm run build` first (azd does).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
// Compiled folders that exist for development only; everything else under dist/ is the app.
const DEV_ONLY = ['local', 'scripts', 'bench', 'tests'];

function packageApp(out) {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(dist)) throw new Error('dist/ does not exist: run "npm run build" first.');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.cpSync(path.join(root, 'host.json'), path.join(out, 'host.json'));
  fs.cpSync(path.join(root, 'package-lock.json'), path.join(out, 'package-lock.json'));
  // Without scripts: the deployed app has no postinstall (it would install the SharePoint solution).
  const { scripts: _scripts, ...pkg } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
    if (entry.isDirectory() && DEV_ONLY.includes(entry.name)) continue;
    fs.cpSync(path.join(dist, entry.name), path.join(out, 'dist', entry.name), { recursive: true });
  }
  const ci = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: out,
    stdio: 'inherit',
  });
  if (ci.status !== 0) throw new Error(`npm ci --omit=dev failed in ${out} (exit ${ci.status}).`);
  return out;
}

module.exports = { packageApp, DEV_ONLY };

if (require.main === module) {
  const at = process.argv.indexOf('--out');
  const out = path.resolve(at > 0 ? process.argv[at + 1] : path.join(root, '.deploy', 'api'));
  packageApp(out);
  console.log(`Deployment package: ${path.relative(process.cwd(), out) || out}`);
}
