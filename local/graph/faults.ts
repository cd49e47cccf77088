import { z } from 'zod';

/** `POST /dev/graph/faults`: the next `count` Graph calls get `status` (with Retry-After when given). */
export const FaultSchema = z.strictObject({
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)], {
    error: 'status must be 429, 500, 502, 503 or 504',
  }),
  count: z.number().int().min(1, 'count must be at least 1').max(10_000),
  /** Seconds, sent as the Retry-After header. */
  retryAfter: z.number().int().min(0).max(3600).optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

const CODES: Record<Fault['status'], string> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** Queued failures; each Graph call takes one until none are left. */
export class FaultInjector {
  private pending: Array<{ fault: Fault; left: number }> = [];

  add(fault: Fault): void {
    this.pending.push({ fault, left: fault.count });
  }

  clear(): void {
    this.pending = [];
  }

  remaining(): number {
    return this.pending.reduce((n, p) => n + p.left, 0);
  }

  /** The failure for this call, or undefined to answer normally. */
  next(): { status: number; code: string; retryAfter?: number } | undefined {
    const head = this.pending[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left <= 0) this.pending.shift();
    return { status: head.fault.status, code: CODES[head.fault.status], retryAfter: head.fault.retryAfter };
  }
}
