import { createDatixGateway } from '../../../shared/datix/createDatixGateway';
import { loadSettingSlice, SettingsError } from '../../../shared/config/settings';
import { DATIX_SETTING_NAMES, datixSettingsFrom } from '../../../shared/datix/settings';

// The gateway's slice of the app settings, checked by the same rules as the start-up check.
const parseDatixSettings = (env: Record<string, string | undefined>) => datixSettingsFrom(loadSettingSlice(DATIX_SETTING_NAMES, env));

const FORM = 'https://trust.datix.example/capture/?form_id=1&module=INC';
const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';

function problemsOf(env: Record<string, string | undefined>) {
  try {
    parseDatixSettings(env);
    return [];
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    return err.problems;
  }
}

describe('Datix settings', () => {
  test('manual is the default adapter and needs only the capture form link', () => {
    expect(parseDatixSettings({ DATIX_CAPTURE_FORM_URL: FORM })).toEqual({ adapter: 'manual', captureFormUrl: FORM });
  });

  test('without the capture form link, the error names the setting and why', () => {
    const problems = problemsOf({});

    expect(problems).toEqual([{ setting: 'DATIX_CAPTURE_FORM_URL', message: expect.stringContaining('it is needed because DATIX_ADAPTER is "manual"') }]);
  });

  test('empty settings count as not set, as Azure keeps them', () => {
    expect(problemsOf({ DATIX_ADAPTER: '', DATIX_CAPTURE_FORM_URL: '  ' }).map((p) => p.setting)).toEqual(['DATIX_CAPTURE_FORM_URL']);
  });

  test('an unknown adapter is refused with the choices', () => {
    expect(problemsOf({ DATIX_ADAPTER: 'soap', DATIX_CAPTURE_FORM_URL: FORM })).toEqual([
      { setting: 'DATIX_ADAPTER', message: expect.stringContaining('DATIX_ADAPTER is not valid: expected one of: manual, http, email') },
    ]);
  });

  test('email needs the intake mailbox', () => {
    expect(problemsOf({ DATIX_ADAPTER: 'email', DATIX_CAPTURE_FORM_URL: FORM })).toEqual([
      { setting: 'DATIX_INTAKE_MAILBOX', message: expect.stringContaining('it is needed because DATIX_ADAPTER is "email"') },
    ]);
    expect(parseDatixSettings({ DATIX_ADAPTER: 'email', DATIX_CAPTURE_FORM_URL: FORM, DATIX_INTAKE_MAILBOX: 'risk.intake@nhs.net' })).toEqual({
      adapter: 'email',
      captureFormUrl: FORM,
      intakeMailbox: 'risk.intake@nhs.net',
    });
  });

  test('http with an API key', () => {
    expect(parseDatixSettings({ DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'https://gw.example.nhs.uk/incidents', DATIX_API_KEY: 'k' })).toEqual({
      adapter: 'http',
      url: 'https://gw.example.nhs.uk/incidents',
      auth: { kind: 'api-key', apiKey: 'k' },
    });
  });

  test('http with OAuth client credentials', () => {
    const settings = parseDatixSettings({
      DATIX_ADAPTER: 'http',
      DATIX_HTTP_URL: 'https://gw.example.nhs.uk/incidents',
      DATIX_OAUTH_TENANT_ID: TENANT,
      DATIX_OAUTH_CLIENT_ID: CLIENT,
      DATIX_OAUTH_CLIENT_SECRET: 's3cret',
      DATIX_OAUTH_SCOPE: 'api://datix-gateway/.default',
    });

    expect(settings).toMatchObject({ adapter: 'http', auth: { kind: 'oauth', tenantId: TENANT, clientId: CLIENT, scope: 'api://datix-gateway/.default' } });
  });

  test('http without any sign-in names both ways to sign in', () => {
    const problems = problemsOf({ DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'https://gw.example.nhs.uk/incidents' });

    expect(problems).toEqual([{ setting: 'DATIX_API_KEY', message: expect.stringContaining('DATIX_OAUTH_TENANT_ID, DATIX_OAUTH_CLIENT_ID') }]);
  });

  test('half the OAuth settings names each missing one', () => {
    const problems = problemsOf({ DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'https://gw.example.nhs.uk/incidents', DATIX_OAUTH_TENANT_ID: TENANT });

    expect(problems.map((p) => p.setting)).toEqual(['DATIX_OAUTH_CLIENT_ID', 'DATIX_OAUTH_CLIENT_SECRET', 'DATIX_OAUTH_SCOPE']);
  });

  test('an API key and OAuth together are refused', () => {
    const problems = problemsOf({
      DATIX_ADAPTER: 'http',
      DATIX_HTTP_URL: 'https://gw.example.nhs.uk/incidents',
      DATIX_API_KEY: 'k',
      DATIX_OAUTH_CLIENT_ID: CLIENT,
    });

    expect(problems).toEqual([{ setting: 'DATIX_API_KEY', message: expect.stringContaining('not both (also set: DATIX_OAUTH_CLIENT_ID)') }]);
  });

  test('bad values are named, and the message lists every problem at once', () => {
    let message = '';
    try {
      parseDatixSettings({ DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'gw.example', DATIX_API_KEY: 'k', DATIX_CAPTURE_FORM_URL: 'not a url' });
    } catch (err) {
      message = (err as Error).message;
    }

    expect(message).toMatch(/^The app cannot start: 2 settings are missing or not valid\.\n- DATIX_CAPTURE_FORM_URL is not valid: expected an absolute http:\/\/ or https:\/\/ URL/);
    expect(message).toContain('\n- DATIX_HTTP_URL is not valid: expected an absolute http:// or https:// URL');
  });
});

describe('createDatixGateway', () => {
  test('chooses the adapter the settings name', () => {
    expect(createDatixGateway({ adapter: 'manual', captureFormUrl: FORM }).adapter).toBe('manual');
    expect(createDatixGateway({ adapter: 'http', url: 'https://gw.example.nhs.uk/i', auth: { kind: 'api-key', apiKey: 'k' } }).adapter).toBe('http');
    expect(
      createDatixGateway({ adapter: 'email', captureFormUrl: FORM, intakeMailbox: 'risk@nhs.net' }, { mailer: { send: () => Promise.resolve() } }).adapter,
    ).toBe('email');
  });

  test('email without a mailer says what to pass', () => {
    expect(() => createDatixGateway({ adapter: 'email', captureFormUrl: FORM, intakeMailbox: 'risk@nhs.net' })).toThrow(
      /DATIX_ADAPTER is "email" but no mailer was given/,
    );
  });
});
