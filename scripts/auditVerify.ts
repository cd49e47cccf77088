/**
 * `npm run audit:verify -- [--site <url>] [--auth …]` (site defaults to SHAREPOINT_SITE_URL)
 *
 * Reads the AI Audit Log in sequence order, checks the hash chain and compares its end with the
 * anchored head (AI Audit Anchor list). Prints how many entries are intact, or the first broken
 * entry and what that means.
 * Exit codes: 0 intact, 1 broken, 2 bad arguments, 3 SharePoint refused or was unreachable.
 */
import { verifyAuditLog, type AuditLogVerdict } from '../shared/audit/verifyAuditLog';
import { createRepositories } from '../shared/sharepoint/repositories';
import { createSp } from '../shared/sharepoint/spClient';
import { credentialFor, readSiteArgs, runScript } from './siteArgs';

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
  let verdict: AuditLogVerdict;
  try {
    verdict = await verifyAuditLog(createRepositories(sp).auditLog);
  } catch (err) {
    process.stderr.write(`Could not read the audit log: ${(err as Error).message}\n`);
    return 3;
  }
  if (!verdict.ok) {
    process.stdout.write(`Audit log broken at entry ${verdict.sequence}: ${verdict.explanation}\n${verdict.intactBefore} entries before it are intact.\n`);
    return 1;
  }
  const { entries, reserved, duplicates } = verdict;
  process.stdout.write(`Audit log intact: ${entries} ${entries === 1 ? 'entry' : 'entries'}, every link checked.\n`);
  if (reserved > 0) process.stdout.write(`${reserved} reserved ${reserved === 1 ? 'entry is' : 'entries are'} held by the anchor and not yet in the log (a writer stopped or is writing); the next append writes them.\n`);
  if (duplicates > 0) process.stdout.write(`${duplicates} identical ${duplicates === 1 ? 'copy' : 'copies'} of entries (two instances completed one append); counted once.\n`);
  return 0;
}

runScript(main, 3);
