import { loadSettingSlice, SettingsError } from '../../../shared/config/settings';
import { EMAIL_SETTING_NAMES, emailSettingsFrom } from '../../../shared/notify';

// The email transport's slice of the app settings, checked by the same rules as the start-up check.
const good = { SMTP_HOST: 'send.nhs.net', SMTP_PORT: '587', MAIL_FROM: 'ai-governance@example.nhs.uk' };
const parse = (env: Record<string, string | undefined>, production = true) =>
  emailSettingsFrom(loadSettingSlice(EMAIL_SETTING_NAMES, { ...env, ENVIRONMENT: production ? 'production' : 'local' }));

function errorFor(env: Record<string, string | undefined>, production = true): SettingsError {
  try {
    parse(env, production);
  } catch (err) {
    if (err instanceof SettingsError) return err;
    throw err;
  }
  throw new Error('expected the settings to be refused');
}
const named = (err: SettingsError) => err.problems.map((p) => p.setting);

describe('email settings', () => {
  it('default to STARTTLS required, no login, port 587', () => {
    expect(parse({ SMTP_HOST: 'send.nhs.net', MAIL_FROM: 'ai-governance@example.nhs.uk' })).toEqual({
      host: 'send.nhs.net',
      port: 587,
      secure: false,
      requireTls: true,
      auth: { kind: 'none' },
      from: { name: 'AI governance', address: 'ai-governance@example.nhs.uk' },
    });
  });

  it('read OAuth2 (with the mailbox tenant app registration) and password logins', () => {
    expect(parse({ ...good, SMTP_AUTH: 'oauth2', SMTP_USER: 'ai-governance@example.nhs.uk' }).auth).toEqual({ kind: 'oauth2', user: 'ai-governance@example.nhs.uk' });
    const tenant = '11111111-2222-3333-4444-555555555555';
    const client = '66666666-7777-8888-9999-000000000000';
    expect(parse({ ...good, SMTP_AUTH: 'oauth2', SMTP_USER: 'ai-governance@example.nhs.uk', SMTP_OAUTH_TENANT_ID: tenant, SMTP_OAUTH_CLIENT_ID: client }).auth).toEqual({
      kind: 'oauth2',
      user: 'ai-governance@example.nhs.uk',
      tenantId: tenant,
      clientId: client,
    });
    expect(parse({ ...good, SMTP_AUTH: 'password', SMTP_USER: 'u@example.nhs.uk', SMTP_PASSWORD: 'p' }).auth).toEqual({
      kind: 'password',
      user: 'u@example.nhs.uk',
      password: 'p',
    });
  });

  it('name a missing host', () => {
    const err = errorFor({ ...good, SMTP_HOST: undefined });
    expect(named(err)).toEqual(['SMTP_HOST']);
    expect(err.message).toContain('SMTP_HOST is missing');
  });

  it('treat an empty host as missing', () => {
    expect(named(errorFor({ ...good, SMTP_HOST: '  ' }))).toEqual(['SMTP_HOST']);
  });

  it('name a port that is not a number, or out of range', () => {
    const err = errorFor({ ...good, SMTP_PORT: 'five-eight-seven' });
    expect(named(err)).toEqual(['SMTP_PORT']);
    expect(err.message).toContain('SMTP_PORT is not valid');
    expect(named(errorFor({ ...good, SMTP_PORT: '70000' }))).toEqual(['SMTP_PORT']);
  });

  it('refuse an unencrypted connection in production, even to this computer', () => {
    const err = errorFor({ ...good, SMTP_HOST: '127.0.0.1', SMTP_REQUIRE_TLS: 'false' }, true);
    expect(named(err)).toEqual(['SMTP_REQUIRE_TLS']);
    expect(err.message).toContain('SMTP_REQUIRE_TLS is not allowed in production');
  });

  it('refuse an unencrypted connection to any other host outside production', () => {
    const err = errorFor({ ...good, SMTP_REQUIRE_TLS: 'false' }, false);
    expect(err.message).toContain('SMTP_REQUIRE_TLS may be false only for the local mail sink');
  });

  it('allow plain SMTP to the local sink outside production', () => {
    expect(parse({ ...good, SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525', SMTP_REQUIRE_TLS: 'false' }, false).requireTls).toBe(false);
  });

  it('allow implicit TLS without STARTTLS in production', () => {
    expect(parse({ ...good, SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_REQUIRE_TLS: 'false' })).toMatchObject({ secure: true, port: 465 });
  });

  it('name every missing piece of a login and a bad From address at once', () => {
    const err = errorFor({ ...good, SMTP_AUTH: 'password', MAIL_FROM: 'not-an-address' });
    expect(named(err).sort()).toEqual(['MAIL_FROM', 'SMTP_PASSWORD', 'SMTP_USER']);
    expect(errorFor({ ...good, SMTP_AUTH: 'kerberos' }).message).toContain('SMTP_AUTH is not valid');
    expect(errorFor({ ...good, SMTP_REQUIRE_TLS: 'perhaps' }).message).toContain('SMTP_REQUIRE_TLS is not valid');
  });
});
