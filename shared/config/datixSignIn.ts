/**
 * How the `http` adapter signs in to the organisation's Datix endpoint: DATIX_API_KEY, or the four
 * DATIX_OAUTH_* settings (Entra client credentials), never both and never half of OAuth. One rule
 * for both places that check settings: the Datix gateway's own parser and the app's start-up check
 * (shared/config/settings.ts), so they cannot disagree. No imports, so the settings catalogue can
 * use it without an import cycle.
 */
export const DATIX_OAUTH_SETTINGS = ['DATIX_OAUTH_TENANT_ID', 'DATIX_OAUTH_CLIENT_ID', 'DATIX_OAUTH_CLIENT_SECRET', 'DATIX_OAUTH_SCOPE'] as const;

export interface SignInProblem {
  setting: string;
  /** Continues the setting's name: "DATIX_API_KEY is required when …". */
  message: string;
}

/** `isSet(name)` says whether a setting has a value. Only meaningful when DATIX_ADAPTER=http. */
export function datixHttpSignInProblems(isSet: (setting: string) => boolean): SignInProblem[] {
  const oauthGiven = DATIX_OAUTH_SETTINGS.filter(isSet);
  const apiKey = isSet('DATIX_API_KEY');
  if (apiKey && oauthGiven.length > 0) {
    return [
      {
        setting: 'DATIX_API_KEY',
        message: `must not be set together with the DATIX_OAUTH_* settings: give either DATIX_API_KEY or the DATIX_OAUTH_* settings, not both (also set: ${oauthGiven.join(', ')})`,
      },
    ];
  }
  if (!apiKey && oauthGiven.length === 0) {
    return [
      {
        setting: 'DATIX_API_KEY',
        message: `is required when DATIX_ADAPTER=http, unless the endpoint takes Entra sign-in: then set ${DATIX_OAUTH_SETTINGS.join(', ')} instead`,
      },
    ];
  }
  if (oauthGiven.length === 0) return [];
  const verb = oauthGiven.length === 1 ? 'is' : 'are';
  return DATIX_OAUTH_SETTINGS.filter((s) => !isSet(s)).map((setting) => ({
    setting,
    message: `is required when signing in to the Datix endpoint with OAuth client credentials (${oauthGiven.join(', ')} ${verb} set)`,
  }));
}
