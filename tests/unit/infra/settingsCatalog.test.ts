import { settingNames, settingSpec } from '../../../shared/config/settingsCatalog';

describe('settings catalogue', () => {
  it.each(settingNames)('%s has a meaning, an expected shape and an example in plain words', (name) => {
    const spec = settingSpec(name);

    expect(name).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(spec.meaning.length).toBeGreaterThan(10);
    expect(spec.expected.length).toBeGreaterThan(3);
    expect(spec.example.length).toBeGreaterThan(0);
  });

  it.each(settingNames.filter((n) => settingSpec(n).secret))('secret %s is shown only as a Key Vault reference in examples', (name) => {
    expect(settingSpec(name).example).toMatch(/^@Microsoft\.KeyVault\(VaultName=[\w-]+;SecretName=[\w-]+\)$/);
  });

  it.each(settingNames.filter((n) => !settingSpec(n).secret))('the example for %s is itself a valid value', (name) => {
    expect(settingSpec(name).schema.safeParse(settingSpec(name).example).success).toBe(true);
  });

  it.each(settingNames.filter((n) => settingSpec(n).default !== undefined))('the default for %s is a valid value', (name) => {
    expect(settingSpec(name).schema.safeParse(settingSpec(name).default).success).toBe(true);
  });

  it('conditions refer to real settings and to values those settings accept', () => {
    for (const name of settingNames) {
      const when = settingSpec(name).requiredWhen;
      if (!when) continue;
      const trigger = settingSpec(when.setting as (typeof settingNames)[number]);

      expect(settingNames).toContain(when.setting);
      for (const value of when.oneOf) expect(trigger.schema.safeParse(value).success).toBe(true);
    }
  });
});
