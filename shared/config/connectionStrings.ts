// Parsing of the `Key=Value;Key=Value` connection strings that Azure services use
// (Durable Task Scheduler, Application Insights). Keys compare case-insensitively, as the
// services themselves treat them.
import { z } from 'zod';
import { GUID_PATTERN, isHttpUrl } from './formats';

export type ConnectionStringParts = Readonly<Record<string, string>>;

/** Keys are lower-cased; returns undefined when a part has no `=` or a key repeats. */
export function parseConnectionString(value: string): ConnectionStringParts | undefined {
  const parts: Record<string, string> = {};
  for (const segment of value.split(';')) {
    if (segment.trim() === '') continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) return undefined;
    const key = segment.slice(0, eq).trim().toLowerCase();
    if (key in parts) return undefined;
    parts[key] = segment.slice(eq + 1).trim();
  }
  return parts;
}

const DTS_AUTHENTICATION = ['ManagedIdentity', 'DefaultAzure', 'WorkloadIdentity', 'Environment', 'AzureCli', 'None'];

export interface DurableTaskSchedulerConnection {
  endpoint: string;
  authentication: string;
  clientId?: string;
}

/** Endpoint=…;Authentication=…[;ClientID=…] — the form the azureManaged provider reads. */
export const durableTaskSchedulerConnection = () =>
  z.string().transform((raw, ctx): DurableTaskSchedulerConnection => {
    const parts = parseConnectionString(raw);
    const endpoint = parts?.endpoint ?? '';
    const authentication = DTS_AUTHENTICATION.find((a) => a.toLowerCase() === parts?.authentication?.toLowerCase());
    const clientId = parts?.clientid;
    if (!parts || !isHttpUrl(endpoint) || !authentication || (clientId !== undefined && !GUID_PATTERN.test(clientId))) {
      ctx.addIssue({
        code: 'custom',
        message: `expected Endpoint=<scheduler URL>;Authentication=<${DTS_AUTHENTICATION.join('|')}>[;ClientID=<GUID>]`,
      });
      return z.NEVER;
    }
    return { endpoint, authentication, ...(clientId ? { clientId } : {}) };
  });

export interface ApplicationInsightsConnection {
  raw: string;
  ingestionEndpoint: string;
}

export const applicationInsightsConnection = () =>
  z.string().transform((raw, ctx): ApplicationInsightsConnection => {
    const parts = parseConnectionString(raw);
    const ingestionEndpoint = parts?.ingestionendpoint ?? '';
    if (!parts?.instrumentationkey || !isHttpUrl(ingestionEndpoint)) {
      ctx.addIssue({ code: 'custom', message: 'expected InstrumentationKey=<GUID>;IngestionEndpoint=<URL>;…' });
      return z.NEVER;
    }
    return { raw, ingestionEndpoint };
  });

/** `Authorization=AAD;ClientId=<GUID>`: tells the host to send telemetry with Entra ID, not the key. */
export const applicationInsightsAuthentication = () =>
  z.string().transform((raw, ctx): { clientId: string } => {
    const parts = parseConnectionString(raw);
    const clientId = parts?.clientid ?? '';
    if (parts?.authorization?.toUpperCase() !== 'AAD' || !GUID_PATTERN.test(clientId)) {
      ctx.addIssue({ code: 'custom', message: 'expected Authorization=AAD;ClientId=<managed identity client id>' });
      return z.NEVER;
    }
    return { clientId };
  });
