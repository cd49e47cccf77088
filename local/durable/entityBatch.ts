import { schedulerId, type EntityOp } from './entityTypes';

type Operation = Extract<EntityOp, { kind: 'op' }>;

/**
 * The entity trigger's input as the SDK's Entity.handle reads it (DurableEntityBindingInfo):
 * the entity, whether it exists, its state as JSON text, and the batch of operations
 * (RequestMessage: id, name, signal, input as JSON text, parent).
 */
export function entityTriggerInput(entityId: string, name: string, key: string, state: string | null, batch: Operation[]): string {
  return JSON.stringify({
    self: { name, key },
    exists: state !== null,
    state: state ?? undefined,
    batch: batch.map((op) => ({
      id: op.requestId,
      name: op.name,
      signal: op.signal,
      input: op.input ?? undefined,
      parent: op.caller?.instanceId,
    })),
    entityId,
  });
}

/** One operation's outcome, and what the entity signalled while running it. */
export interface BatchOutcome {
  /** New state JSON; null when the entity no longer exists (deleted, or never set). */
  state: string | null;
  results: { isError: boolean; result: string | undefined }[];
  signals: { entityId: string; name: string; input: string | null }[];
}

const failed = (message: string): { isError: boolean; result: string } => ({ isError: true, result: JSON.stringify(message) });

/**
 * Reads the SDK's EntityState (entityExists, entityState, results, signals). Anything missing or
 * malformed fails the operations it concerns with a message, never the whole backend.
 */
export function readBatchOutcome(value: unknown, batchSize: number, previousState: string | null, entityName: string): BatchOutcome {
  const v = (value && typeof value === 'object' ? value : {}) as {
    entityExists?: unknown;
    entityState?: unknown;
    results?: unknown;
    signals?: unknown;
  };
  if (!Array.isArray(v.results)) {
    const message = `Entity function '${entityName}' returned no entity state (is it registered with df.app.entity?).`;
    return { state: previousState, results: Array.from({ length: batchSize }, () => failed(message)), signals: [] };
  }
  const state = v.entityExists === true ? (typeof v.entityState === 'string' ? v.entityState : null) : null;
  const results = Array.from({ length: batchSize }, (_, i) => {
    const r = (v.results as unknown[])[i] as { isError?: unknown; result?: unknown } | undefined;
    if (!r) return failed(`Entity function '${entityName}' returned no result for this operation.`);
    return { isError: r.isError === true, result: typeof r.result === 'string' ? r.result : undefined };
  });
  const signals: BatchOutcome['signals'] = [];
  for (const s of Array.isArray(v.signals) ? (v.signals as unknown[]) : []) {
    const sig = s as { target?: { name?: unknown; key?: unknown }; name?: unknown; input?: unknown };
    if (typeof sig.target?.name !== 'string' || typeof sig.target.key !== 'string' || typeof sig.name !== 'string') continue;
    signals.push({
      entityId: schedulerId(sig.target.name, sig.target.key),
      name: sig.name,
      input: typeof sig.input === 'string' && sig.input !== '' ? sig.input : null,
    });
  }
  return { state, results, signals };
}

/**
 * The EventRaised input that answers a call (ResponseMessage: `result` JSON text, `exceptionType`
 * when it failed). The SDK turns a failed one into Error(JSON.parse(result)).
 */
export function responseInput(r: { isError: boolean; result: string | undefined }, op: Operation): string {
  if (!r.isError) return JSON.stringify(r.result === undefined ? {} : { result: r.result });
  // The SDK serialises a thrown Error as `{}`; say which operation failed instead.
  const detail = r.result && r.result !== '{}' ? `: ${r.result}` : '';
  return JSON.stringify({ result: JSON.stringify(`Operation '${op.name}' on entity '${op.entityId}' failed${detail}`), exceptionType: 'Error' });
}
