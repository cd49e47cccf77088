// Import cycles in the app, the local runtime, the scripts and the benchmarks, type-only imports
// included (a cycle of types is still two modules that cannot be understood apart). `npm test`
// runs it through tests/unit/architecture/importCycles.test.ts; run it alone with
// `node scripts/importCycles.js`. Exit 1 and one line per cycle when there is any.
const path = require('node:path');
const madge = require('madge');

const ROOT = path.join(__dirname, '..');
const SOURCES = ['app', 'functions', 'orchestrations', 'shared', 'local', 'scripts', 'bench'];

/** Every cycle among the TypeScript files under `folders` (relative to `root`), each as a list of files. */
async function importCycles(folders = SOURCES, root = ROOT) {
  const graph = await madge(
    folders.map((f) => path.join(root, f)),
    { baseDir: root, fileExtensions: ['ts'], tsConfig: path.join(ROOT, 'tsconfig.json'), detectiveOptions: { ts: { skipTypeImports: false } } },
  );
  return graph.circular();
}

module.exports = { importCycles, SOURCES };

if (require.main === module) {
  importCycles().then((cycles) => {
    for (const cycle of cycles) console.log(`cycle: ${cycle.join(' → ')} → ${cycle[0]}`);
    console.log(`import cycles: ${cycles.length}`);
    process.exit(cycles.length === 0 ? 0 : 1);
  });
}
