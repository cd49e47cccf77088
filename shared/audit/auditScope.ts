import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  owner: object;
  held: unknown[];
}

const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs one unit of work (an activity) with somewhere to hold audit events that need not be
 * written the moment they happen (a "Message sent" entry): they go with the next append the work
 * makes, and whatever is still held is written by `flush` before the work counts as done, also
 * when it fails (a message that went out stays on record). So an activity that sends messages
 * and records what it did makes one append, not one per message. `owner` is the audit log, so
 * two logs in one process never take each other's events.
 */
export async function runInAuditScope<T, E>(owner: object, flush: (held: E[]) => Promise<void>, work: () => Promise<T>): Promise<T> {
  const scope: Scope = { owner, held: [] };
  let result: T;
  try {
    result = await scopes.run(scope, work);
  } catch (err) {
    const held = scope.held.splice(0) as E[];
    if (held.length > 0) await flush(held).catch(() => undefined);
    throw err;
  }
  const held = scope.held.splice(0) as E[];
  if (held.length > 0) await flush(held);
  return result;
}

/** Holds an event in the running scope of `owner`; false when there is none (write it now). */
export function holdInAuditScope<E>(owner: object, event: E): boolean {
  const scope = scopes.getStore();
  if (scope?.owner !== owner) return false;
  scope.held.push(event);
  return true;
}

/** The events held in the running scope of `owner`, left there (the caller may change them). */
export function heldAuditEvents<E>(owner: object): readonly E[] {
  const scope = scopes.getStore();
  return scope?.owner === owner ? (scope.held as E[]) : [];
}

/** The events held in the running scope of `owner`, taken out (the caller writes them). */
export function takeHeldAuditEvents<E>(owner: object): E[] {
  const scope = scopes.getStore();
  return scope?.owner === owner ? (scope.held.splice(0) as E[]) : [];
}
