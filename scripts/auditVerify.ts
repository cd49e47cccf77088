/**
 * `npm run audit:verify -- [--site <url>] [--auth …]` (site defaults to SHAREPOINT_SITE_URL)
 *
 * Reads the AI Audit Log in sequence order and checks the hash chain. Prints how many entries
 * are intact, or the first broken entry and what that means.
 * Exit codes: 0 intact, 1 broken, 2 bad arguments, 3 SharePoint refused or was unreachable.
 */
import { createRepositories } from '../shared/sharepoint/repositories';
import { createSp } from '../shared/sharepoint/spClient';
import { GENESIS_HASH, verifyAuditChain, type ChainedAuditEntry } from '../shared/security/auditChain';
import { credentialFor, readSiteArgs } from './siteArgs';

const USAGE = 'Usage: npm run audit:verify -- --site https://contoso.sharepoint.com/sites/aigov [--auth none|default|managed-identity|certificate]';

async function main(argv: readonly string[]): Promise<number> {
  let sp;
  try {
    const args = readSiteArgs(argv);
    sp = createSp({ siteUrl: args.site, credential: credentialFor(args.auth ?? '', args.site) });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const log = createRepositories(sp).auditLog;
  let trusted = { sequence: 0, hash: GENESIS_HASH };
  let total = 0;
  try {
    // Page by page, each page continuing from the last verified entry, so memory stays flat.
    for await (const page of log.afterSequence(0, { pageSize: 1000 })) {
      const result = verifyAuditChain(page as ChainedAuditEntry[], trusted);
      if (!result.ok) {
        process.stdout.write(`Audit log broken at entry ${result.sequence}: ${result.explanation}\n${total + result.entries} entries before it are intact.\n`);
        return 1;
      }
      total += result.entries;
      trusted = { sequence: trusted.sequence + result.entries, hash: result.lastHash };
    }
  } catch (err) {
    process.stderr.write(`Could not read the audit log: ${(err as Error).message}\n`);
    return 3;
  }
  process.stdout.write(`Audit log intact: ${total} ${total === 1 ? 'entry' : 'entries'}, every link checked.\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(3);
  },
);
