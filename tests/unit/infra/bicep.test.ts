import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsRequiredInProduction } from '../../../shared/config/settings';
import { settingNames, settingsCatalog, type SettingName } from '../../../shared/config/settingsCatalog';
import { INFRA_DIR, appSettingsIn, literal, readBicepFiles } from './bicepText';

const bicepFiles = readBicepFiles();
const main = bicepFiles.get('main.bicep') ?? '';
const appSettings = appSettingsIn(main);
const allBicep = [...bicepFiles.values()].join('\n');
const hostJson = JSON.parse(readFileSync(join(INFRA_DIR, '..', 'host.json'), 'utf8'));

const valuesOf = (name: string) => appSettings.get(name) ?? [];

describe('infra: Function App settings in main.bicep against the settings catalogue', () => {
  it('finds the app settings at all (guards the text reader)', () => {
    expect(appSettings.size).toBeGreaterThan(20);
  });

  it.each(settingsRequiredInProduction())('sets %s, which production requires', (name) => {
    expect(valuesOf(name)).not.toEqual([]);
  });

  it('runs with production rules', () => {
    expect(valuesOf('ENVIRONMENT')).toEqual(["'production'"]);
  });

  it('never switches on the local permissive sign-in mode, nor claims the platform’s sign-in signal', () => {
    expect(allBicep).not.toMatch(/LOCAL_ANONYMOUS_ACCESS|WEBSITE_AUTH_ENABLED/);
  });

  it('sets every setting that a deploy-time choice can make required', () => {
    const missing: string[] = [];
    for (const name of settingNames) {
      const when = settingsCatalog[name].requiredWhen;
      if (!when) continue;
      const triggers = valuesOf(when.setting);
      // A literal trigger fixes the mode; a parameter could be any of the modes.
      const reachable = triggers.some((t) => literal(t) === undefined || when.oneOf.includes(literal(t) ?? ''));
      if (reachable && valuesOf(name).length === 0) missing.push(`${name} (needed when ${when.setting} is ${when.oneOf.join(' or ')})`);
    }
    expect(missing).toEqual([]);
  });

  it('writes nothing the app does not know, apart from the platform settings', () => {
    const platform = [
      'AzureWebJobsStorage__accountName',
      'AzureWebJobsStorage__credential',
      'AzureWebJobsStorage__clientId',
      'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID',
      'WEBSITE_AUTH_AAD_ALLOWED_TENANTS',
    ];
    const unknown = [...appSettings.keys()].filter((n) => !(n in settingsCatalog) && !platform.includes(n));
    expect(unknown).toEqual([]);
  });

  const secrets = settingNames.filter((n) => settingsCatalog[n].secret);

  it.each(secrets)('gives secret %s only as a Key Vault reference, never a plain value', (name: SettingName) => {
    for (const value of valuesOf(name)) {
      expect(value).toMatch(/^'@Microsoft\.KeyVault\(VaultName=\$\{vaultName\};SecretName=[a-z0-9-]+\)'$/);
    }
  });

  it('holds no account keys or key-based connection strings anywhere in infra/', () => {
    expect(allBicep).not.toMatch(/listKeys\(|AccountKey=|SharedAccessKey=|InstrumentationKey=/);
    expect(valuesOf('AzureWebJobsStorage__credential')).toEqual(["'managedidentity'"]);
    expect(valuesOf('AzureWebJobsStorage')).toEqual([]);
  });

  it('authenticates telemetry and Durable with the same user-assigned identity as AZURE_CLIENT_ID', () => {
    expect(valuesOf('AZURE_CLIENT_ID')).toEqual(['identityClientId']);
    expect(valuesOf('APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toEqual(["'Authorization=AAD;ClientId=${identityClientId}'"]);
    expect(main).toMatch(/var identityClientId = identity\.outputs\.clientId/);
  });
});

describe('infra: host.json and the Bicep agree on the Durable backend', () => {
  const durable = hostJson.extensions.durableTask;

  it('host.json uses the Durable Task Scheduler through the connection setting the Bicep writes', () => {
    expect(durable.storageProvider.type).toBe('azureManaged');
    const connectionName: string = durable.storageProvider.connectionStringName;

    const [connection] = valuesOf(connectionName);

    expect(connection).toMatch(/^'Endpoint=\$\{durableTaskScheduler\.outputs\.endpoint\};Authentication=ManagedIdentity;ClientID=\$\{identityClientId\}'$/);
  });

  it('the hub name host.json reads is the task hub the Bicep creates', () => {
    const setting = /^%([A-Z0-9_]+)%$/.exec(durable.hubName)?.[1];
    expect(setting).toBe('TASKHUB_NAME');

    expect(valuesOf(setting ?? '')).toEqual(['durableTaskScheduler.outputs.taskHubName']);
    expect(bicepFiles.get('modules/durableTaskScheduler.bicep')).toMatch(
      /resource taskHub 'Microsoft\.DurableTask\/schedulers\/taskHubs@[\d-]+' = \{\s*parent: scheduler\s*name: taskHubName/,
    );
  });

  it('the scheduler is the consumption SKU', () => {
    expect(bicepFiles.get('modules/durableTaskScheduler.bicep')).toMatch(/sku: \{ name: 'Consumption' \}/);
  });
});

describe('infra: identity, roles and sign-in', () => {
  const roles = bicepFiles.get('modules/roleAssignments.bicep') ?? '';
  const functionApp = bicepFiles.get('modules/functionApp.bicep') ?? '';

  it.each([
    ['durableTaskDataContributor', '0ad04412-c4d5-4796-b79c-f76d14c8d402', 'taskHub'],
    ['storageBlobDataOwner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', 'storage'],
    ['keyVaultSecretsUser', '4633458b-17de-408a-b874-0445c86b69e6', 'vault'],
    ['monitoringMetricsPublisher', '3913510d-42f4-4e42-8a64-420c390055eb', 'applicationInsights'],
  ])('grants the app %s (%s) on its own resource only', (role, guid, scope) => {
    expect(roles).toContain(`${role}: '${guid}'`);
    expect(roles).toMatch(new RegExp(`scope: ${scope}\\s+properties: \\{\\s+roleDefinitionId: subscriptionResourceId\\('Microsoft.Authorization/roleDefinitions', roles.${role}\\)\\s+principalId: principalId\\b`));
  });

  it('gives the app no broad roles (Owner, Contributor) and no subscription-wide assignment', () => {
    expect(allBicep).not.toMatch(/8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c/);
    expect(roles).not.toMatch(/scope: (subscription|resourceGroup)\(\)/);
  });

  it('requires Entra ID sign-in on every HTTP endpoint', () => {
    expect(functionApp).toMatch(/name: 'authsettingsV2'/);
    expect(functionApp).toMatch(/requireAuthentication: true/);
    expect(functionApp).toMatch(/unauthenticatedClientAction: 'RedirectToLoginPage'/);
    expect(functionApp).toMatch(/param authExcludedPaths array = \[\]/);
    // One list only, given once; deploymentSettings.test.ts checks it is exactly shared/access/anonymousPaths.ts.
    expect(main.match(/authExcludedPaths: .*/g)).toEqual(['authExcludedPaths: [']);
  });

  it('runs on Flex Consumption with Node.js 20 or 22 and deploys from blob storage by identity', () => {
    expect(functionApp).toMatch(/sku: \{ name: 'FC1', tier: 'FlexConsumption' \}/);
    expect(functionApp).toMatch(/runtime: \{ name: 'node', version: nodeVersion \}/);
    expect(functionApp).toMatch(/@allowed\(\['20', '22'\]\)/);
    expect(functionApp).toMatch(/type: 'UserAssignedIdentity'/);
    expect(functionApp).toMatch(/keyVaultReferenceIdentity: identityId/);
  });
});

describe('infra: the parameters example', () => {
  const parameters = readFileSync(join(INFRA_DIR, 'main.parameters.json'), 'utf8');

  it('is valid JSON holding azd placeholders, not secrets', () => {
    const parsed = JSON.parse(parameters).parameters as Record<string, { value: string }>;

    expect(Object.keys(parsed)).not.toEqual(expect.arrayContaining(['decisionSigningKeys']));
    for (const { value } of Object.values(parsed)) expect(value).toMatch(/^\$\{[A-Z_]+(=[^}]*)?\}$/);
  });

  it('names a value for every main.bicep parameter that has no default', () => {
    const parsed = JSON.parse(parameters).parameters as Record<string, unknown>;
    const required = [...main.matchAll(/^param (\w+) \w+$/gm)].map((m) => m[1]);

    expect(required.filter((p) => !(p in parsed))).toEqual([]);
  });
});
