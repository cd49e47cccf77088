import type { RouteHandler } from './server/localService';
import { readBody, sendJson } from './server/originServer';
import type { VirtualClock } from './clock/virtualClock';
import { addIsoDuration } from './clock/duration';

/**
 * Test control for the virtual clock (only mounted when the runtime runs on one):
 * `GET /dev/clock` → `{now}`; `POST /dev/clock/advance {"duration":"P2Y"}` or `{"to":"2027-01-06T00:00:00Z"}`
 * fires due timers in order and answers once everything has settled.
 */
export function createDevClockRoute(clock: VirtualClock): RouteHandler {
  return {
    prefix: '/dev/clock',
    handle: async (req, res) => {
      const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
      if (req.method === 'GET' && path === '/dev/clock') {
        sendJson(res, 200, { now: new Date(clock.now()).toISOString(), virtual: true });
        return;
      }
      if (req.method === 'POST' && path === '/dev/clock/advance') {
        let body: { duration?: unknown; to?: unknown };
        try {
          body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as typeof body;
        } catch {
          sendJson(res, 400, { error: 'The body must be JSON: {"duration":"P1D"} or {"to":"2027-01-06T00:00:00Z"}.' });
          return;
        }
        let target: number;
        try {
          if (typeof body.duration === 'string') target = addIsoDuration(clock.now(), body.duration);
          else if (typeof body.to === 'string' && !Number.isNaN(Date.parse(body.to))) target = Date.parse(body.to);
          else throw new Error('Give "duration" (ISO 8601, for example P2Y) or "to" (an ISO date-time).');
        } catch (err) {
          sendJson(res, 400, { error: (err as Error).message });
          return;
        }
        if (target < clock.now()) {
          sendJson(res, 400, { error: 'The clock only moves forward.' });
          return;
        }
        const now = await clock.advanceTo(target);
        sendJson(res, 200, { now: new Date(now).toISOString() });
        return;
      }
      if (req.method === 'POST' && path === '/dev/clock/settle') {
        await clock.settled();
        sendJson(res, 200, { now: new Date(clock.now()).toISOString() });
        return;
      }
      sendJson(res, 404, { error: 'Use GET /dev/clock, POST /dev/clock/advance or POST /dev/clock/settle.' });
    },
  };
}
