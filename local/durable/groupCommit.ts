import type { DurableStore } from './store';

export class ClosedError extends Error {
  constructor() {
    super('The Durable backend is closed.');
  }
}

/**
 * Group commit: writes queued in the same turn of the event loop share one SQLite transaction
 * (each in its own savepoint, so one failing write does not undo the others). A commit is the
 * dominant cost of a work item; sharing it is most of the backend's throughput. Callers change
 * memory only after the returned promise resolves, i.e. after the data is committed.
 */
export class GroupCommit {
  private queue: { write: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void }[] = [];
  private scheduled = false;
  private closed = false;

  constructor(private readonly store: DurableStore) {}

  get pending(): boolean {
    return this.scheduled;
  }

  commit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Nothing more is written; what was not committed is redone after a restart. */
  close(): void {
    this.closed = true;
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (this.closed) {
      batch.forEach((item) => item.reject(new ClosedError()));
      return;
    }
    const outcomes: { ok: boolean; value?: unknown; error?: unknown }[] = [];
    try {
      this.store.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: this.store.transaction(item.write) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      batch.forEach((item) => item.reject(error));
      return;
    }
    batch.forEach((item, i) => (outcomes[i].ok ? item.resolve(outcomes[i].value) : item.reject(outcomes[i].error)));
  }
}
