import { z } from 'zod';

/**
 * Email settings, read once at start from app settings (process.env in Functions). Names are the
 * app-setting names, so an error names exactly the setting to fix.
 *
 * Production rule: the connection must be encrypted (STARTTLS on 587, or implicit TLS with
 * SMTP_SECURE=true). SMTP_REQUIRE_TLS=false exists only for the local mail sink, so it is refused
 * in production and, everywhere, for any host other than this computer.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

const port = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number such as 587')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535'));

const EmailSettingsSchema = z.object({
  SMTP_HOST: z
    .string({ error: 'is required: the SMTP server to send through, for example send.nhs.net' })
    .trim()
    .min(1, 'is required: the SMTP server to send through, for example send.nhs.net'),
  SMTP_PORT: port.default(587),
  /** Implicit TLS from the first byte (usually port 465); otherwise STARTTLS. */
  SMTP_SECURE: z.stringbool({ error: 'must be true or false' }).default(false),
  SMTP_REQUIRE_TLS: z.stringbool({ error: 'must be true or false' }).default(true),
  SMTP_AUTH: z.enum(['none', 'password', 'oauth2'], { error: 'must be none, password or oauth2' }).default('none'),
  SMTP_USER: z.string().trim().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.email({ error: 'must be the sending mailbox address, for example ai-governance@example.nhs.uk' }),
  MAIL_FROM_NAME: z.string().trim().min(1).max(100).default('AI governance'),
});

type RawSettings = z.output<typeof EmailSettingsSchema>;

export type SmtpAuth =
  | { kind: 'none' }
  | { kind: 'password'; user: string; password: string }
  /** XOAUTH2 with an access token from an @azure/identity TokenCredential. */
  | { kind: 'oauth2'; user: string };

export interface EmailSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  auth: SmtpAuth;
  from: { name: string; address: string };
}

export interface ParseEmailSettingsOptions {
  /** In production an unencrypted connection is refused whatever the host. */
  production: boolean;
}

/** Thrown for bad settings: the message lists each setting and what it needs; `cause` is the ZodError. */
export class EmailSettingsError extends Error {
  readonly issues: z.core.$ZodIssue[];
  constructor(readonly zodError: z.ZodError) {
    super(
      'Email settings are not valid:\n' +
        zodError.issues.map((i) => `- ${i.path.join('.') || '(settings)'}: ${i.message}`).join('\n'),
      { cause: zodError },
    );
    this.name = 'EmailSettingsError';
    this.issues = zodError.issues;
  }
}

export function parseEmailSettings(
  env: Record<string, string | undefined>,
  options: ParseEmailSettingsOptions,
): EmailSettings {
  // An app setting that exists but is empty means "not set" (Azure keeps empty values).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const schema = EmailSettingsSchema.superRefine((s, ctx) => checkRules(s, ctx, options));
  const result = schema.safeParse(present);
  if (!result.success) throw new EmailSettingsError(result.error);
  return toSettings(result.data);
}

/**
 * Production by the project's ENVIRONMENT setting (see shared/config). Running in Azure
 * (App Service sets WEBSITE_SITE_NAME) also counts: shared/config reports ENVIRONMENT=local in
 * Azure as a mistake, and mail stays strict meanwhile.
 */
export function isProductionEnvironment(env: Record<string, string | undefined>): boolean {
  if (env.ENVIRONMENT?.trim().toLowerCase() === 'production') return true;
  return Boolean(env.WEBSITE_SITE_NAME?.trim());
}

function checkRules(s: RawSettings, ctx: z.RefinementCtx, options: ParseEmailSettingsOptions): void {
  const encrypted = s.SMTP_SECURE || s.SMTP_REQUIRE_TLS;
  if (!encrypted && options.production) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_REQUIRE_TLS'],
      message: 'must be true in production: mail is sent only over an encrypted connection (STARTTLS or SMTP_SECURE=true)',
    });
  } else if (!encrypted && !LOOPBACK_HOSTS.has(s.SMTP_HOST.toLowerCase())) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_REQUIRE_TLS'],
      message: `may be false only for the local mail sink on this computer (127.0.0.1), not for ${s.SMTP_HOST}`,
    });
  }
  if (s.SMTP_AUTH !== 'none' && !s.SMTP_USER) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_USER'], message: `is required when SMTP_AUTH=${s.SMTP_AUTH}: the sending mailbox` });
  }
  if (s.SMTP_AUTH === 'password' && !s.SMTP_PASSWORD) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'is required when SMTP_AUTH=password (use a Key Vault reference)' });
  }
}

function toSettings(s: RawSettings): EmailSettings {
  const auth: SmtpAuth =
    s.SMTP_AUTH === 'password'
      ? { kind: 'password', user: s.SMTP_USER!, password: s.SMTP_PASSWORD! }
      : s.SMTP_AUTH === 'oauth2'
        ? { kind: 'oauth2', user: s.SMTP_USER! }
        : { kind: 'none' };
  return {
    host: s.SMTP_HOST,
    port: s.SMTP_PORT,
    secure: s.SMTP_SECURE,
    requireTls: s.SMTP_REQUIRE_TLS,
    auth,
    from: { name: s.MAIL_FROM_NAME, address: s.MAIL_FROM },
  };
}
