import { ClientCertificateCredential, DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';

/**
 * `--site <url> [--auth none|default|managed-identity|certificate]`, shared by the scripts that
 * talk to a SharePoint site (provision, audit:verify).
 *
 * Auth (SharePoint Online accepts app-only tokens from a certificate or a managed identity, not
 * from a client secret):
 *   none              the local emulator (default for localhost / 127.0.0.1)
 *   managed-identity  ManagedIdentityCredential (AZURE_CLIENT_ID for a user-assigned identity)
 *   certificate       ClientCertificateCredential from AZURE_TENANT_ID, AZURE_CLIENT_ID,
 *                     AZURE_CLIENT_CERTIFICATE_PATH (PEM with the private key)
 *   default           DefaultAzureCredential (any of the above, or az login) — default otherwise
 */
export const siteArgsSchema = z.object({
  site: z.url({ protocol: /^https?$/, error: 'give the site URL, e.g. --site https://contoso.sharepoint.com/sites/aigov' }),
  auth: z.enum(['none', 'default', 'managed-identity', 'certificate']).optional(),
});
export type SiteArgs = z.infer<typeof siteArgsSchema>;

function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(site|auth)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unknown argument '${argv[i]}'.`);
    out[m[1]] = m[2] ?? argv[++i] ?? '';
  }
  return out;
}

/** Parses the arguments (the site defaults to SHAREPOINT_SITE_URL); throws a message naming the argument. */
export function readSiteArgs(argv: readonly string[]): SiteArgs {
  const raw = parseArgs(argv);
  const parsed = siteArgsSchema.safeParse({ site: raw.site ?? process.env.SHAREPOINT_SITE_URL, auth: raw.auth });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export function credentialFor(auth: string, siteUrl: string): TokenCredential | undefined {
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

/**
 * Runs a script's main with the command line's arguments and exits with the code it returns; an
 * unexpected failure is printed and exits with `failureCode`.
 */
export function runScript(main: (argv: readonly string[]) => Promise<number>, failureCode: number): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(failureCode);
    },
  );
}
