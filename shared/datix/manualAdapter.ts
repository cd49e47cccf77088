import type { DatixGateway } from './gateway';
import { buildManualEscalationTask } from './manualTask';
import { validateEscalation } from './validateEscalation';

/**
 * `manual` adapter (the default; works wherever Datix is): nothing is sent. The escalation
 * becomes a task for the risk / IG team to key the incident into Datix, and stays open until
 * they record the Datix reference.
 */
export function createManualAdapter(captureFormUrl: string): DatixGateway {
  return {
    adapter: 'manual',
    escalate(incident, idempotencyKey) {
      // Promise.resolve/reject, not async: the adapter does no I/O, but callers always await.
      try {
        const { report, key } = validateEscalation(incident, idempotencyKey);
        return Promise.resolve({ kind: 'awaiting-reference', instructions: buildManualEscalationTask(report, key, { captureFormUrl }) });
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
  };
}
