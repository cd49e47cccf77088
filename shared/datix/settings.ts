import { z } from 'zod';
import { absoluteUrl, emailAddress, guid, oneOf, text } from '../config/formats';
import { DATIX_ADAPTERS } from '../config/settingsCatalog';
import { datixHttpSignInProblems } from './httpSignIn';

/**
 * Datix gateway settings, read from app settings (process.env in Functions). Names are the
 * app-setting names, so every error names exactly what to fix. The http adapter signs in with
 * either DATIX_API_KEY or the four DATIX_OAUTH_* settings (Entra client credentials), never both.
 */
export { DATIX_ADAPTERS };
export type DatixAdapterName = (typeof DATIX_ADAPTERS)[number];

const rawSchema = z.object({
  DATIX_ADAPTER: oneOf(DATIX_ADAPTERS).default('manual'),
  DATIX_CAPTURE_FORM_URL: absoluteUrl().optional(),
  DATIX_HTTP_URL: absoluteUrl().optional(),
  DATIX_API_KEY: text().optional(),
  DATIX_OAUTH_TENANT_ID: guid().optional(),
  DATIX_OAUTH_CLIENT_ID: guid().optional(),
  DATIX_OAUTH_CLIENT_SECRET: text().optional(),
  DATIX_OAUTH_SCOPE: z
    .string()
    .regex(/^\S+\/\.default$/, { error: 'expected the endpoint\'s application ID URI followed by /.default, e.g. api://datix-gateway/.default' })
    .optional(),
  DATIX_INTAKE_MAILBOX: emailAddress().optional(),
});
type Raw = z.output<typeof rawSchema>;

export type DatixHttpAuth =
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'oauth'; tenantId: string; clientId: string; clientSecret: string; scope: string };

export type DatixSettings =
  | { adapter: 'manual'; captureFormUrl: string }
  | { adapter: 'email'; captureFormUrl: string; intakeMailbox: string }
  | { adapter: 'http'; url: string; auth: DatixHttpAuth; captureFormUrl?: string };

export class DatixSettingsError extends Error {
  constructor(readonly problems: readonly { setting: string; message: string }[]) {
    super(`Datix settings are not valid:\n${problems.map((p) => `- ${p.setting}: ${p.message}`).join('\n')}`);
    this.name = 'DatixSettingsError';
  }
}

/** Reads and checks the Datix settings; throws one DatixSettingsError naming every bad setting. */
export function parseDatixSettings(env: Readonly<Record<string, string | undefined>>): DatixSettings {
  // Azure keeps app settings that exist but are empty: empty means "not set".
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, v]) => name.startsWith('DATIX_') && v !== undefined && v.trim() !== ''),
  );
  const result = rawSchema.superRefine(checkCombination).safeParse(present);
  if (!result.success) {
    throw new DatixSettingsError(
      result.error.issues.map((i) => ({ setting: String(i.path[0] ?? 'DATIX_ADAPTER'), message: i.message })),
    );
  }
  return toSettings(result.data);
}

function checkCombination(raw: Raw, ctx: z.RefinementCtx): void {
  const need = (setting: keyof Raw, why: string) => {
    if (raw[setting] === undefined) ctx.addIssue({ code: 'custom', path: [setting], message: `is required ${why}` });
  };
  const adapter = raw.DATIX_ADAPTER;
  if (adapter === 'manual' || adapter === 'email') {
    need('DATIX_CAPTURE_FORM_URL', `when DATIX_ADAPTER=${adapter}: the link to your Datix incident capture form that the risk team's task opens`);
  }
  if (adapter === 'email') need('DATIX_INTAKE_MAILBOX', 'when DATIX_ADAPTER=email: the monitored mailbox that receives incidents for Datix');
  if (adapter !== 'http') return;

  need('DATIX_HTTP_URL', 'when DATIX_ADAPTER=http: the integration endpoint that accepts incidents as JSON');
  for (const problem of datixHttpSignInProblems((setting) => raw[setting as keyof Raw] !== undefined)) {
    ctx.addIssue({ code: 'custom', path: [problem.setting], message: problem.message });
  }
}

function toSettings(raw: Raw): DatixSettings {
  // checkCombination guarantees the settings each branch reads.
  switch (raw.DATIX_ADAPTER) {
    case 'manual':
      return { adapter: 'manual', captureFormUrl: raw.DATIX_CAPTURE_FORM_URL! };
    case 'email':
      return { adapter: 'email', captureFormUrl: raw.DATIX_CAPTURE_FORM_URL!, intakeMailbox: raw.DATIX_INTAKE_MAILBOX! };
    case 'http': {
      const auth: DatixHttpAuth =
        raw.DATIX_API_KEY !== undefined
          ? { kind: 'api-key', apiKey: raw.DATIX_API_KEY }
          : {
              kind: 'oauth',
              tenantId: raw.DATIX_OAUTH_TENANT_ID!,
              clientId: raw.DATIX_OAUTH_CLIENT_ID!,
              clientSecret: raw.DATIX_OAUTH_CLIENT_SECRET!,
              scope: raw.DATIX_OAUTH_SCOPE!,
            };
      return {
        adapter: 'http',
        url: raw.DATIX_HTTP_URL!,
        auth,
        ...(raw.DATIX_CAPTURE_FORM_URL ? { captureFormUrl: raw.DATIX_CAPTURE_FORM_URL } : {}),
      };
    }
  }
}
