import { join } from 'node:path';
import type { LocalService, RuntimeContext, ServiceLink } from '../server/localService';
import { DATIX_PATH } from './datixPage';
import { createDatixRoute, LOCAL_DATIX_API_KEY } from './datixRoute';
import { DatixStore } from './datixStore';
import { FaultPlan } from './faults';

export type { DatixRecord } from './datixStore';
export { LOCAL_DATIX_API_KEY } from './datixRoute';

/**
 * The local stand-in for the organisation's Datix integration endpoint (the `http` adapter's
 * other end): records incidents in SQLite under the data folder, one per idempotency key, with
 * references like DATIX-000123, and fails on demand so the gateway's retries can be watched.
 */
export function createDatixStandIn(ctx: RuntimeContext): LocalService {
  const store = new DatixStore(join(ctx.dataDir, 'datix', 'incidents.sqlite'));
  const faults = new FaultPlan();
  let closed = false;
  return {
    name: 'datix',
    routes: [createDatixRoute({ store, faults, clock: ctx.clock, log: (m) => ctx.log(m) })],
    appSettings: () => ({
      DATIX_ADAPTER: 'http',
      DATIX_HTTP_URL: `${ctx.origin}${DATIX_PATH}/api/incidents`,
      DATIX_API_KEY: LOCAL_DATIX_API_KEY,
      DATIX_CAPTURE_FORM_URL: `${ctx.origin}${DATIX_PATH}`,
    }),
    links: (): ServiceLink[] => [{ label: 'Datix stand-in', url: `${ctx.origin}${DATIX_PATH}` }],
    close() {
      if (!closed) {
        closed = true;
        store.close();
      }
      return Promise.resolve();
    },
  };
}
