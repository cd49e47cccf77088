import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEMO_PEOPLE } from '../sharepoint/seed';
import { startRuntime, type Runtime } from '../runtime';
import { startAppServiceAuth, type AppServiceAuth } from './appServiceAuth';
import { deploymentAppSettings, deploymentExcludedPaths, type DeploymentInputs } from './deploymentSettings';
import { forward, listen, type Listening } from './forward';
import { graphGate, GRAPH_AUDIENCE, MAIL_AUDIENCE, sharePointGate, smtpTokenCheck } from './gates';
import { startIdentityEndpoint, type IdentityEndpoint } from './identityEndpoint';
import { resolveKeyVaultReferences } from './keyVault';
import { TokenAuthority } from './tokens';

/**
 * The production rehearsal's world: the compiled app on the local host with the app settings
 * infra/main.bicep gives it (its parameters filled as an azd environment would fill them), Key Vault
 * references resolved from a vault stand-in, a managed identity endpoint, App Service authentication
 * in front of the functions, and stand-ins that check every caller's credential as the real services do.
 */
export interface RehearsalOptions {
  repoRoot: string;
  dataDir: string;
  tls: { key: string; cert: string };
  virtualStart: number;
  /** Settings to leave out (a test of the start-up check). */
  without?: string[];
  log?: (message: string) => void;
}

export interface Rehearsal {
  runtime: Runtime;
  /** Where people and SharePoint's webhook reach the app: App Service authentication's front end. */
  appOrigin: string;
  /** The stand-ins behind HTTPS, as the app reaches them. */
  serviceOrigin: string;
  settings: Record<string, string>;
  /** Settings pointed at the stand-ins because the Bicep fixes them to the real service's address. */
  pointedAtStandIns: string[];
  datixKey: string;
  close(): Promise<void>;
}

const IDENTITY = { clientId: randomUUID(), principalId: randomUUID() };
const API_CLIENT_ID = randomUUID();
const SITE_ADMIN = randomUUID();
const VAULT = 'kv-aigov-rehearsal';
const MAILBOX = 'ai.governance@example.nhs.uk';
const TEAMS_APP_ID = randomUUID();
// Only the stand-ins are served behind the HTTPS front; the functions only behind App Service authentication.
const STAND_IN_PATHS = ['/sites/', '/dev/graph/', '/dev/datix', '/dev/mailbox'];

