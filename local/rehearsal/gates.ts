import type { BearerGate } from '../server/bearerGate';
import { checkBearer, type TokenAuthority } from './tokens';

/** The audiences the app asks tokens for (shared/notify/teams/graphClient.ts, shared/notify/email/transport.ts). */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const MAIL_AUDIENCE = 'https://outlook.office365.com';

/**
 * SharePoint with Sites.Selected: an app-only token for the tenant's SharePoint origin with the
 * Sites.Selected role opens nothing by itself; the site permission granted to that app (read or
 * write, docs/deployment.md) decides what it may do on this site.
 */
export function sharePointGate(authority: TokenAuthority, audience: string, sitePermissions: Record<string, 'read' | 'write'>): BearerGate {
  return (authorization, write) => {
    const check = checkBearer(authorization, authority, audience, 'Sites.Selected');
    if (!check.ok) return check;
    const granted = sitePermissions[check.claims.appid];
    if (!granted) return { ok: false, status: 403, error: `app ${check.claims.appid} has no permission on this site` };
    if (write && granted !== 'write') return { ok: false, status: 403, error: `app ${check.claims.appid} may only read this site` };
    return { ok: true };
  };
}

/** Graph for Teams activity notifications: a Graph token with TeamsActivity.Send. */
export function graphGate(authority: TokenAuthority): BearerGate {
  return (authorization) => {
    const check = checkBearer(authorization, authority, GRAPH_AUDIENCE, 'TeamsActivity.Send');
    return check.ok ? { ok: true } : check;
  };
}

/** SMTP XOAUTH2: a token for the mail audience with SMTP.SendAsApp, for a mailbox the app may send as. */
export function smtpTokenCheck(authority: TokenAuthority, mailboxes: string[]): (user: string, accessToken: string) => string | undefined {
  const allowed = new Set(mailboxes.map((m) => m.toLowerCase()));
  return (user, accessToken) => {
    const check = checkBearer(`Bearer ${accessToken}`, authority, MAIL_AUDIENCE, 'SMTP.SendAsApp');
    if (!check.ok) return check.error;
    return allowed.has(user.toLowerCase()) ? undefined : `the app may not send as ${user}`;
  };
}
