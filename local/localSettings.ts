import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalService, RuntimeContext } from './server/localService';

/**
 * The app settings that no stand-in owns: the environment, public address, task hub, governance
 * lead, the Audit and Risk Assurance Committee contact and the decision-link signing key. The key is made once per data folder and kept there,
 * so links survive a restart and no secret is ever in the repository.
 */
export function createLocalSettings(ctx: RuntimeContext): LocalService {
  const secretsFile = join(ctx.dataDir, 'local-secrets.json');
  let secrets: { decisionSigningKeys: string };
  if (existsSync(secretsFile)) {
    secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as typeof secrets;
  } else {
    secrets = { decisionSigningKeys: `local1:${randomBytes(32).toString('base64')}` };
    writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  }
  return {
    name: 'local settings',
    appSettings: () => ({
      ENVIRONMENT: 'local',
      // The one switch for "no sign-in on this computer" (the workbench chooses who you are); a test
      // turns it off to see the app as App Service authentication leaves it.
      LOCAL_ANONYMOUS_ACCESS: process.env.LOCAL_ANONYMOUS_ACCESS ?? 'true',
      TASKHUB_NAME: process.env.TASKHUB_NAME ?? 'aigov',
      // Read by the Durable extension in Azure; the local backend ignores it but the app checks it is set.
      DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${ctx.origin}/durabletask;Authentication=None`,
      PUBLIC_BASE_URL: ctx.origin,
      // The workbench stands in for the SharePoint page that holds the web part.
      WEB_PART_PAGE_URL: `${ctx.origin}/workbench?view=myRequests`,
      DECISION_SIGNING_KEYS: secrets.decisionSigningKeys,
      GOVERNANCE_LEAD_EMAIL: 'governance.lead@example.nhs.uk',
      AUDIT_RISK_COMMITTEE_EMAIL: 'audit.committee@example.nhs.uk',
    }),
    close: () => Promise.resolve(),
  };
}