export async function startRehearsal(options: RehearsalOptions): Promise<Rehearsal> {
  const authority = new TokenAuthority();
  let origin = '';
  const upstream = () => origin;
  const services: Listening = await listen((req, res) => {
    if (!STAND_IN_PATHS.some((p) => (req.url ?? '').startsWith(p))) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not a stand-in path');
    forward(req, res, upstream, req.headers);
  }, options.tls);
  const sharePointAudience = services.origin;
  const identity: IdentityEndpoint = await startIdentityEndpoint({
    authority,
    ...IDENTITY,
    // What docs/deployment.md has the deployment grant the identity: Sites.Selected (with write on the
    // site), TeamsActivity.Send on Graph, SMTP.SendAsApp on Exchange Online.
    grants: { [sharePointAudience]: ['Sites.Selected'], [GRAPH_AUDIENCE]: ['TeamsActivity.Send'], [MAIL_AUDIENCE]: ['SMTP.SendAsApp'] },
  });
  const excludedPaths = (inputs: DeploymentInputs) => deploymentExcludedPaths(join(options.repoRoot, 'infra'), inputs);
  let auth: AppServiceAuth | undefined;
  const datixKey = randomBytes(24).toString('base64url');
  const pointedAtStandIns = ['SMTP_PORT', 'GRAPH_BASE_URL'];
  let settings: Record<string, string> = {};

  const runtime = await startRuntime({
    port: 0,
    smtpPort: 0,
    dataDir: options.dataDir,
    appDir: resolve(options.repoRoot),
    reset: true,
    virtualClock: true,
    virtualStart: options.virtualStart,
    seed: true,
    log: options.log,
    rehearsal: {
      gates: {
        // The app's identity holds write on the site (the Sites.Selected grant); the administrator's app provisions it.
        sharepoint: sharePointGate(authority, sharePointAudience, { [IDENTITY.clientId]: 'write', [SITE_ADMIN]: 'write' }),
        sharepointAdmin: {
          getToken: () => {
            const { token, expiresOn } = authority.issue({ aud: sharePointAudience, appid: SITE_ADMIN, roles: ['Sites.Selected'] });
            return Promise.resolve({ token, expiresOnTimestamp: expiresOn * 1000 });
          },
        },
        graph: graphGate(authority),
        smtp: { ...options.tls, verifyToken: smtpTokenCheck(authority, [MAILBOX]) },
        datix: (req) => req.headers['x-api-key'] === datixKey,
      },
      async appSettings(ctx, standIns) {
        origin = ctx.origin;
        const inputs = deploymentInputs(services.origin, 'https://localhost:0');
        auth = await startAppServiceAuth({
          upstream,
          tls: options.tls,
          excludedPaths: excludedPaths(inputs),
          people: [...DEMO_PEOPLE, { email: 'governance.lead@example.nhs.uk', name: 'Governance lead' }],
          authority,
          allowedAudiences: [`api://${API_CLIENT_ID}`, API_CLIENT_ID],
        });
        const fromBicep = deploymentAppSettings(join(options.repoRoot, 'infra'), deploymentInputs(services.origin, auth.origin));
        const vault = { [VAULT]: { 'decision-signing-keys': `rehearsal:${randomBytes(32).toString('base64')}`, 'datix-api-key': datixKey } };
        const { settings: resolved } = resolveKeyVaultReferences(fromBicep, vault);
        settings = {
          ...resolved,
          // Fixed in the Bicep to the real service (port 587, graph.microsoft.com): here, the stand-ins.
          SMTP_PORT: standIns.SMTP_PORT,
          GRAPH_BASE_URL: `${services.origin}/dev/graph`,
          // What App Service itself sets on the instance.
          WEBSITE_SITE_NAME: 'func-aigov-rehearsal',
          WEBSITE_HOSTNAME: standIns.WEBSITE_HOSTNAME,
          WEBSITE_AUTH_ENABLED: 'True',
          ...identity.env,
        };
        for (const name of options.without ?? []) delete settings[name];
        return settings;
      },
    },
  });
  if (!auth) throw new Error('App Service authentication did not start');
  const front = auth;
  return {
    runtime,
    appOrigin: front.origin,
    serviceOrigin: services.origin,
    settings,
    pointedAtStandIns,
    datixKey,
    async close() {
      await runtime.close();
      await front.close();
      await services.close();
      await identity.close();
    },
  };
}

/** The azd environment a deployment would have (`azd env set …`), pointed at the stand-ins, and what Azure would create. */
function deploymentInputs(serviceOrigin: string, appOrigin: string): DeploymentInputs {
  return {
    env: {
      AZURE_ENV_NAME: 'rehearsal',
      SHAREPOINT_SITE_URL: `${serviceOrigin}/sites/aigov`,
      PUBLIC_BASE_URL: appOrigin,
      SMTP_HOST: 'localhost',
      SMTP_USER: MAILBOX,
      MAIL_FROM: MAILBOX,
      GOVERNANCE_LEAD_EMAIL: 'governance.lead@example.nhs.uk',
      AUDIT_RISK_COMMITTEE_EMAIL: 'audit.committee@example.nhs.uk',
      TEAMS_APP_ID,
      DATIX_ADAPTER: 'http',
      DATIX_HTTP_URL: `${serviceOrigin}/dev/datix/api/incidents`,
      DATIX_CAPTURE_FORM_URL: `${serviceOrigin}/dev/datix`,
      AUTH_CLIENT_ID: API_CLIENT_ID,
    },
    outputs: {
      identity: { clientId: IDENTITY.clientId, principalId: IDENTITY.principalId, id: '/identity' },
      keyVault: { name: VAULT },
      storage: { name: 'staigovrehearsal', deploymentContainerUrl: 'https://staigovrehearsal.blob.core.windows.net/app-package' },
      durableTaskScheduler: { taskHubName: 'aigov', endpoint: 'https://dts-aigov.uksouth.durabletask.io' },
      monitoring: { connectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/' },
      roleAssignments: {},
    },
    tenantId: randomUUID(),
    subscriptionId: randomUUID(),
  };
}

