/**
 * Runs `pump` once on the next turn of the event loop however many times it is asked before then,
 * and not at all while `accepting()` is false: work queued in one synchronous burst (a commit that
 * readies many instances) is taken in one pass, and a closing engine starts nothing new.
 */
export class PumpTrigger {
  private scheduled = false;

  constructor(
    private readonly pump: () => void,
    private readonly accepting: () => boolean,
  ) {}

  get pending(): boolean {
    return this.scheduled;
  }

  request(): void {
    if (this.scheduled || !this.accepting()) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }
}
