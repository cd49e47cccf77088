// Builds the Teams app package: manifest.json (placeholders filled) + color.png + outline.png,
// zipped at the root as Teams requires. No dependencies: the icons and the zip are written here.
//   TEAMS_MANIFEST_ID=<guid> ENTRA_APP_CLIENT_ID=<guid> APP_HOST=aigov.example.nhs.uk \
//   ORGANISATION_NAME="Example NHS Foundation Trust" node teams/package.mjs
// Writes teams/build/ai-governance-teams-app.zip. `node teams/package.mjs --icons` only rewrites
// teams/color.png and teams/outline.png.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An RGBA PNG from a function (x, y) → [r, g, b, a]. */
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function distance(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
/** A tick mark (the "approved" sign) in unit coordinates. */
const onTick = (u, v, width) => distance(u, v, 0.22, 0.52, 0.42, 0.72) < width || distance(u, v, 0.42, 0.72, 0.8, 0.3) < width;

// Colour icon: 192×192, NHS blue background, white tick. Outline icon: 32×32, white tick on transparent.
const colorIcon = png(192, (x, y) => (onTick(x / 192, y / 192, 0.06) ? [255, 255, 255, 255] : [0x00, 0x5e, 0xb8, 255]));
const outlineIcon = png(32, (x, y) => (onTick((x + 0.5) / 32, (y + 0.5) / 32, 0.07) ? [255, 255, 255, 255] : [0, 0, 0, 0]));

/** A zip with stored (uncompressed) entries: all Teams needs, and no dependency. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

writeFileSync(join(here, 'color.png'), colorIcon);
writeFileSync(join(here, 'outline.png'), outlineIcon);
if (process.argv.includes('--icons')) process.exit(0);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const values = {
  TEAMS_MANIFEST_ID: { value: process.env.TEAMS_MANIFEST_ID, check: (v) => GUID.test(v), expected: 'a new GUID for this app (keep it for every later version)' },
  ENTRA_APP_CLIENT_ID: { value: process.env.ENTRA_APP_CLIENT_ID, check: (v) => GUID.test(v), expected: "the client id of the Entra app (or managed identity) that calls Microsoft Graph, a GUID" },
  APP_HOST: { value: process.env.APP_HOST, check: (v) => /^[a-z0-9.-]+$/i.test(v), expected: 'the host name of the decision pages, e.g. aigov.example.nhs.uk' },
  ORGANISATION_NAME: { value: process.env.ORGANISATION_NAME, check: (v) => v.trim().length > 0 && v.length <= 32, expected: "your organisation's name, up to 32 characters" },
};
const problems = Object.entries(values)
  .filter(([, s]) => !s.value || !s.check(s.value))
  .map(([name, s]) => `- ${name}: ${s.expected}`);
if (problems.length) {
  console.error(`Cannot build the Teams app package. Set:\n${problems.join('\n')}`);
  process.exit(1);
}
// Values go into JSON strings, so they are JSON-escaped.
const manifest = readFileSync(join(here, 'manifest.json'), 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_, name) => JSON.stringify(values[name].value).slice(1, -1));
JSON.parse(manifest);
mkdirSync(join(here, 'build'), { recursive: true });
const out = join(here, 'build', 'ai-governance-teams-app.zip');
writeFileSync(out, zip([
  { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
  { name: 'color.png', data: colorIcon },
  { name: 'outline.png', data: outlineIcon },
]));
console.log(`Wrote ${out}`);
