import { z } from 'zod';
import type { ApiResponse } from './apiTypes';
import { errorBody } from './errors';

export const faultSchema = z.strictObject({
  status: z.union([z.literal(429), z.literal(503), z.literal(500)]),
  /** How many of the next REST requests get the fault. */
  count: z.number().int().min(1).max(100_000),
  /** Seconds, sent as Retry-After. */
  retryAfter: z.number().int().min(0).max(3600).optional(),
  /** Only requests whose path contains this text (case-insensitive), e.g. "$batch" or "AI Requests". */
  match: z.string().min(1).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

/**
 * Fault injection for retry tests: the next `count` REST requests answer `status` with
 * Retry-After, before anything is executed (as SharePoint throttling does), so a throttled write
 * never half-happens.
 */
export class FaultInjector {
  private fault: (Fault & { remaining: number }) | null = null;
  private hits = 0;

  set(fault: Fault): void {
    this.fault = { ...fault, remaining: fault.count };
    this.hits = 0;
  }
  clear(): void {
    this.fault = null;
  }
  state(): { active: boolean; remaining: number; served: number; fault: Fault | null } {
    return { active: !!this.fault && this.fault.remaining > 0, remaining: this.fault?.remaining ?? 0, served: this.hits, fault: this.fault };
  }

  /** The fault response for this request, or undefined to let it through. */
  take(path: string): ApiResponse | undefined {
    const f = this.fault;
    if (!f || f.remaining <= 0) return undefined;
    if (f.match && !decodeURIComponent(path).toLowerCase().includes(f.match.toLowerCase())) return undefined;
    f.remaining--;
    this.hits++;
    const message = f.status === 429
      ? 'The request has been throttled. Please retry after the time given in the Retry-After header.'
      : f.status === 503 ? 'The service is temporarily unavailable.' : 'Internal server error (injected by the local SharePoint emulator).';
    return {
      status: f.status,
      headers: { 'content-type': 'application/json;charset=utf-8', ...(f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {}) },
      body: JSON.stringify(errorBody(f.status === 429 ? '-2147024860, Microsoft.SharePoint.SPRequestThrottledException' : '-1, Microsoft.SharePoint.SPException', message, false)),
    };
  }
}
