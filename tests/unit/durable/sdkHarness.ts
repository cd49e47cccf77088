import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as df from 'durable-functions';
// The SDK's own wrapper that turns a generator into the orchestrationTrigger handler.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createOrchestrator } = require('durable-functions/lib/src/util/testingUtils') as {
  createOrchestrator: (fn: df.OrchestrationHandler) => (trigger: unknown, context: unknown) => Promise<unknown>;
};
import type { Clock, TimerHandle } from '../../../local/clock/clock';
import { createDurableBackend, type DurableBackend } from '../../../local/durable';
import type { FunctionInvoker, RegisteredFunction, RpcTypedData } from '../../../local/functions-host/invoker';

/** A clock that moves only when told, firing due timers in order and settling between them. */
export class ManualClock implements Clock {
  readonly virtual = true;
  private timers: { at: number; callback: () => void; dead: boolean }[] = [];
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  setTimer(at: number, callback: () => void): TimerHandle {
    const timer = { at, callback, dead: false };
    if (at <= this.current) setImmediate(() => !timer.dead && callback());
    else this.timers.push(timer);
    return timer;
  }
  clearTimer(handle: TimerHandle): void {
    const timer = handle as unknown as { dead: boolean };
    timer.dead = true;
    this.timers = this.timers.filter((t) => t !== handle);
  }
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at);
      if (due.length === 0) break;
      this.current = Math.max(this.current, due[0].at);
      const now = due.filter((t) => t.at <= this.current);
      this.timers = this.timers.filter((t) => !now.includes(t));
      now.forEach((t) => t.callback());
    }
    this.current = target;
    await settle();
  }
}

export interface ActivityCall {
  name: string;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Runs orchestrators with the real SDK (JSON round trip included, as through the host) and holds
 * every activity call until the test settles it, so a test decides which results share a batch.
 */
export class SdkInvoker implements FunctionInvoker {
  readonly calls: ActivityCall[] = [];
  private readonly orchestrators = new Map<string, (trigger: unknown, context: unknown) => Promise<unknown>>();
  private readonly activities = new Set<string>();

  orchestration(name: string, fn: df.OrchestrationHandler): this {
    this.orchestrators.set(name, createOrchestrator(fn));
    return this;
  }
  activity(name: string): this {
    this.activities.add(name);
    return this;
  }
  get(name: string): RegisteredFunction | undefined {
    if (this.orchestrators.has(name)) return { name, triggerType: 'orchestrationTrigger', trigger: {} };
    if (this.activities.has(name)) return { name, triggerType: 'activityTrigger', trigger: {} };
    return undefined;
  }
  list(): RegisteredFunction[] {
    return [...this.orchestrators.keys(), ...this.activities].map((n) => this.get(n) as RegisteredFunction);
  }
  async invoke(name: string, data: RpcTypedData): Promise<unknown> {
    const input = JSON.parse(data.string ?? 'null') as unknown;
    const orchestrator = this.orchestrators.get(name);
    if (orchestrator) return JSON.parse(JSON.stringify(await orchestrator(input, new df.DummyOrchestrationContext(name)))) as unknown;
    return new Promise((resolve, reject) => this.calls.push({ name, input, resolve, reject }));
  }
  /** Waits (bounded) until `count` activity calls are pending. */
  async pending(count: number): Promise<ActivityCall[]> {
    for (let i = 0; i < 2000 && this.calls.length < count; i++) await new Promise((r) => setImmediate(r));
    if (this.calls.length < count) throw new Error(`expected ${count} activity calls, got ${this.calls.length}`);
    return this.calls.splice(0, count);
  }
}

export function startBackend(invoker: SdkInvoker, start = Date.parse('2026-03-02T09:00:00Z')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'durable-unit-'));
  const clock = new ManualClock(start);
  const backend: DurableBackend = createDurableBackend({ origin: 'http://localhost:1', port: 1, dataDir, clock, log: () => undefined }, invoker);
  void backend.start?.();
  return {
    backend,
    engine: backend.engine,
    clock,
    advance: (ms: number) => clock.advance(ms, () => backend.engine.whenIdle()),
    async stop() {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Backend = ReturnType<typeof startBackend>;

/** Runs a test's body on its harness (anything holding a started backend) and stops the backend however the body ends. */
export async function withBackend<H extends { rt: Backend }>(harness: H, body: (harness: H) => Promise<void>): Promise<void> {
  try {
    await body(harness);
  } finally {
    await harness.rt.stop();
  }
}

/**
 * Advances the clock by each of `steps` (ms) in turn; each advance must bring exactly one
 * activity call, which is answered with `answer`. Returns what `describe` says of each call.
 */
export async function oneCallPerAdvance(rt: Backend, invoker: SdkInvoker, steps: number[], answer: unknown, describe: (call: ActivityCall) => string): Promise<string[]> {
  const seen: string[] = [];
  for (const ms of steps) {
    const advanced = rt.advance(ms);
    const [call] = await invoker.pending(1);
    seen.push(describe(call));
    call.resolve(answer);
    await advanced;
  }
  return seen;
}

/** Advances the clock by `ms` (ms) and expects no activity call in that time, and the instance still running. */
export async function expectStillWaiting(rt: Backend, invoker: SdkInvoker, ms: number, instanceId: string): Promise<void> {
  await rt.advance(ms);
  expect(invoker.calls).toHaveLength(0);
  expect(rt.engine.store.getInstance(instanceId)?.status).toBe('Running');
}
