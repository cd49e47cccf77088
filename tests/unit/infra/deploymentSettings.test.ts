import { join } from 'node:path';
import { resolveKeyVaultReferences } from '../../../local/rehearsal/keyVault';
import { ANONYMOUS_PATHS } from '../../../shared/access/anonymousPaths';
import { deploymentAppSettings, deploymentExcludedPaths, type DeploymentInputs } from '../../../local/rehearsal/deploymentSettings';
import { loadSettings } from '../../../shared/config/settings';
import { appSettingsIn, readBicepFiles } from './bicepText';

// The rehearsal reads the app settings from the Bicep and its parameters file; this checks the reading
// against what the Bicep writes, and that the result (secrets from a vault) is a configuration the app starts with.
const INFRA = join(__dirname, '..', '..', '..', 'infra');
const IDENTITY = '11111111-2222-3333-4444-555555555555';
const inputs = (env: Record<string, string> = {}): DeploymentInputs => ({
  env: {
    AZURE_ENV_NAME: 'rehearsal',
    SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/aigov',
    SMTP_USER: 'ai.governance@nhs.net',
    MAIL_FROM: 'ai.governance@nhs.net',
    GOVERNANCE_LEAD_EMAIL: 'governance.lead@nhs.net',
    AUDIT_RISK_COMMITTEE_EMAIL: 'audit.committee@nhs.net',
    DATIX_CAPTURE_FORM_URL: 'https://trust.datix.example/capture/?form_id=1&module=INC',
    AUTH_CLIENT_ID: '99999999-0000-0000-0000-000000000000',
    ...env,
  },
  outputs: {
    identity: { clientId: IDENTITY, principalId: 'p', id: '/id' },
    keyVault: { name: 'kv-aigov-rehearsal' },
    storage: { name: 'staigovrehearsal', deploymentContainerUrl: 'https://staigovrehearsal.blob.core.windows.net/app-package' },
    durableTaskScheduler: { taskHubName: 'aigov', endpoint: 'https://dts-aigov.uksouth.durabletask.io' },
    monitoring: { connectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/' },
    roleAssignments: {},
  },
  tenantId: '22222222-0000-0000-0000-000000000000',
  subscriptionId: '33333333-0000-0000-0000-000000000000',
});

describe('app settings read from the Bicep', () => {
  it('are the settings the Bicep writes, with the defaults a deployment gets (SMTP OAuth, its tenant and client)', () => {
    const settings = deploymentAppSettings(INFRA, inputs());
    const written = new Set([...readBicepFiles().values()].flatMap((text) => [...appSettingsIn(text).keys()]));
    expect(Object.keys(settings).filter((name) => !written.has(name))).toEqual([]);
    expect(settings).toMatchObject({
      ENVIRONMENT: 'production',
      SMTP_AUTH: 'oauth2',
      SMTP_HOST: 'send.nhs.net',
      SMTP_PORT: '587',
      SMTP_OAUTH_TENANT_ID: '',
      SMTP_OAUTH_CLIENT_ID: '',
      AZURE_CLIENT_ID: IDENTITY,
      DECISION_SIGNING_KEYS: '@Microsoft.KeyVault(VaultName=kv-aigov-rehearsal;SecretName=decision-signing-keys)',
      DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=https://dts-aigov.uksouth.durabletask.io;Authentication=ManagedIdentity;ClientID=${IDENTITY}`,
      WEBSITE_AUTH_AAD_ALLOWED_TENANTS: '22222222-0000-0000-0000-000000000000',
    });
    expect(settings.PUBLIC_BASE_URL).toMatch(/^https:\/\/func-aigov-[0-9a-f]{13}\.azurewebsites\.net$/);
    expect(settings).not.toHaveProperty('SMTP_PASSWORD');
    // Exactly the app's one list of anonymous paths: SharePoint's webhook and the public register.
    expect(deploymentExcludedPaths(INFRA, inputs())).toEqual([...ANONYMOUS_PATHS]);
  });

  it('follow the parameters: a password relay gets its secret reference, the Datix http adapter its sign-in', () => {
    expect(deploymentAppSettings(INFRA, inputs({ SMTP_AUTH: 'password' })).SMTP_PASSWORD).toBe('@Microsoft.KeyVault(VaultName=kv-aigov-rehearsal;SecretName=smtp-password)');
    const oauth = deploymentAppSettings(INFRA, inputs({ DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'https://datix.example/api', DATIX_AUTH: 'oauth' }));
    expect(oauth.DATIX_OAUTH_CLIENT_SECRET).toBe('@Microsoft.KeyVault(VaultName=kv-aigov-rehearsal;SecretName=datix-oauth-client-secret)');
    expect(oauth).not.toHaveProperty('DATIX_API_KEY');
    expect(deploymentAppSettings(INFRA, inputs({ DATIX_ADAPTER: 'http', DATIX_HTTP_URL: 'https://datix.example/api' })).DATIX_API_KEY).toMatch(/SecretName=datix-api-key/);
  });

  it('with the vault’s secrets resolved, are a configuration the app starts with; without them it names the setting', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const { settings, unresolved } = resolveKeyVaultReferences(deploymentAppSettings(INFRA, inputs()), { 'kv-aigov-rehearsal': { 'decision-signing-keys': `2026-12:${key}` } });
    expect(unresolved).toEqual([]);
    expect(() => loadSettings({ ...settings, WEBSITE_SITE_NAME: 'func-aigov', WEBSITE_AUTH_ENABLED: 'True' })).not.toThrow();
    const missing = resolveKeyVaultReferences(deploymentAppSettings(INFRA, inputs()), {});
    expect(missing.unresolved.map((u) => u.setting)).toEqual(['DECISION_SIGNING_KEYS']);
    expect(() => loadSettings({ ...missing.settings, WEBSITE_SITE_NAME: 'func-aigov' })).toThrow(/DECISION_SIGNING_KEYS/);
  });
});
