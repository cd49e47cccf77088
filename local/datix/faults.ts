import { z } from 'zod';

/**
 * Fault injection, in memory only (a restart clears it), so tests and people can watch the
 * gateway cope:
 * - `{"status":503,"count":3,"retryAfter":0}`: the next `count` API requests fail with `status`
 *   (and a Retry-After header when given);
 * - `{"hangAfterRecording":1}`: the next recording is stored but never answered, as when the
 *   network or our host dies between Datix saving a record and us hearing its reference. The
 *   caller's retry (same idempotency key) then gets the same reference back.
 */
const statusFault = z.strictObject({
  status: z.number({ error: 'give status, an HTTP status from 400 to 599' }).int().min(400, 'status must be from 400 to 599').max(599, 'status must be from 400 to 599'),
  count: z.number({ error: 'give count, how many requests should fail' }).int().min(0, 'count must be 0 (clear) to 1000').max(1000, 'count must be 0 (clear) to 1000'),
  retryAfter: z.number().int().min(0, 'retryAfter must be whole seconds, 0 or more').optional(),
});
const hangFault = z.strictObject({
  hangAfterRecording: z.number({ error: 'give hangAfterRecording, how many recordings go unanswered' }).int().min(0).max(100, 'hangAfterRecording must be 0 (clear) to 100'),
});
export type FaultRequest = z.output<typeof statusFault>;
type AnyFault = FaultRequest | z.output<typeof hangFault>;

/** One of the two shapes, chosen by its key, so a mistake is named at its field. */
export function parseFaultRequest(body: unknown): ReturnType<typeof statusFault.safeParse> | ReturnType<typeof hangFault.safeParse> {
  const hang = typeof body === 'object' && body !== null && 'hangAfterRecording' in body;
  return hang ? hangFault.safeParse(body) : statusFault.safeParse(body);
}

export class FaultPlan {
  private pending: FaultRequest | undefined;
  private hangs = 0;

  set(fault: AnyFault): void {
    if ('hangAfterRecording' in fault) {
      this.hangs = fault.hangAfterRecording;
      return;
    }
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

  /** Whether this recording goes unanswered; counts it down. */
  takeHang(): boolean {
    if (this.hangs <= 0) return false;
    this.hangs -= 1;
    return true;
  }

  remaining(): number {
    return this.pending?.count ?? 0;
  }

  hangsRemaining(): number {
    return this.hangs;
  }
}
