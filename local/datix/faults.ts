import { z } from 'zod';

/**
 * Fault injection: `POST /dev/datix/faults {"status":503,"count":3,"retryAfter":0}` makes the next
 * `count` API requests fail with `status` (and a Retry-After header when given), so tests and
 * people can watch the gateway retry. Kept in memory: a restart clears it.
 */
export const faultRequestSchema = z.strictObject({
  status: z.number({ error: 'give status, an HTTP status from 400 to 599' }).int().min(400, 'status must be from 400 to 599').max(599, 'status must be from 400 to 599'),
  count: z.number({ error: 'give count, how many requests should fail' }).int().min(0, 'count must be 0 (clear) to 1000').max(1000, 'count must be 0 (clear) to 1000'),
  retryAfter: z.number().int().min(0, 'retryAfter must be whole seconds, 0 or more').optional(),
});
export type FaultRequest = z.output<typeof faultRequestSchema>;

export class FaultPlan {
  private pending: FaultRequest | undefined;

  set(fault: FaultRequest): void {
    this.pending = fault.count > 0 ? { ...fault } : undefined;
  }

  /** The fault this request must suffer, if any; counts it down. */
  take(): FaultRequest | undefined {
    const fault = this.pending;
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.pending = undefined;
    return fault;
  }

  remaining(): number {
    return this.pending?.count ?? 0;
  }
}
