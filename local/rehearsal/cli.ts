#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localCertificate } from './certificate';
import { JOURNEYS } from './journeys';
import { startRehearsal, type Rehearsal } from './rehearsal';

/**
 * `npm run rehearse`: the deployed configuration end to end on this machine (docs/deployment.md).
 * The process trusts the rehearsal's own certificate through NODE_EXTRA_CA_CERTS, which Node reads
 * only at start, so the first run makes the certificate and runs the rehearsal in a child process.
 * `--without NAME` leaves one app setting out, to see the start-up check name it.
 */
const TLS_DIR = 'AIGOV_REHEARSAL_TLS_DIR';

function relaunchTrustingCertificate(): never {
  const dir = mkdtempSync(join(tmpdir(), 'aigov-rehearsal-tls-'));
  const { key, cert } = localCertificate();
  writeFileSync(join(dir, 'key.pem'), key, { mode: 0o600 });
  writeFileSync(join(dir, 'cert.pem'), cert);
  const child = spawnSync(process.execPath, [__filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'), [TLS_DIR]: dir },
  });
  rmSync(dir, { recursive: true, force: true });
  process.exit(child.status ?? 1);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { without: { type: 'string', multiple: true }, verbose: { type: 'boolean', default: false } }, strict: true });
  const dir = process.env[TLS_DIR];
  if (!dir) relaunchTrustingCertificate();
  const tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-rehearsal-'));
  const log = values.verbose ? (m: string) => console.log(`  ${m}`) : () => undefined;
  let rehearsal: Rehearsal;
  try {
    rehearsal = await startRehearsal({ repoRoot: resolve(__dirname, '..', '..', '..'), dataDir, tls, virtualStart: Date.parse('2026-10-07T09:00:00Z'), without: values.without, log });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    console.error(err instanceof Error ? err.message : err);
    console.log('rehearsal: the app did not start (0 passed, 0 failed)');
    return 1;
  }
  console.log(`Production rehearsal: the app with the Bicep's ${Object.keys(rehearsal.settings).length} app settings, behind App Service authentication at ${rehearsal.appOrigin}`);
  console.log(`  pointed at the stand-ins (fixed in the Bicep to the real service): ${rehearsal.pointedAtStandIns.join(', ')}`);
  let passed = 0;
  let failed = 0;
  for (const journey of JOURNEYS) {
    try {
      console.log(`  ok    ${journey.name}: ${await journey.run(rehearsal)}`);
      passed++;
    } catch (err) {
      console.log(`  FAIL  ${journey.name}: ${err instanceof Error ? err.message : String(err)}`);
      failed++;
    }
  }
  await rehearsal.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`rehearsal: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
