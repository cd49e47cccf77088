import { randomBytes } from 'node:crypto';

const IDENTITY = '11111111-2222-3333-4444-555555555555';
const key32 = () => randomBytes(32).toString('base64');

/** What the Bicep sets once Key Vault references are resolved (placeholders, no real tenant). */
export const productionSettings = (): Record<string, string> => ({
  ENVIRONMENT: 'production',
  TASKHUB_NAME: 'aigov',
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=https://dts-aigov.uksouth.durabletask.io;Authentication=ManagedIdentity;ClientID=${IDENTITY}`,
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/aigov',
  SHAREPOINT_AUTH: 'managed-identity',
  PUBLIC_BASE_URL: 'https://func-aigov.azurewebsites.net',
  DECISION_SIGNING_KEYS: `2026-11:${key32()},2026-05:${key32()}`,
  SMTP_HOST: 'send.nhs.net',
  SMTP_AUTH: 'oauth2',
  SMTP_USER: 'ai.governance@nhs.net',
  MAIL_FROM: 'ai.governance@nhs.net',
  DATIX_ADAPTER: 'manual',
  DATIX_CAPTURE_FORM_URL: 'https://trust.datix.example/capture/?form_id=1&module=INC',
  GOVERNANCE_LEAD_EMAIL: 'ai.governance@nhs.net',
  AUDIT_RISK_COMMITTEE_EMAIL: 'audit.committee@nhs.net',
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `Authorization=AAD;ClientId=${IDENTITY}`,
  AZURE_CLIENT_ID: IDENTITY,
  WEBSITE_SITE_NAME: 'func-aigov',
  // Set by App Service when its authentication is on (the Bicep's authsettingsV2).
  WEBSITE_AUTH_ENABLED: 'True',
});
