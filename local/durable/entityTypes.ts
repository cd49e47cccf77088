/**
 * Durable entities as the durable-functions SDK and the Azure host see them. An entity is
 * addressed by its scheduler id `@<name lower-cased>@<key>` (the SDK's EntityId.toString);
 * everything sent to it is an operation in its queue, processed one at a time in arrival order.
 */

/** Who sent an operation and waits for its answer (a lock request's owner, a caller). */
export interface EntityCaller {
  instanceId: string;
  executionId: string;
}

/**
 * One message in an entity's queue: an operation (a call waits for a response, a signal does
 * not), a lock request of a critical section (granted in lock-set order, one entity after the
 * other, as the Azure host does), or the release of such a lock.
 */
export type EntityOp =
  | { id: number; entityId: string; kind: 'op'; requestId: string; name: string; input: string | null; signal: boolean; caller?: EntityCaller }
  | { id: number; entityId: string; kind: 'lock'; requestId: string; lockSet: string[]; pos: number; caller: EntityCaller }
  | { id: number; entityId: string; kind: 'release'; requestId: string; caller: EntityCaller };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEntityOp = DistributiveOmit<EntityOp, 'id'>;

/** What the engine and the episode commit need from the entity scheduler. */
export interface EntityPort {
  /** Persists an operation inside the caller's transaction; hand it to `accept` after the commit. */
  insertInTx(op: NewEntityOp): EntityOp;
  /** Queues operations whose transaction has committed. */
  accept(ops: EntityOp[]): void;
  /** An entity batch is queued, running or committing. */
  isBusy(): boolean;
  start(): void;
  close(): void;
}

export function schedulerId(name: string, key: string): string {
  return `@${name.toLowerCase()}@${key}`;
}

/** `@name@key` → parts; undefined when the text is not a scheduler id (an orchestration id). */
export function parseSchedulerId(id: string): { name: string; key: string } | undefined {
  if (!id.startsWith('@')) return undefined;
  const at = id.indexOf('@', 1);
  if (at < 2) return undefined;
  return { name: id.slice(1, at), key: id.slice(at + 1) };
}
