import type { Settings } from '../config/settings';
import { DATIX_ADAPTERS } from '../config/settingsCatalog';

/**
 * The Datix gateway's slice of the app settings. They are validated once, with the rest, by
 * shared/config (which also checks the combinations: the capture form for manual and email, the
 * endpoint and one way of signing in for http), so this only shapes them for the gateway.
 */
export { DATIX_ADAPTERS };
export type DatixAdapterName = (typeof DATIX_ADAPTERS)[number];

export const DATIX_SETTING_NAMES = [
  'DATIX_ADAPTER',
  'DATIX_CAPTURE_FORM_URL',
  'DATIX_HTTP_URL',
  'DATIX_API_KEY',
  'DATIX_OAUTH_TENANT_ID',
  'DATIX_OAUTH_CLIENT_ID',
  'DATIX_OAUTH_CLIENT_SECRET',
  'DATIX_OAUTH_SCOPE',
  'DATIX_INTAKE_MAILBOX',
] as const;
export type DatixSettingSlice = Pick<Settings, (typeof DATIX_SETTING_NAMES)[number]>;

export type DatixHttpAuth =
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'oauth'; tenantId: string; clientId: string; clientSecret: string; scope: string };

export type DatixSettings =
  | { adapter: 'manual'; captureFormUrl: string }
  | { adapter: 'email'; captureFormUrl: string; intakeMailbox: string }
  | { adapter: 'http'; url: string; auth: DatixHttpAuth; captureFormUrl?: string };

export function datixSettingsFrom(raw: DatixSettingSlice): DatixSettings {
  // shared/config guarantees the settings each branch reads.
  switch (raw.DATIX_ADAPTER) {
    case 'manual':
      return { adapter: 'manual', captureFormUrl: raw.DATIX_CAPTURE_FORM_URL! };
    case 'email':
      return { adapter: 'email', captureFormUrl: raw.DATIX_CAPTURE_FORM_URL!, intakeMailbox: raw.DATIX_INTAKE_MAILBOX! };
    case 'http': {
      const auth: DatixHttpAuth =
        raw.DATIX_API_KEY !== undefined
          ? { kind: 'api-key', apiKey: raw.DATIX_API_KEY }
          : {
              kind: 'oauth',
              tenantId: raw.DATIX_OAUTH_TENANT_ID!,
              clientId: raw.DATIX_OAUTH_CLIENT_ID!,
              clientSecret: raw.DATIX_OAUTH_CLIENT_SECRET!,
              scope: raw.DATIX_OAUTH_SCOPE!,
            };
      return {
        adapter: 'http',
        url: raw.DATIX_HTTP_URL!,
        auth,
        ...(raw.DATIX_CAPTURE_FORM_URL ? { captureFormUrl: raw.DATIX_CAPTURE_FORM_URL } : {}),
      };
    }
  }
}
