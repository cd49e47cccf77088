import { Cron } from 'croner';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, TimerHandle } from '../clock/clock';
import type { FunctionRegistry } from './functionRegistry';

interface ScheduleState {
  last?: string;
  next?: string;
  lastUpdated?: string;
}

/**
 * Runs the app's timer triggers on the runtime's clock: six-field NCRONTAB (seconds first),
 * `runOnStartup`, and `isPastDue` after downtime (a missed occurrence runs once on start, as the
 * Functions schedule monitor does). Schedule status persists in the data folder.
 */
export class TimerTriggers {
  private readonly handles = new Map<string, TimerHandle>();
  private readonly state: Record<string, ScheduleState>;
  private readonly file: string;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private savePending = false;

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly clock: Clock,
    dataDir: string,
    private readonly log: (message: string) => void,
  ) {
    this.file = join(dataDir, 'timer-triggers.json');
    this.state = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, ScheduleState>) : {};
  }

  start(): void {
    for (const fn of this.registry.list()) {
      if (fn.triggerType.toLowerCase() !== 'timertrigger') continue;
      const schedule = typeof fn.trigger.schedule === 'string' ? fn.trigger.schedule : '';
      const cron = parseSchedule(fn.name, schedule);
      const saved = this.state[fn.name];
      const now = this.clock.now();
      const missed = saved?.next !== undefined && Date.parse(saved.next) <= now;
      if (missed) this.run(fn.name, cron, true);
      else if (fn.trigger.runOnStartup === true) this.run(fn.name, cron, false);
      this.scheduleNext(fn.name, cron);
    }
  }

  whenIdle(): Promise<void> {
    return Promise.all([...this.inFlight]).then(() => undefined);
  }

  close(): void {
    this.closed = true;
    for (const h of this.handles.values()) this.clock.clearTimer(h);
    this.handles.clear();
  }

  private scheduleNext(name: string, cron: Cron): void {
    if (this.closed) return;
    const next = cron.nextRun(new Date(this.clock.now()));
    if (!next) return;
    this.state[name] = { ...this.state[name], next: next.toISOString(), lastUpdated: new Date(this.clock.now()).toISOString() };
    this.save();
    this.handles.set(
      name,
      this.clock.setTimer(next.getTime(), () => {
        this.run(name, cron, false);
        this.scheduleNext(name, cron);
      }),
    );
  }

  private run(name: string, cron: Cron, isPastDue: boolean): void {
    const saved = this.state[name] ?? {};
    const now = new Date(this.clock.now());
    // PascalCase as the host sends it; @azure/functions camel-cases timer input.
    const input = {
      Schedule: { AdjustForDST: true },
      ScheduleStatus: { Last: saved.last ?? null, Next: cron.nextRun(now)?.toISOString() ?? null, LastUpdated: saved.lastUpdated ?? null },
      IsPastDue: isPastDue,
    };
    this.state[name] = { ...saved, last: now.toISOString(), lastUpdated: now.toISOString() };
    this.save();
    const p = this.registry
      .invokeRaw(name, { json: JSON.stringify(input) })
      .then(() => undefined)
      .catch((err: unknown) => this.log(`Timer function '${name}' failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /**
   * Written once for all the changes of one turn (a firing records its run and its next
   * occurrence), whole to a new file renamed into place: rewriting the file in place is several
   * times slower on ext4 (it flushes a truncated file's data) and a kill mid-write would leave half
   * a file, which the next start could not read. Every virtual day of a long test writes it.
   */
  private save(): void {
    if (this.savePending) return;
    this.savePending = true;
    queueMicrotask(() => {
      this.savePending = false;
      writeFileSync(`${this.file}.next`, JSON.stringify(this.state, null, 2));
      renameSync(`${this.file}.next`, this.file);
    });
  }
}

export function parseSchedule(functionName: string, rawSchedule: string): Cron {
  // `%NAME%` takes the schedule from an app setting, as in Azure.
  const setting = /^%(.+)%$/.exec(rawSchedule.trim());
  const schedule = setting ? (process.env[setting[1]] ?? '') : rawSchedule;
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new Error(
      `Timer function '${functionName}' has schedule "${schedule}": use six NCRONTAB fields, seconds first (for example "0 0 7 * * *" for 07:00 every day).`,
    );
  }
  return new Cron(schedule, { paused: true, mode: '6-part', timezone: process.env.WEBSITE_TIME_ZONE ?? 'UTC' });
}
