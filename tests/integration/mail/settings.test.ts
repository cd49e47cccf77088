import { ZodError } from 'zod';
import { EmailSettingsError, isProductionEnvironment, parseEmailSettings } from '../../../shared/notify';

const good = { SMTP_HOST: 'send.nhs.net', SMTP_PORT: '587', MAIL_FROM: 'ai-governance@example.nhs.uk' };

function errorFor(env: Record<string, string | undefined>, production = true): EmailSettingsError {
  try {
    parseEmailSettings(env, { production });
  } catch (err) {
    if (err instanceof EmailSettingsError) return err;
    throw err;
  }
  throw new Error('expected the settings to be refused');
}

describe('email settings', () => {
  it('default to STARTTLS required, no login, port 587', () => {
    expect(parseEmailSettings({ SMTP_HOST: 'send.nhs.net', MAIL_FROM: 'ai-governance@example.nhs.uk' }, { production: true })).toEqual({
      host: 'send.nhs.net',
      port: 587,
      secure: false,
      requireTls: true,
      auth: { kind: 'none' },
      from: { name: 'AI governance', address: 'ai-governance@example.nhs.uk' },
    });
  });

  it('read OAuth2 and password logins', () => {
    expect(parseEmailSettings({ ...good, SMTP_AUTH: 'oauth2', SMTP_USER: 'ai-governance@example.nhs.uk' }, { production: true }).auth).toEqual({
      kind: 'oauth2',
      user: 'ai-governance@example.nhs.uk',
    });
    expect(parseEmailSettings({ ...good, SMTP_AUTH: 'password', SMTP_USER: 'u', SMTP_PASSWORD: 'p' }, { production: true }).auth).toEqual({
      kind: 'password',
      user: 'u',
      password: 'p',
    });
  });

  it('name a missing host', () => {
    const err = errorFor({ ...good, SMTP_HOST: undefined });
    expect(err.cause).toBeInstanceOf(ZodError);
    expect(err.issues.map((i) => i.path)).toEqual([['SMTP_HOST']]);
    expect(err.message).toContain('SMTP_HOST: is required');
  });

  it('treat an empty host as missing', () => {
    expect(errorFor({ ...good, SMTP_HOST: '  ' }).issues.map((i) => i.path)).toEqual([['SMTP_HOST']]);
  });

  it('name a port that is not a number', () => {
    const err = errorFor({ ...good, SMTP_PORT: 'five-eight-seven' });
    expect(err.issues.map((i) => i.path)).toEqual([['SMTP_PORT']]);
    expect(err.message).toContain('SMTP_PORT: must be a whole number');
    expect(errorFor({ ...good, SMTP_PORT: '70000' }).message).toContain('SMTP_PORT: must be between 1 and 65535');
  });

  it('refuse an unencrypted connection in production, even to this computer', () => {
    const err = errorFor({ ...good, SMTP_HOST: '127.0.0.1', SMTP_REQUIRE_TLS: 'false' }, true);
    expect(err.issues.map((i) => i.path)).toEqual([['SMTP_REQUIRE_TLS']]);
    expect(err.message).toContain('SMTP_REQUIRE_TLS: must be true in production');
  });

  it('refuse an unencrypted connection to any other host outside production', () => {
    const err = errorFor({ ...good, SMTP_REQUIRE_TLS: 'false' }, false);
    expect(err.message).toContain('SMTP_REQUIRE_TLS: may be false only for the local mail sink');
  });

  it('allow plain SMTP to the local sink outside production', () => {
    expect(parseEmailSettings({ ...good, SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525', SMTP_REQUIRE_TLS: 'false' }, { production: false }).requireTls).toBe(false);
  });

  it('allow implicit TLS without STARTTLS in production', () => {
    expect(parseEmailSettings({ ...good, SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_REQUIRE_TLS: 'false' }, { production: true })).toMatchObject({
      secure: true,
      port: 465,
    });
  });

  it('name every missing piece of a login and a bad From address at once', () => {
    const err = errorFor({ ...good, SMTP_AUTH: 'password', MAIL_FROM: 'not-an-address' });
    expect(err.issues.map((i) => i.path[0]).sort()).toEqual(['MAIL_FROM', 'SMTP_PASSWORD', 'SMTP_USER']);
    expect(errorFor({ ...good, SMTP_AUTH: 'kerberos' }).message).toContain('SMTP_AUTH: must be none, password or oauth2');
    expect(errorFor({ ...good, SMTP_REQUIRE_TLS: 'perhaps' }).message).toContain('SMTP_REQUIRE_TLS: must be true or false');
  });

  it('treat ENVIRONMENT=production, or running in Azure, as production', () => {
    expect(isProductionEnvironment({ ENVIRONMENT: 'production' })).toBe(true);
    expect(isProductionEnvironment({ ENVIRONMENT: 'local', WEBSITE_SITE_NAME: 'func-aigov' })).toBe(true);
    expect(isProductionEnvironment({ ENVIRONMENT: 'local' })).toBe(false);
    expect(isProductionEnvironment({})).toBe(false);
  });
});
