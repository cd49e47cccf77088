import { loadSettings, SettingsError } from '../../../shared/config/settings';
import { datixSettingsFrom } from '../../../shared/datix/settings';
import { minimalLocalSettings } from '../../support/minimalSettings';

// The app's start-up check (settings catalogue) decides how the http adapter signs in
// (DATIX_API_KEY, or all four DATIX_OAUTH_* settings, never both); the gateway takes its slice.
const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const base = (): Record<string, string> => ({
  ...minimalLocalSettings(),
  DATIX_ADAPTER: 'http',
  DATIX_HTTP_URL: 'http://localhost:7071/dev/datix/api/incidents',
});
const oauth = {
  DATIX_OAUTH_TENANT_ID: TENANT,
  DATIX_OAUTH_CLIENT_ID: CLIENT,
  DATIX_OAUTH_CLIENT_SECRET: 's3cret',
  DATIX_OAUTH_SCOPE: 'api://datix-gateway/.default',
};

function problems(env: Record<string, string>): { setting: string; message: string }[] {
  try {
    loadSettings(env);
    return [];
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    return [...err.problems];
  }
}

describe('Datix sign-in in the app settings', () => {
  it('starts with OAuth client credentials and no API key, and the gateway reads the same settings', () => {
    const env = { ...base(), ...oauth };

    const settings = loadSettings(env);

    expect(settings).toMatchObject({ DATIX_OAUTH_TENANT_ID: TENANT, DATIX_OAUTH_CLIENT_ID: CLIENT, DATIX_OAUTH_SCOPE: 'api://datix-gateway/.default' });
    expect(settings.DATIX_API_KEY).toBeUndefined();
    expect(datixSettingsFrom(settings)).toMatchObject({ adapter: 'http', auth: { kind: 'oauth', tenantId: TENANT } });
  });

  it('starts with an API key alone', () => {
    expect(problems({ ...base(), DATIX_API_KEY: 'k' })).toEqual([]);
  });

  it('with neither, names DATIX_API_KEY and the OAuth alternative', () => {
    expect(problems(base())).toEqual([
      { setting: 'DATIX_API_KEY', message: expect.stringMatching(/^DATIX_API_KEY is missing: it is required when DATIX_ADAPTER=http, unless the endpoint takes Entra sign-in: then set DATIX_OAUTH_TENANT_ID, DATIX_OAUTH_CLIENT_ID, DATIX_OAUTH_CLIENT_SECRET, DATIX_OAUTH_SCOPE instead\.$/) },
    ]);
  });

  it('with half of OAuth, names each missing setting', () => {
    expect(problems({ ...base(), DATIX_OAUTH_TENANT_ID: TENANT, DATIX_OAUTH_CLIENT_ID: CLIENT }).map((p) => p.setting)).toEqual(['DATIX_OAUTH_CLIENT_SECRET', 'DATIX_OAUTH_SCOPE']);
  });

  it('with both, refuses the API key', () => {
    expect(problems({ ...base(), ...oauth, DATIX_API_KEY: 'k' })).toEqual([{ setting: 'DATIX_API_KEY', message: expect.stringContaining('not both') }]);
  });

  it('a bad OAuth value is reported once, as a bad value', () => {
    const found = problems({ ...base(), ...oauth, DATIX_OAUTH_SCOPE: 'api://datix-gateway' });
    expect(found).toEqual([{ setting: 'DATIX_OAUTH_SCOPE', message: expect.stringContaining('followed by /.default') }]);
  });

  it('other adapters ignore the sign-in settings', () => {
    expect(problems({ ...base(), DATIX_ADAPTER: 'manual', DATIX_CAPTURE_FORM_URL: 'https://trust.datix.example/capture/' })).toEqual([]);
  });
});
