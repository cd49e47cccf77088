/**
 * `npm run provision -- --site <url> [--auth none|default|managed-identity|certificate]`
 *
 * Creates what is missing on the site (lists, columns, indexes, views) from the list definitions
 * in shared/sharepoint/lists; never deletes or changes data; prints each change; safe to repeat.
 *
 * Auth (SharePoint Online accepts app-only tokens from a certificate or a managed identity, not
 * from a client secret):
 *   none              the local emulator (default for localhost / 127.0.0.1)
 *   managed-identity  ManagedIdentityCredential (AZURE_CLIENT_ID for a user-assigned identity)
 *   certificate       ClientCertificateCredential from AZURE_TENANT_ID, AZURE_CLIENT_ID,
 *                     AZURE_CLIENT_CERTIFICATE_PATH (PEM with the private key)
 *   default           DefaultAzureCredential (any of the above, or az login) — default otherwise
 * Exit codes: 0 done (changed or not), 1 SharePoint refused or was unreachable, 2 bad arguments.
 */
import { ClientCertificateCredential, DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { provisionSite } from '../shared/sharepoint/provision';
import { createSp } from '../shared/sharepoint/spClient';

const USAGE = 'Usage: npm run provision -- --site https://contoso.sharepoint.com/sites/aigov [--auth none|default|managed-identity|certificate]';

const argsSchema = z.object({
  site: z.url({ protocol: /^https?$/, error: 'give the site URL, e.g. --site https://contoso.sharepoint.com/sites/aigov' }),
  auth: z.enum(['none', 'default', 'managed-identity', 'certificate']).optional(),
});

function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(site|auth)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unknown argument '${argv[i]}'.`);
    out[m[1]] = m[2] ?? argv[++i] ?? '';
  }
  return out;
}

function credentialFor(auth: string, siteUrl: string): TokenCredential | undefined {
  const local = ['localhost', '127.0.0.1'].includes(new URL(siteUrl).hostname);
  const mode = auth === '' ? (local ? 'none' : 'default') : auth;
  if (mode === 'none') return undefined;
  if (mode === 'managed-identity') return process.env.AZURE_CLIENT_ID ? new ManagedIdentityCredential({ clientId: process.env.AZURE_CLIENT_ID }) : new ManagedIdentityCredential();
  if (mode === 'certificate') {
    const { AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: client, AZURE_CLIENT_CERTIFICATE_PATH: cert } = process.env;
    if (!tenant || !client || !cert) throw new Error('--auth certificate needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH.');
    return new ClientCertificateCredential(tenant, client, { certificatePath: cert });
  }
  return new DefaultAzureCredential();
}

async function main(argv: readonly string[]): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    const raw = parseArgs(argv);
    const parsed = argsSchema.safeParse({ site: raw.site ?? process.env.SHAREPOINT_SITE_URL, auth: raw.auth });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    args = parsed.data;
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
