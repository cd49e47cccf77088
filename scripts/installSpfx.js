// postinstall: the SharePoint Framework solution is its own npm package (React 17, TypeScript
// 5.8 and Heft pinned by SPFx, Node 22 from its own node@22 devDependency), so the root install
// installs it too. Skipped when its lock file has not changed since the last install.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'sharepoint-spfx');
const lock = path.join(dir, 'package-lock.json');
if (!fs.existsSync(lock) || process.env.SKIP_SPFX_INSTALL === '1') process.exit(0);

const stamp = path.join(dir, 'node_modules', '.installed-lock-hash');
const hash = createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) process.exit(0);

console.log('Installing the SharePoint Framework solution (sharepoint-spfx/, about 1.5 minutes)…');
// npm checks each package's `engines` against the Node running npm, and the solution's packages want
// the Node 22 it builds with (its `node` devDependency). On an older Node, npm ci runs on that same
// Node 22 (npm exec puts it first on PATH), so the check is made against the Node the solution runs on.
const node22 = JSON.parse(fs.readFileSync(lock, 'utf8')).packages?.['node_modules/node']?.version;
const onOlderNode = Number(process.versions.node.split('.')[0]) < 22 && node22;
const npmCi = ['ci', '--no-audit', '--no-fund'];
const result = onOlderNode
  ? spawnSync('npm', ['exec', '--yes', `--package=node@${node22}`, '--', 'npm', ...npmCi], { cwd: dir, stdio: 'inherit' })
  : spawnSync('npm', npmCi, { cwd: dir, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stamp, hash);
