// Reports what `npm run build` produced: the .sppkg and the web part's JavaScript, raw and gzip
// (zlib default level, the same as `gzip -c file | wc -c`). React, ReactDOM and the @microsoft/sp-*
// libraries are provided by SharePoint and are not in the bundle; Fluent UI components are.
// Writes release/size-report.json too, for CI to pick up. Goal (issue 8): at most 150 KB gzip.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GOAL_BYTES = 150 * 1024;
const root = path.join(__dirname, '..');
const sppkg = path.join(root, 'sharepoint', 'solution', 'ai-governance.sppkg');
const assets = path.join(root, 'release', 'assets');

if (!fs.existsSync(sppkg) || !fs.existsSync(assets)) {
  console.error('No package yet: run `npm run build` (heft test --production, then heft package-solution --production) first.');
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB (${n} bytes)`;
const bundles = fs
  .readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const bytes = fs.readFileSync(path.join(assets, f));
    return { file: f, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes).length };
  });
const webPart = bundles.filter((b) => b.file.startsWith('ai-governance-web-part'));
const webPartGzip = webPart.reduce((n, b) => n + b.gzipBytes, 0);
const report = {
  sppkg: { file: path.relative(root, sppkg), bytes: fs.statSync(sppkg).size },
  bundles,
  webPartGzipBytes: webPartGzip,
  goalGzipBytes: GOAL_BYTES,
  withinGoal: webPartGzip <= GOAL_BYTES,
};
fs.writeFileSync(path.join(root, 'release', 'size-report.json'), `${JSON.stringify(report, null, 2)}\n`);

console.log(`Package: ${report.sppkg.file} ${kb(report.sppkg.bytes)}`);
for (const b of bundles) console.log(`  ${b.file}: ${kb(b.bytes)} raw, ${kb(b.gzipBytes)} gzip`);
console.log(`Web part JavaScript (gzip): ${kb(webPartGzip)}; goal at most ${kb(GOAL_BYTES)}: ${report.withinGoal ? 'within the goal' : 'OVER THE GOAL'}`);
