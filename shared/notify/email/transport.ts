import type { TokenCredential } from '@azure/identity';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { EmailSettings } from './settings';

/** Exchange Online accepts SMTP XOAUTH2 tokens for this resource. */
export const EXCHANGE_ONLINE_SMTP_SCOPE = 'https://outlook.office365.com/.default';

export interface EmailTransportDependencies {
  /** Required for SMTP_AUTH=oauth2, e.g. a ManagedIdentityCredential. */
  credential?: TokenCredential;
}

/**
 * Builds the nodemailer SMTP transport the settings describe, pooled: messages share a few open
 * connections instead of one connection (greeting, TLS, sign-in) each. Mail servers pause before
 * greeting a new connection (the local sink 100 ms, relays often longer), which made a day of
 * review reminders wait on connection set-up rather than on sending.
 */
export function createEmailTransport(settings: EmailSettings, deps: EmailTransportDependencies = {}) {
  return nodemailer.createTransport({ ...smtpOptions(settings, deps), pool: true, maxConnections: 3, maxMessages: 100 });
}

export function smtpOptions(settings: EmailSettings, deps: EmailTransportDependencies = {}): SMTPTransport.Options {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // requireTLS makes nodemailer fail rather than fall back to plain text when STARTTLS is missing.
    requireTLS: settings.requireTls && !settings.secure,
    tls: settings.secure || settings.requireTls ? { minVersion: 'TLSv1.2', servername: settings.host } : undefined,
    auth: authOptions(settings, deps),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
}

function authOptions(settings: EmailSettings, deps: EmailTransportDependencies): SMTPTransport.Options['auth'] {
  const auth = settings.auth;
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'password':
      return { user: auth.user, pass: auth.password };
    case 'oauth2': {
      const credential = deps.credential;
      if (!credential) {
        throw new Error('SMTP_AUTH=oauth2 needs a TokenCredential (for example ManagedIdentityCredential) passed to createEmailTransport.');
      }
      return {
        type: 'OAuth2',
        user: auth.user,
        // nodemailer asks for a token when it logs in and again (renew) when one is refused;
        // @azure/identity caches and refreshes tokens itself.
        provisionCallback: (_user, _renew, callback) => {
          credential
            .getToken(EXCHANGE_ONLINE_SMTP_SCOPE)
            .then((token) => {
              if (!token) return callback(new Error(`No access token for ${EXCHANGE_ONLINE_SMTP_SCOPE}.`));
              callback(null, token.token, token.expiresOnTimestamp);
            })
            .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
        },
      };
    }
  }
}
