import type { SpStore, UserRow } from '../store';

/**
 * Who is calling, from the bearer token. SharePoint Online tells two kinds apart: an app-only
 * token (no user in it) acts with the app's own site permission; a delegated token names a
 * person (`upn`), who acts with the role assignments they hold. Locally no token at all is the
 * app (user 1), as before: the app and the tests' set-up calls send none. The rehearsal checks
 * signatures first (local/rehearsal/gates.ts); without it the claims are read as they are, so a
 * test can act as a person with an unsigned token (tests/support/personToken.ts).
 */
export type Caller = { kind: 'app'; userId: number } | { kind: 'person'; userId: number; user: UserRow };

export const APP_CALLER: Caller = { kind: 'app', userId: 1 };

interface DelegatedClaims {
  upn?: unknown;
  unique_name?: unknown;
  name?: unknown;
}

function claimsOf(authorization: string | undefined): DelegatedClaims | undefined {
  const m = /^Bearer\s+([\w-]+)\.([\w-]+)\.([\w-]*)$/i.exec(authorization?.trim() ?? '');
  if (!m) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** A person is added to the site's users on their first call, as SharePoint does. */
export function resolveCaller(store: SpStore, authorization: string | undefined): Caller {
  const claims = claimsOf(authorization);
  const upn = typeof claims?.upn === 'string' ? claims.upn : typeof claims?.unique_name === 'string' ? claims.unique_name : '';
  if (!upn.includes('@')) return APP_CALLER;
  const user = store.ensureUser(`i:0#.f|membership|${upn}`, typeof claims?.name === 'string' ? claims.name : undefined);
  return { kind: 'person', userId: user.id, user };
}
