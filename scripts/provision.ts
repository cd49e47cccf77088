/**
 * `npm run provision -- --site <url> [--auth none|default|managed-identity|certificate] [--staff <login>]… [--app-login <login>]`
 *
 * Creates what is missing on the site (lists, columns, indexes, views) from the list definitions
 * in shared/sharepoint/lists, and sets each list's permissions; never deletes or changes data;
 * prints each change; safe to repeat. `--staff` adds a login to the staff group (repeatable,
 * e.g. Everyone except external users: c:0-.f|rolemanager|spo-grid-all-users/<tenant id>);
 * `--app-login` names the app's identity (i:0i.t|ms.sp.ext|<client id>@<tenant id>) on every list.
 *
 * Auth: see scripts/siteArgs.ts (none for the local emulator, managed identity or certificate).
 * Exit codes: 0 done (changed or not), 1 SharePoint refused or was unreachable, 2 bad arguments.
 */
import type { TokenCredential } from '@azure/identity';
import { provisionSite } from '../shared/sharepoint/provision';
import type { PermissionOptions } from '../shared/sharepoint/provisionPermissions';
import { createSp } from '../shared/sharepoint/spClient';
import { credentialFor, readSiteArgs, runScript, type SiteArgs } from './siteArgs';

const USAGE = 'Usage: npm run provision -- --site https://contoso.sharepoint.com/sites/aigov [--auth none|default|managed-identity|certificate] [--staff <login>]… [--app-login <login>]';

/** Takes `--staff` and `--app-login` out of the arguments; the rest are the site arguments. */
function permissionArgs(argv: readonly string[]): { rest: string[]; options: PermissionOptions } {
  const rest: string[] = [];
  const staffMembers: string[] = [];
  let appLogin: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(staff|app-login)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      rest.push(argv[i]);
      continue;
    }
    const value = (m[2] ?? argv[++i] ?? '').trim();
    if (!value) throw new Error(`--${m[1]} needs a SharePoint login name.`);
    if (m[1] === 'staff') staffMembers.push(value);
    else appLogin = value;
  }
  return { rest, options: { staffMembers, appLogin } };
}

async function main(argv: readonly string[]): Promise<number> {
  let args: SiteArgs;
  let permissions: PermissionOptions;
  try {
    const split = permissionArgs(argv);
    permissions = split.options;
    args = readSiteArgs(split.rest);
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
    const report = await provisionSite(createSp({ siteUrl: args.site, credential }), undefined, (line) => process.stdout.write(`  ${line}\n`), permissions);
    process.stdout.write(report.actions.length === 0 ? 'Nothing to do: the site already matches the list definitions.\n' : `Done: ${report.actions.length} change(s).\n`);
    if (report.warnings.length > 0) process.stdout.write(`${report.warnings.length} warning(s) above need a person to decide; provisioning never changes existing columns or removes anyone's permissions.\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`Provisioning stopped: ${(err as Error).message}\nWhat was created before this point stays; run again once the cause is fixed.\n`);
    return 1;
  }
}

runScript(main, 1);
