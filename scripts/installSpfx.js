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
const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stamp, hash);
