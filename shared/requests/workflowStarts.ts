/**
 * How many handed-over workflow starts run at once in one process. A start is a few calls (the
 * instance looked up, the submission's audit entry, the start itself), and each workflow started
 * goes on at once to its plan, its first stage's steps and their emails, all on the same event
 * loop as the request API; so a burst of submissions is answered at the pace of writing rows,
 * and its workflows follow a few at a time. (On this machine, 500 sent by 20 clients: two at a
 * time answered about 5% more a second than four, and four started the last workflow in about
 * two thirds of the time, with or without 150 ms a SharePoint call.)
 */
export const START_CONCURRENCY = 4;

interface HandedStart {
  settled: Promise<string | undefined>;
  begin(): void;
}

/**
 * The workflow starts the request API handed over after writing their rows, run oldest first,
 * `concurrency` at once. Nothing here is the guarantee: a row whose start is lost with the
 * process (or fails) has no workflow yet, and the list's change feed (on the row's creation)
 * or the repair step starts it, through the same use case and with the same keys, so it still
 * starts once. A caller that comes for a waiting start (the change feed reaching its row) takes
 * it over and runs it at once instead of starting it a second time.
 */
export class WorkflowStarts {
  private readonly waiting = new Map<number, HandedStart>();
  private readonly running = new Map<number, HandedStart>();

  constructor(
    private readonly concurrency: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Hands over the start of `requestId`'s workflow; settles when it has run (a start handed over twice runs once). */
  hand(requestId: number, start: () => Promise<string | undefined>): Promise<string | undefined> {
    const known = this.running.get(requestId) ?? this.waiting.get(requestId);
    if (known) return known.settled;
    let begin!: () => void;
    const settled = new Promise<void>((resolve) => (begin = resolve)).then(start);
    this.waiting.set(requestId, { settled, begin });
    settled
      .catch((err: unknown) => this.log(`The workflow of request ${requestId} did not start here (${err instanceof Error ? err.message : String(err)}); the list's change feed or the repair starts it.`))
      .finally(() => {
        this.running.delete(requestId);
        this.next();
      });
    this.next();
    return settled;
  }

  /** The start of `requestId` if it was handed over here and has not finished; a waiting one begins now. */
  claim(requestId: number): Promise<string | undefined> | undefined {
    const waiting = this.waiting.get(requestId);
    if (waiting) this.begin(requestId, waiting);
    return (waiting ?? this.running.get(requestId))?.settled;
  }

  /** Starts handed over and not yet finished. */
  get pending(): number {
    return this.waiting.size + this.running.size;
  }

  private begin(requestId: number, start: HandedStart): void {
    this.waiting.delete(requestId);
    this.running.set(requestId, start);
    start.begin();
  }

  private next(): void {
    for (const [requestId, start] of this.waiting) {
      if (this.running.size >= this.concurrency) return;
      this.begin(requestId, start);
    }
  }
}

/** This process's starts (the request API hands them over; the change feed and the repair claim them). */
export const workflowStarts = new WorkflowStarts(START_CONCURRENCY, (message) => console.warn(message));
