// The one table of app settings: what each means, an example, whether it is secret, when it
// is required, and how its text is parsed. settings.ts builds the zod schema from this table,
// docs and the infra test read it, so a setting added here is validated, documented and
// checked against the Bicep in one go.
import { z } from 'zod';
import {
  applicationInsightsAuthentication,
  applicationInsightsConnection,
  durableTaskSchedulerConnection,
} from './connectionStrings';
import { absoluteUrl, boolean, emailAddress, emulatorBudget, emulatorLatency, guid, hostName, integer, oneOf, text } from './formats';
import { SIGNING_KEYS_EXPECTED, signingKeys } from './signingKeys';
import { datixHttpSignInProblems } from './datixSignIn';

export const ENVIRONMENTS = ['local', 'production'] as const;
export const SHAREPOINT_AUTH_MODES = ['managed-identity', 'certificate', 'none'] as const;
export const SMTP_AUTH_MODES = ['none', 'password', 'oauth2'] as const;
export const DATIX_ADAPTERS = ['manual', 'http', 'email'] as const;

/**
 * - `always`: needed to start, in every environment.
 * - `production`: may be absent locally (the local runtime does without), needed in Azure.
 * - `optional`: never needed; absent switches a feature off or uses the default.
 * `requiredWhen` adds a condition on another setting (e.g. DATIX_HTTP_URL when DATIX_ADAPTER=http).
 */
export type Requirement = 'always' | 'production' | 'optional';

export interface SettingSpec<S extends z.ZodType = z.ZodType> {
  meaning: string;
  /** Plain-English shape shown when the value is missing or wrong. */
  expected: string;
  /** Safe to publish: placeholders only, never a real secret. */
  example: string;
  /** Secret values live in Key Vault and reach the app as Key Vault references only. */
  secret: boolean;
  required: Requirement;
  requiredWhen?: { setting: string; oneOf: readonly string[] };
  /** Used when the setting is absent or blank. */
  default?: string;
  schema: S;
  /** Extra rule in production; returns what is wrong, or undefined. */
  inProduction?(value: z.output<S>): string | undefined;
}

// Keeps each entry's schema type, so the built zod object has precise output types.
const setting = <S extends z.ZodType>(spec: SettingSpec<S>): SettingSpec<S> => spec;

const httpsInProduction = (url: string) => (url.startsWith('https://') ? undefined : 'production needs an https:// URL');

// A switch that is off unless a setting turns it on.
const offUnlessSet = { expected: 'true or false', example: 'false', secret: false, required: 'optional', default: 'false', schema: boolean() } as const;

