import type { RouteHandler } from '../server/localService';
import { NOT_JSON, readJson, sendJson } from '../server/originServer';
import { z } from 'zod';

export const DURABLE_FAULTS_PATH = '/dev/durable/faults';

const faultRequest = z.strictObject({
  raiseEvent: z.number({ error: 'give raiseEvent, how many raise-event calls should fail' }).int().min(0, 'raiseEvent must be 0 (clear) to 100').max(100, 'raiseEvent must be 0 (clear) to 100'),
});

/**
 * Fault injection, in memory only (a restart clears it): the next N raise-event calls answer 503,
 * as when the task hub cannot be reached, so a test can stop a caller between its own write and
 * the event (a decision claimed on its task row but never raised to its step).
 */
export class DurableFaults {
  private raiseEvents = 0;

  /** Whether this raise-event call must fail; counts it down. */
  takeRaiseEvent(): boolean {
    if (this.raiseEvents <= 0) return false;
    this.raiseEvents -= 1;
    return true;
  }

  route(): RouteHandler {
    return {
      prefix: DURABLE_FAULTS_PATH,
      handle: async (req, res) => {
        if (req.method !== 'POST') return sendJson(res, 405, { message: `POST ${DURABLE_FAULTS_PATH} with {"raiseEvent": N}.` });
        const body = await readJson(req);
        if (body === NOT_JSON) return sendJson(res, 400, { message: 'The body must be JSON: {"raiseEvent": N}.' });
        const parsed = faultRequest.safeParse(body);
        if (!parsed.success) return sendJson(res, 400, { message: parsed.error.issues.map((i) => i.message).join('; ') });
        this.raiseEvents = parsed.data.raiseEvent;
        return sendJson(res, 200, { raiseEvent: this.raiseEvents });
      },
    };
  }
}
