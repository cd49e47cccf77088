import { join } from 'node:path';
import { closeOnce, type LocalService, type RuntimeContext, type ServiceLink } from '../server/localService';
import { DATIX_PATH } from './datixPage';
import { createDatixRoute, LOCAL_DATIX_API_KEY, type DatixRouteDeps } from './datixRoute';
import { DatixStore } from './datixStore';
import { FaultPlan } from './faults';

export type { DatixRecord } from './datixStore';
export { LOCAL_DATIX_API_KEY } from './datixRoute';

/** Where the local intake mailbox is, when DATIX_ADAPTER=email (the dev mailbox shows it). */
export const LOCAL_DATIX_INTAKE_MAILBOX = 'datix.intake@example.nhs.uk';

/**
 * The app's Datix settings on this machine: the http adapter pointed at this stand-in, unless the
 * environment asks for another adapter (`DATIX_ADAPTER=manual npm start`, or a test's env), in
 * which case the stand-in still serves the capture form link and, for email, the intake mailbox
 * is a dev-mailbox address.
 */
export function datixAppSettings(origin: string, env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const captureForm = `${origin}${DATIX_PATH}`;
  switch (env.DATIX_ADAPTER?.trim()) {
    case 'manual':
      return { DATIX_ADAPTER: 'manual', DATIX_CAPTURE_FORM_URL: captureForm };
    case 'email':
      return { DATIX_ADAPTER: 'email', DATIX_CAPTURE_FORM_URL: captureForm, DATIX_INTAKE_MAILBOX: env.DATIX_INTAKE_MAILBOX?.trim() || LOCAL_DATIX_INTAKE_MAILBOX };
    default:
      return { DATIX_ADAPTER: 'http', DATIX_HTTP_URL: `${origin}${DATIX_PATH}/api/incidents`, DATIX_API_KEY: LOCAL_DATIX_API_KEY, DATIX_CAPTURE_FORM_URL: captureForm };
  }
}

/**
 * The local stand-in for the organisation's Datix integration endpoint (the `http` adapter's
 * other end): records incidents in SQLite under the data folder, one per idempotency key, with
 * references like DATIX-000123, and fails on demand so the gateway's retries can be watched.
 */
export function createDatixStandIn(ctx: RuntimeContext, options: { authorize?: DatixRouteDeps['authorize'] } = {}): LocalService {
  const store = new DatixStore(join(ctx.dataDir, 'datix', 'incidents.sqlite'));
  const faults = new FaultPlan();
  return {
    name: 'datix',
    routes: [createDatixRoute({ store, faults, clock: ctx.clock, log: (m) => ctx.log(m), authorize: options.authorize })],
    appSettings: () => datixAppSettings(ctx.origin, process.env),
    links: (): ServiceLink[] => [{ label: 'Datix stand-in', url: `${ctx.origin}${DATIX_PATH}` }],
    close: closeOnce(() => store.close()),
  };
}
