import { randomBytes } from 'node:crypto';
import { loadSettings, SettingsError } from '../../../shared/config/settings';
import { settingNames, settingsCatalog } from '../../../shared/config/settingsCatalog';
import { minimalLocalSettings } from '../../support/minimalSettings';
import { productionSettings } from '../../support/productionSettings';

const IDENTITY = '11111111-2222-3333-4444-555555555555';
const key32 = () => randomBytes(32).toString('base64');

/** What the local runtime would set: the minimum to start. */
const local = (): Record<string, string> => ({ ...minimalLocalSettings(), SMTP_PORT: '2525', DATIX_CAPTURE_FORM_URL: 'http://localhost:7071/dev/datix/capture' });

/** What the Bicep sets once Key Vault references are resolved. */
const production = productionSettings;

function problemsFor(env: Record<string, string | undefined>): SettingsError {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected loadSettings to refuse these settings');
}

const without = (env: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));

describe('loadSettings', () => {
  it('starts locally with the minimum and fills documented defaults', () => {
    const settings = loadSettings(local());

    expect(settings.ENVIRONMENT).toBe('local');
    expect(settings.DECISION_LINK_TTL_HOURS).toBe(168);
    expect(settings.SMTP_PORT).toBe(2525);
    expect(settings.SMTP_REQUIRE_TLS).toBe(false);
    expect(settings.SMTP_AUTH).toBe('none');
    expect(settings.GRAPH_BASE_URL).toBe('https://graph.microsoft.com');
    expect(settings.DATIX_ADAPTER).toBe('manual');
    expect(settings.SHAREPOINT_AUTH).toBe('none');
    expect(settings.DECISION_SIGNING_KEYS.current.kid).toBe('dev');
  });

  it('starts in production with the settings the Bicep provides, parsed into useful shapes', () => {
    const settings = loadSettings(production());

    expect(settings.DURABLE_TASK_SCHEDULER_CONNECTION_STRING).toEqual({
      endpoint: 'https://dts-aigov.uksouth.durabletask.io',
      authentication: 'ManagedIdentity',
      clientId: IDENTITY,
    });
    expect(settings.DECISION_SIGNING_KEYS.current.kid).toBe('2026-11');
    expect(settings.DECISION_SIGNING_KEYS.previous.map((k) => k.kid)).toEqual(['2026-05']);
  });

  it('names every missing setting in one message, with what is expected and an example', () => {
    const error = problemsFor({});

    const required = settingNames.filter((n) => settingsCatalog[n].required === 'always');
    expect(error.problems.map((p) => p.setting).sort()).toEqual([...required, 'DATIX_CAPTURE_FORM_URL'].sort());
    expect(error.message).toMatch(/^The app cannot start: 9 settings are missing or not valid\./);
    for (const name of required) expect(error.message).toContain(`- ${name} is missing.`);
    expect(error.message).toContain('SMTP_HOST is missing. Mail server the app submits email to. Expected a host name, e.g. send.nhs.net.');
  });

  it('treats a blank value as missing', () => {
    const error = problemsFor({ ...local(), MAIL_FROM: '   ' });

    expect(error.problems).toEqual([{ setting: 'MAIL_FROM', message: expect.stringContaining('MAIL_FROM is missing') }]);
  });

  it('names each bad value with what it got and what it expected', () => {
    const error = problemsFor({ ...local(), SMTP_PORT: 'five', PUBLIC_BASE_URL: 'func-aigov', SMTP_AUTH: 'basic', DECISION_LINK_TTL_HOURS: '0' });

    expect(error.problems.map((p) => p.setting).sort()).toEqual(['DECISION_LINK_TTL_HOURS', 'PUBLIC_BASE_URL', 'SMTP_AUTH', 'SMTP_PORT']);
    expect(error.message).toContain('SMTP_PORT is not valid: expected a whole number from 1 to 65535 (got "five")');
    expect(error.message).toContain('PUBLIC_BASE_URL is not valid: expected an absolute http:// or https:// URL (got "func-aigov")');
    expect(error.message).toContain('SMTP_AUTH is not valid: expected one of: none, password, oauth2 (got "basic")');
  });

  it('never repeats a secret value in the message', () => {
    const error = problemsFor({ ...local(), DECISION_SIGNING_KEYS: 'k1:not base64 at all!' });

    expect(error.message).toContain('DECISION_SIGNING_KEYS is not valid: key "k1" is not base64.');
    expect(error.message).not.toContain('not base64 at all!');
  });

  it('reports a Key Vault reference that did not resolve, with what to check', () => {
    const unresolved = '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=decision-signing-keys)';

    const error = problemsFor({ ...local(), DECISION_SIGNING_KEYS: unresolved });

    expect(error.problems).toEqual([
      { setting: 'DECISION_SIGNING_KEYS', message: expect.stringContaining('Key Vault reference that did not resolve') },
    ]);
    expect(error.message).toContain('Key Vault Secrets User');
  });

  describe('conditional requirements', () => {
    it('asks for the Datix endpoint and key when DATIX_ADAPTER is http, saying why', () => {
      const error = problemsFor({ ...local(), DATIX_ADAPTER: 'http' });

      expect(error.problems.map((p) => p.setting).sort()).toEqual(['DATIX_API_KEY', 'DATIX_HTTP_URL']);
      expect(error.message).toContain('DATIX_HTTP_URL is missing; it is needed because DATIX_ADAPTER is "http".');
    });

    it('asks for the intake mailbox when DATIX_ADAPTER is email', () => {
      const error = problemsFor({ ...local(), DATIX_ADAPTER: 'email' });

      expect(error.message).toContain('DATIX_INTAKE_MAILBOX is missing; it is needed because DATIX_ADAPTER is "email".');
    });

    it('asks for the capture form link with the default manual adapter', () => {
      const error = problemsFor(without(local(), 'DATIX_CAPTURE_FORM_URL'));

      expect(error.message).toContain('DATIX_CAPTURE_FORM_URL is missing; it is needed because DATIX_ADAPTER is "manual".');
    });

    it('asks for user and password with SMTP_AUTH=password, and only the user with oauth2', () => {
      expect(problemsFor({ ...local(), SMTP_AUTH: 'password' }).problems.map((p) => p.setting).sort()).toEqual(['SMTP_PASSWORD', 'SMTP_USER']);
      expect(problemsFor({ ...local(), SMTP_AUTH: 'oauth2' }).problems.map((p) => p.setting)).toEqual(['SMTP_USER']);
    });

    it('asks for tenant, client id and certificate with SHAREPOINT_AUTH=certificate', () => {
      const error = problemsFor({ ...local(), SHAREPOINT_AUTH: 'certificate' });

      expect(error.problems.map((p) => p.setting).sort()).toEqual(['SHAREPOINT_CERTIFICATE_PEM', 'SHAREPOINT_CLIENT_ID', 'SHAREPOINT_TENANT_ID']);
    });

    it('starts once the conditional settings are given', () => {
      const settings = loadSettings({ ...local(), DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'http://localhost:7071/dev/datix', DATIX_API_KEY: 'local-key' });

      expect(settings.DATIX_HTTP_URL).toBe('http://localhost:7071/dev/datix');
    });
  });

  describe('production tightening', () => {
    it('refuses to start when App Service authentication is off, naming WEBSITE_AUTH_ENABLED', () => {
      for (const off of [without(production(), 'WEBSITE_AUTH_ENABLED'), { ...production(), WEBSITE_AUTH_ENABLED: 'False' }]) {
        const error = problemsFor(off);
        expect(error.problems).toEqual([{ setting: 'WEBSITE_AUTH_ENABLED', message: expect.stringContaining('App Service authentication is off') }]);
        expect(error.message).toContain('WEBSITE_AUTH_ENABLED is not "True"');
      }
      expect(() => loadSettings({ ...production(), WEBSITE_AUTH_ENABLED: 'true' })).not.toThrow();
    });

    it('refuses the local permissive sign-in mode, and it is off unless switched on', () => {
      expect(problemsFor({ ...production(), LOCAL_ANONYMOUS_ACCESS: 'true' }).problems).toEqual([
        { setting: 'LOCAL_ANONYMOUS_ACCESS', message: expect.stringContaining('sign-in is never optional in production') },
      ]);
      expect(loadSettings(production()).LOCAL_ANONYMOUS_ACCESS).toBe(false);
      expect(loadSettings(local()).LOCAL_ANONYMOUS_ACCESS).toBe(false);
      expect(loadSettings({ ...local(), LOCAL_ANONYMOUS_ACCESS: 'true' }).LOCAL_ANONYMOUS_ACCESS).toBe(true);
    });

    it('refuses what local allows: plain http, no TLS, no SharePoint auth, short keys, key-less Durable auth', () => {
      const env = {
        ...production(),
        PUBLIC_BASE_URL: 'http://func-aigov.azurewebsites.net',
        SHAREPOINT_SITE_URL: 'http://contoso.sharepoint.com/sites/aigov',
        SMTP_REQUIRE_TLS: 'false',
        SHAREPOINT_AUTH: 'none',
        DECISION_SIGNING_KEYS: `2026-11:${key32()},2026-05:${randomBytes(16).toString('base64')}`,
        DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=https://dts-aigov.uksouth.durabletask.io;Authentication=None',
        GRAPH_BASE_URL: 'http://localhost:7071/graph',
      };

      const error = problemsFor(env);

      expect(error.problems.map((p) => p.setting).sort()).toEqual([
        'DECISION_SIGNING_KEYS',
        'DURABLE_TASK_SCHEDULER_CONNECTION_STRING',
        'GRAPH_BASE_URL',
        'PUBLIC_BASE_URL',
        'SHAREPOINT_AUTH',
        'SHAREPOINT_SITE_URL',
        'SMTP_REQUIRE_TLS',
      ]);
      expect(error.message).toContain('PUBLIC_BASE_URL is not allowed in production: production needs an https:// URL.');
      expect(error.message).toContain('SMTP_REQUIRE_TLS is not allowed in production: mail must go over TLS');
      expect(error.message).toContain('every key must be at least 32 bytes (the shortest is 16)');
    });

    it('accepts implicit TLS (SMTP_SECURE=true) in place of STARTTLS', () => {
      const settings = loadSettings({ ...production(), SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_REQUIRE_TLS: 'false' });

      expect(settings.SMTP_SECURE).toBe(true);
    });

    it('needs the telemetry and identity settings that local can do without', () => {
      const error = problemsFor(without(production(), 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', 'AZURE_CLIENT_ID'));

      expect(error.problems.map((p) => p.setting).sort()).toEqual([
        'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'AZURE_CLIENT_ID',
      ]);
      expect(error.message).toContain('AZURE_CLIENT_ID is missing; production needs it.');
    });

    it('refuses a Durable or telemetry identity that is not AZURE_CLIENT_ID', () => {
      const other = '99999999-2222-3333-4444-555555555555';
      const env = {
        ...production(),
        DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=https://dts-aigov.uksouth.durabletask.io;Authentication=ManagedIdentity;ClientID=${other}`,
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `Authorization=AAD;ClientId=${other}`,
      };

      expect(problemsFor(env).problems.map((p) => p.setting).sort()).toEqual([
        'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
        'DURABLE_TASK_SCHEDULER_CONNECTION_STRING',
      ]);
    });

    it('refuses local rules when running in Azure', () => {
      const error = problemsFor({ ...local(), WEBSITE_SITE_NAME: 'func-aigov' });

      expect(error.problems).toEqual([{ setting: 'ENVIRONMENT', message: expect.stringContaining('ENVIRONMENT is "local" but the app is running in Azure') }]);
    });
  });
});