export const settingsCatalog = {
  ENVIRONMENT: setting({
    meaning: 'Which rules apply: production tightens TLS, URLs and key lengths',
    expected: 'local or production',
    example: 'production',
    secret: false,
    required: 'optional',
    default: 'local',
    schema: oneOf(ENVIRONMENTS),
  }),
  LOCAL_ANONYMOUS_ACCESS: setting({
    meaning:
      'On this computer only: requests without a signed-in person are let through as if anyone may act (the local runtime switches it on; the Bicep never sets it). Off, a request without a signed-in person gets 401 on every path but the anonymous ones',
    ...offUnlessSet,
    inProduction: (on) => (on ? 'sign-in is never optional in production; remove the setting' : undefined),
  }),
  TASKHUB_NAME: setting({
    meaning: 'Durable task hub name (host.json reads it as %TASKHUB_NAME%)',
    expected: 'letters, digits and hyphens, 3 to 64 characters',
    example: 'aigov',
    secret: false,
    required: 'always',
    schema: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, { error: 'expected letters, digits and hyphens, 3 to 64 characters' }),
  }),
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: setting({
    meaning: 'Durable Task Scheduler endpoint and how to authenticate (no keys: managed identity)',
    expected: 'Endpoint=<scheduler URL>;Authentication=ManagedIdentity;ClientID=<identity client id>',
    example: 'Endpoint=https://dts-aigov.uksouth.durabletask.io;Authentication=ManagedIdentity;ClientID=00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'always',
    schema: durableTaskSchedulerConnection(),
    inProduction: (c) =>
      !c.endpoint.startsWith('https://')
        ? 'production needs an https:// endpoint'
        : c.authentication !== 'ManagedIdentity' || !c.clientId
          ? 'production needs Authentication=ManagedIdentity and the ClientID of the user-assigned identity'
          : undefined,
  }),
  SHAREPOINT_SITE_URL: setting({
    meaning: 'The SharePoint site that holds the AI governance lists',
    expected: 'the absolute URL of the site',
    example: 'https://contoso.sharepoint.com/sites/aigov',
    secret: false,
    required: 'always',
    schema: absoluteUrl(),
    inProduction: httpsInProduction,
  }),
  SHAREPOINT_AUTH: setting({
    meaning: 'How the app signs in to SharePoint: managed identity (Azure), certificate, or none (local emulator only)',
    expected: SHAREPOINT_AUTH_MODES.join(', '),
    example: 'managed-identity',
    secret: false,
    required: 'optional',
    default: 'none',
    schema: oneOf(SHAREPOINT_AUTH_MODES),
    inProduction: (mode) => (mode === 'none' ? '"none" is only for the local SharePoint emulator' : undefined),
  }),
  SHAREPOINT_TENANT_ID: setting({
    meaning: 'Entra tenant of the app registration used for certificate sign-in to SharePoint',
    expected: 'a tenant GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    requiredWhen: { setting: 'SHAREPOINT_AUTH', oneOf: ['certificate'] },
    schema: guid().optional(),
  }),
  SHAREPOINT_CLIENT_ID: setting({
    meaning: 'App registration (client) id used for certificate sign-in to SharePoint',
    expected: 'a client id GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    requiredWhen: { setting: 'SHAREPOINT_AUTH', oneOf: ['certificate'] },
    schema: guid().optional(),
  }),
  SHAREPOINT_CERTIFICATE_PEM: setting({
    meaning: 'Private key and certificate (PEM) for certificate sign-in to SharePoint',
    expected: 'a PEM text with a private key and a certificate',
    example: '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=sharepoint-certificate)',
    secret: true,
    required: 'optional',
    requiredWhen: { setting: 'SHAREPOINT_AUTH', oneOf: ['certificate'] },
    schema: z.string().includes('PRIVATE KEY', { error: 'expected a PEM text containing a private key' }).optional(),
  }),
  // For benchmarks: SharePoint Online as it answers in production, slower and with a budget.
  SHAREPOINT_EMULATOR_LATENCY_MS: setting({
    meaning: 'On this computer only: how long the local SharePoint emulator waits before answering each call, fixed plus or minus a random jitter (0 answers at once)',
    expected: 'milliseconds, optionally with a jitter: 150, or 150+-50 (100 to 200 ms); at most 10000',
    example: '150+-50',
    secret: false,
    required: 'optional',
    default: '0',
    schema: emulatorLatency(),
    inProduction: (latency) => (latency.fixedMs > 0 || latency.jitterMs > 0 ? 'it slows the local SharePoint emulator only; remove the setting' : undefined),
  }),
  SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: setting({
    meaning: 'On this computer only: the resource units each app may spend per minute in the local SharePoint emulator before it answers 429 with Retry-After, as SharePoint Online does (off: never throttled)',
    expected: 'off, or a whole number of resource units per minute from 1 to 1000000 (SharePoint Online gives an app 1250 in a tenant of up to 1,000 licences)',
    example: '1250',
    secret: false,
    required: 'optional',
    default: 'off',
    schema: emulatorBudget(),
    inProduction: (budget) => (budget === undefined ? undefined : 'it throttles the local SharePoint emulator only; remove the setting'),
  }),
  PUBLIC_BASE_URL: setting({
    meaning: 'Where decision links in emails and Teams messages point (the Function App, or its custom domain)',
    expected: 'the absolute URL of the app, no trailing path',
    example: 'https://func-aigov.azurewebsites.net',
    secret: false,
    required: 'always',
    schema: absoluteUrl(),
    inProduction: httpsInProduction,
  }),
  WEB_PART_PAGE_URL: setting({
    meaning: 'The SharePoint page holding the AI governance web part, where emails send people to finish a request',
    expected: 'an absolute URL (the site itself when not set)',
    example: 'https://contoso.sharepoint.com/sites/aigov/SitePages/AI-governance.aspx',
    secret: false,
    required: 'optional',
    schema: absoluteUrl().optional(),
  }),
  DECISION_SIGNING_KEYS: setting({
    meaning: 'Keys that sign decision links: current first, then the previous one during a rotation',
    expected: SIGNING_KEYS_EXPECTED,
    example: '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=decision-signing-keys)',
    secret: true,
    required: 'always',
    schema: signingKeys(),
    // Production length rule lives in settings.ts with the other cross-checks (needs the ring).
  }),
  DECISION_LINK_TTL_HOURS: setting({
    meaning: 'How long a decision link works after it is sent',
    expected: 'a whole number of hours from 1 to 720',
    example: '168',
    secret: false,
    required: 'optional',
    default: '168',
    schema: integer(1, 720),
  }),
  SMTP_HOST: setting({
    meaning: 'Mail server the app submits email to',
    expected: 'a host name',
    example: 'send.nhs.net',
    secret: false,
    required: 'always',
    schema: hostName(),
  }),
  SMTP_PORT: setting({
    meaning: 'Mail server port (587 for STARTTLS submission)',
    expected: 'a port number from 1 to 65535',
    example: '587',
    secret: false,
    required: 'optional',
    default: '587',
    schema: integer(1, 65535),
  }),
  SMTP_REQUIRE_TLS: setting({
    meaning: 'Refuse to send mail unless the connection is encrypted',
    expected: 'true or false',
    example: 'true',
    secret: false,
    required: 'optional',
    default: 'true',
    schema: boolean(),
    // Production rule (this or SMTP_SECURE) is a cross-check in settings.ts.
  }),
  SMTP_SECURE: setting({
    meaning: 'Implicit TLS from the first byte (usually port 465); false means STARTTLS on 587',
    expected: 'true or false',
    example: 'false',
    secret: false,
    required: 'optional',
    default: 'false',
    schema: boolean(),
  }),
  SMTP_AUTH: setting({
    meaning: 'How the app signs in to the mail server: none (local sink or relay), password, or oauth2 (XOAUTH2 with an Entra token)',
    expected: SMTP_AUTH_MODES.join(', '),
    example: 'oauth2',
    secret: false,
    required: 'optional',
    default: 'none',
    schema: oneOf(SMTP_AUTH_MODES),
  }),
  SMTP_USER: setting({
    meaning: 'Mailbox the app signs in as (for NHSmail, the sending account)',
    expected: 'an email address',
    example: 'ai.governance@nhs.net',
    secret: false,
    required: 'optional',
    requiredWhen: { setting: 'SMTP_AUTH', oneOf: ['password', 'oauth2'] },
    schema: emailAddress().optional(),
  }),
  SMTP_PASSWORD: setting({
    meaning: 'Password for SMTP_USER (only for relays that still accept passwords)',
    expected: 'the password, from Key Vault',
    example: '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=smtp-password)',
    secret: true,
    required: 'optional',
    requiredWhen: { setting: 'SMTP_AUTH', oneOf: ['password'] },
    schema: text().optional(),
  }),
  SMTP_OAUTH_TENANT_ID: setting({
    meaning: 'Tenant of the mailbox when it is not ours (NHSmail); absent means the managed identity is used directly',
    expected: 'a tenant GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    schema: guid().optional(),
  }),
  SMTP_OAUTH_CLIENT_ID: setting({
    meaning: 'App registration in the mailbox tenant that trusts our managed identity (federated credential)',
    expected: 'a client id GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    schema: guid().optional(),
  }),
  MAIL_FROM: setting({
    meaning: 'From address on every email (must be the sending account for NHSmail)',
    expected: 'an email address',
    example: 'ai.governance@nhs.net',
    secret: false,
    required: 'always',
    schema: emailAddress(),
  }),
  MAIL_FROM_NAME: setting({
    meaning: 'Display name on the From line of every email',
    expected: 'up to 100 characters',
    example: 'AI governance',
    secret: false,
    required: 'optional',
    default: 'AI governance',
    schema: z.string().max(100, { error: 'expected up to 100 characters' }),
  }),
  GRAPH_BASE_URL: setting({
    meaning: 'Microsoft Graph root; the local runtime points it at its Graph stand-in',
    expected: 'an absolute URL',
    example: 'https://graph.microsoft.com',
    secret: false,
    required: 'optional',
    default: 'https://graph.microsoft.com',
    schema: absoluteUrl(),
    inProduction: httpsInProduction,
  }),
  TEAMS_APP_ID: setting({
    meaning: 'Id of our Teams app in the organisation catalogue; absent means approvers get email only',
    expected: 'a GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    schema: guid().optional(),
  }),
  DATIX_ADAPTER: setting({
    meaning: 'How incidents reach Datix: manual (task + capture form link), http (integration endpoint) or email (intake mailbox)',
    expected: DATIX_ADAPTERS.join(', '),
    example: 'manual',
    secret: false,
    required: 'optional',
    default: 'manual',
    schema: oneOf(DATIX_ADAPTERS),
  }),
  DATIX_HTTP_URL: setting({
    meaning: 'Integration endpoint that accepts incident escalations as JSON',
    expected: 'an absolute URL',
    example: 'https://datix-gateway.example.nhs.uk/incidents',
    secret: false,
    required: 'optional',
    requiredWhen: { setting: 'DATIX_ADAPTER', oneOf: ['http'] },
    schema: absoluteUrl().optional(),
    inProduction: (url) => (url === undefined ? undefined : httpsInProduction(url)),
  }),
  // With DATIX_ADAPTER=http, either DATIX_API_KEY or all four DATIX_OAUTH_* settings: a choice
  // between two groups, which requiredWhen cannot say, so settingCombinationProblems checks it.
  DATIX_API_KEY: setting({
    meaning: 'API key for the Datix integration endpoint (http adapter), unless it takes Entra sign-in (DATIX_OAUTH_* settings)',
    expected: 'the key, from Key Vault',
    example: '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=datix-api-key)',
    secret: true,
    required: 'optional',
    schema: text().optional(),
  }),
  DATIX_OAUTH_TENANT_ID: setting({
    meaning: 'Entra tenant that issues tokens for the Datix integration endpoint (http adapter with client credentials instead of an API key)',
    expected: 'a tenant GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    schema: guid().optional(),
  }),
  DATIX_OAUTH_CLIENT_ID: setting({
    meaning: 'App registration (client) id the app signs in to the Datix integration endpoint as',
    expected: 'a client id GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'optional',
    schema: guid().optional(),
  }),
  DATIX_OAUTH_CLIENT_SECRET: setting({
    meaning: 'Client secret of that app registration',
    expected: 'the secret, from Key Vault',
    example: '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=datix-oauth-client-secret)',
    secret: true,
    required: 'optional',
    schema: text().optional(),
  }),
  DATIX_OAUTH_SCOPE: setting({
    meaning: "Scope of the Datix integration endpoint's token: its application ID URI followed by /.default",
    expected: 'an application ID URI followed by /.default',
    example: 'api://datix-gateway/.default',
    secret: false,
    required: 'optional',
    schema: z
      .string()
      .regex(/^\S+\/\.default$/, { error: "expected the endpoint's application ID URI followed by /.default, e.g. api://datix-gateway/.default" })
      .optional(),
  }),
  DATIX_CAPTURE_FORM_URL: setting({
    meaning: "The organisation's Datix incident capture form, linked from manual escalation tasks",
    expected: 'an absolute URL',
    example: 'https://trust.datix.example/capture/?form_id=1&module=INC',
    secret: false,
    required: 'optional',
    requiredWhen: { setting: 'DATIX_ADAPTER', oneOf: ['manual', 'email'] },
    schema: absoluteUrl().optional(),
  }),
  DATIX_INTAKE_MAILBOX: setting({
    meaning: 'Monitored mailbox that receives incident escalations',
    expected: 'an email address',
    example: 'risk.intake@nhs.net',
    secret: false,
    required: 'optional',
    requiredWhen: { setting: 'DATIX_ADAPTER', oneOf: ['email'] },
    schema: emailAddress().optional(),
  }),
  GOVERNANCE_LEAD_EMAIL: setting({
    meaning: 'Governance lead (or shared mailbox) told about overdue steps, reviews and incidents',
    expected: 'an email address',
    example: 'ai.governance@nhs.net',
    secret: false,
    required: 'always',
    schema: emailAddress(),
  }),
  AUDIT_RISK_COMMITTEE_EMAIL: setting({
    meaning: "Audit and Risk Assurance Committee contact (the committee's secretary or mailbox), told when a policy review is 7 and 30 days overdue",
    expected: 'an email address',
    example: 'audit.committee@nhs.net',
    secret: false,
    required: 'production',
    schema: emailAddress().optional(),
  }),
  // Not a secret: with local authentication disabled on the component, telemetry is accepted
  // only with an Entra token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), not with this key.
  APPLICATIONINSIGHTS_CONNECTION_STRING: setting({
    meaning: 'Application Insights resource that receives logs and traces',
    expected: 'InstrumentationKey=<GUID>;IngestionEndpoint=<URL>;…',
    example: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
    secret: false,
    required: 'production',
    schema: applicationInsightsConnection().optional(),
  }),
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: setting({
    meaning: 'Makes the Functions host send telemetry with the managed identity (Entra auth)',
    expected: 'Authorization=AAD;ClientId=<identity client id>',
    example: 'Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'production',
    schema: applicationInsightsAuthentication().optional(),
  }),
  AZURE_CLIENT_ID: setting({
    meaning: 'Client id of the user-assigned managed identity the app uses for every Azure and Graph call',
    expected: 'a client id GUID',
    example: '00000000-0000-0000-0000-000000000000',
    secret: false,
    required: 'production',
    schema: guid().optional(),
  }),
};

