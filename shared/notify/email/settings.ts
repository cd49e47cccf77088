import type { Settings } from '../../config/settings';

/**
 * The email transport's slice of the app settings. shared/config validates them once at start,
 * with the rest (the sending mailbox when signing in, the password for SMTP_AUTH=password, and
 * TLS: always in production, and plain SMTP only for the local sink on this computer), so this
 * only shapes them for nodemailer.
 */
export const EMAIL_SETTING_NAMES = [
  'ENVIRONMENT',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_SECURE',
  'SMTP_REQUIRE_TLS',
  'SMTP_AUTH',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'SMTP_OAUTH_TENANT_ID',
  'SMTP_OAUTH_CLIENT_ID',
  'MAIL_FROM',
  'MAIL_FROM_NAME',
] as const;
export type EmailSettingSlice = Pick<Settings, (typeof EMAIL_SETTING_NAMES)[number]>;

export type SmtpAuth =
  | { kind: 'none' }
  | { kind: 'password'; user: string; password: string }
  /**
   * XOAUTH2 with an access token from an @azure/identity TokenCredential. `tenantId` and
   * `clientId` name the app registration in the mailbox's tenant (NHSmail) that trusts our
   * managed identity; absent, the managed identity's own token is used.
   */
  | { kind: 'oauth2'; user: string; tenantId?: string; clientId?: string };

export interface EmailSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  auth: SmtpAuth;
  from: { name: string; address: string };
}

export function emailSettingsFrom(s: EmailSettingSlice): EmailSettings {
  const auth: SmtpAuth =
    s.SMTP_AUTH === 'password'
      ? { kind: 'password', user: s.SMTP_USER!, password: s.SMTP_PASSWORD! }
      : s.SMTP_AUTH === 'oauth2'
        ? {
            kind: 'oauth2',
            user: s.SMTP_USER!,
            ...(s.SMTP_OAUTH_TENANT_ID ? { tenantId: s.SMTP_OAUTH_TENANT_ID } : {}),
            ...(s.SMTP_OAUTH_CLIENT_ID ? { clientId: s.SMTP_OAUTH_CLIENT_ID } : {}),
          }
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
