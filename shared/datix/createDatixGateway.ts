import type { TokenCredential } from '@azure/identity';
import { setTimeout as delay } from 'node:timers/promises';
import type { BackoffPolicy } from './backoff';
import { createEmailAdapter, type DatixMailer } from './emailAdapter';
import type { DatixGateway } from './gateway';
import { createHttpAdapter } from './httpAdapter';
import { createAuthHeaders } from './httpAuth';
import { createManualAdapter } from './manualAdapter';
import type { DatixSettings } from './settings';

export interface DatixGatewayDeps {
  fetch?: typeof fetch;
  /** Needed when DATIX_ADAPTER=email. */
  mailer?: DatixMailer;
  /** For OAuth client credentials; by default a ClientSecretCredential from the DATIX_OAUTH_* settings. */
  credential?: TokenCredential;
  /** Tests pass one that returns at once, so backoff never sleeps for real. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
}

/** The gateway the settings choose. Settings come from datixSettingsFrom. */
export function createDatixGateway(settings: DatixSettings, deps: DatixGatewayDeps = {}): DatixGateway {
  switch (settings.adapter) {
    case 'manual':
      return createManualAdapter(settings.captureFormUrl);
    case 'email':
      if (!deps.mailer) {
        throw new Error('DATIX_ADAPTER is "email" but no mailer was given to createDatixGateway: pass the notifier\'s mailer, or set DATIX_ADAPTER=manual.');
      }
      return createEmailAdapter({ intakeMailbox: settings.intakeMailbox, captureFormUrl: settings.captureFormUrl, mailer: deps.mailer });
    case 'http':
      return createHttpAdapter({
        url: settings.url,
        authHeaders: createAuthHeaders(settings.auth, deps.credential),
        fetch: deps.fetch ?? globalThis.fetch,
        sleep: deps.sleep ?? ((ms) => delay(ms)),
        now: deps.now ?? Date.now,
        random: deps.random ?? Math.random,
        ...(deps.backoff ? { backoff: deps.backoff } : {}),
        ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      });
  }
}
