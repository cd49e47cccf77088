/**
 * `npm run provision -- --site <url> [--auth none|default|managed-identity|certificate]`
 *
 * Creates what is missing on the site (lists, columns, indexes, views) from the list definitions
 * in shared/sharepoint/lists; never deletes or changes data; prints each change; safe to repeat.
 *
 * Auth: see scripts/siteArgs.ts (none for the local emulator, managed identity or certificate).
 * Exit codes: 0 done (changed or not), 1 SharePoint refused or was unreachable, 2 bad arguments.
 */
import type { TokenCredential } from '@azure/identity';
import { provisionSite } from '../shared/sharepoint/provision';
import { createSp } from '../shared/sharepoint/spClient';
import { credentialFor, readSiteArgs, type SiteArgs } from './siteArgs';

const USAGE = 'Usage: npm run provision -- --site https://contoso.sharepoint.com/sites/aigov [--auth none|default|managed-identity|certificate]';

async function main(argv: readonly string[]): Promise<number> {
  let args: SiteArgs;
  try {
    args = readSiteArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let credential: TokenCredential | undefined;
  try {
    credential = credentialFor(args.auth ?? '', args.site);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`Provisioning ${args.site}${credential ? '' : ' (no authentication)'}\n`);
  try {
    const report = await provisionSite(createSp({ siteUrl: args.site, credential }), undefined, (line) => process.stdout.write(`  ${line}\n`));
    process.stdout.write(report.actions.length === 0 ? 'Nothing to do: the site already matches the list definitions.\n' : `Done: ${report.actions.length} change(s).\n`);
    if (report.warnings.length > 0) process.stdout.write(`${report.warnings.length} warning(s) above need a person to decide; provisioning never changes existing columns.\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`Provisioning stopped: ${(err as Error).message}\nWhat was created before this point stays; run again once the cause is fixed.\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