export type SettingsCatalog = typeof settingsCatalog;
export type SettingName = keyof SettingsCatalog;

export const settingNames = Object.keys(settingsCatalog) as SettingName[];

/** The settings whose names start with one of the prefixes: an adapter's slice (`DATIX_`, or `SMTP_` and `MAIL_`). */
export function settingsNamed<P extends string>(...prefixes: P[]): Extract<SettingName, `${P}${string}`>[] {
  return settingNames.filter((name): name is Extract<SettingName, `${P}${string}`> => prefixes.some((p) => name.startsWith(p)));
}

export function settingSpec(name: SettingName): SettingSpec {
  return settingsCatalog[name];
}

/**
 * Rules about several settings together that `requiredWhen` cannot express (one of two groups).
 * `resolved` holds the values as read (defaults applied, blanks dropped). Each problem's message
 * starts with the setting's name, like the other messages of the start-up check.
 */
export function settingCombinationProblems(resolved: Readonly<Partial<Record<SettingName, string>>>): { setting: SettingName; message: string }[] {
  if (resolved.DATIX_ADAPTER !== 'http') return [];
  return datixHttpSignInProblems((name) => resolved[name as SettingName] !== undefined).map((p) => ({
    setting: p.setting as SettingName,
    message: `${p.setting} ${p.message.startsWith('is required') ? `is missing: it ${p.message}` : p.message}.`,
  }));
}
