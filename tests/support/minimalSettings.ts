import { randomBytes } from 'node:crypto';

/** What the local runtime would set: the minimum app settings to start, with a fresh signing key. */
export const minimalLocalSettings = (): Record<string, string> => ({
  TASKHUB_NAME: 'aigov',
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=http://localhost:8080;Authentication=None',
  SHAREPOINT_SITE_URL: 'http://localhost:7071/sites/aigov',
  PUBLIC_BASE_URL: 'http://localhost:7071',
  DECISION_SIGNING_KEYS: `dev:${randomBytes(16).toString('base64')}`,
  SMTP_HOST: 'localhost',
  SMTP_REQUIRE_TLS: 'false',
  MAIL_FROM: 'ai.governance@example.nhs.uk',
  GOVERNANCE_LEAD_EMAIL: 'governance.lead@example.nhs.uk',
});
