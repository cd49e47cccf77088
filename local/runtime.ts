import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from './clock/clock';
import { SystemClock } from './clock/systemClock';
import { VirtualClock } from './clock/virtualClock';
import { createDevClockRoute } from './devClock';
import { createFunctionsHost, type FunctionsHost } from './functions-host';
import { createIndexRoute } from './indexPage';
import type { LocalService, RuntimeContext, ServiceLink } from './server/localService';
import { OriginServer } from './server/originServer';
import { createStandIns } from './standIns';
import { createWorkbench } from './workbench';
import { withDevSignIn } from './workbench/devSignIn';
import { useClockProvider } from '../shared/time';
import { readinessGate } from './server/readiness';

export interface RuntimeOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** SMTP sink port; 0 picks a free port. */
  smtpPort: number;
  dataDir: string;
  /** The compiled Functions app folder (package.json with main, host.json). */
  appDir: string;
  /** Wipe the data folder first. */
  reset?: boolean;
  /** Use a virtual clock starting at this instant (or where it stopped last time). */
  virtualClock?: boolean;
  virtualStart?: number;
  /** Seed demo data on first start. */
  seed?: boolean;
  verbose?: boolean;
  log?: (message: string) => void;
}

export interface Runtime {
  origin: string;
  port: number;
  clock: Clock;
  services: LocalService[];
  host: FunctionsHost;
  links(): ServiceLink[];
  /** Resolves when every service is idle. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Composes the embedded default on one origin: the Functions host, the Durable backend and the
 * stand-ins for SharePoint, mail, Graph and Datix. The same compiled app runs here and in Azure;
 * only the settings each stand-in contributes differ.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? ((m: string) => console.log(m));
  const dataDir = resolve(options.dataDir);
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const clock = options.virtualClock ? openVirtualClock(dataDir, options.virtualStart) : new SystemClock();
  const server = new OriginServer();
  const port = await server.listen(options.port);
  const ctx: RuntimeContext = { origin: `http://localhost:${port}`, port, dataDir, clock, log };

  const host = createFunctionsHost(ctx, { appDir: options.appDir, verbose: options.verbose });
  const standIns = await createStandIns(ctx, host, { smtpPort: options.smtpPort, seed: options.seed ?? true });
  const services: LocalService[] = [host, ...standIns, createWorkbench(ctx)];

  const allIdle = (): Promise<void> => Promise.all(services.map((s) => s.whenIdle?.() ?? Promise.resolve())).then(() => undefined);
  const settle = async (): Promise<void> => {
    // Work hops between services (a timer starts an orchestration that calls SharePoint), and
    // due callbacks run on the next tick; settled means a pass in which everyone was already idle.
    for (;;) {
      await allIdle();
      await new Promise((r) => setImmediate(r));
      const busy = await Promise.race([allIdle().then(() => false), new Promise<boolean>((r) => setImmediate(() => r(true)))]);
      if (!busy) return;
    }
  };
  if (clock instanceof VirtualClock) clock.setSettle(settle);

  for (const service of services) {
    for (const [k, v] of Object.entries(service.appSettings?.() ?? {})) process.env[k] = v;
  }
  // The product app reads "now" through shared/time (same module file when it runs from this
  // repository), so HTTP functions follow the virtual clock in tests.
  useClockProvider(() => clock.now());
  host.loadApp();

  const links = (): ServiceLink[] => services.flatMap((s) => s.links?.() ?? []);
  // The workbench's "sign in as" reaches the functions as App Service's principal headers.
  const gate = readinessGate();
  for (const service of services) for (const route of service.routes ?? []) server.mount(service === host ? gate.hold(withDevSignIn(route)) : route);
  server.mount(createIndexRoute(() => links(), clock));
  if (clock instanceof VirtualClock) server.mount(createDevClockRoute(clock));

  // The host starts last: its runOnStartup timers may call the stand-ins, which must be ready.
  for (const service of standIns) await service.start?.();
  // Provisioned: functions may be called now (the host's start subscribes the list webhook,
  // whose validation handshake is itself a function call).
  gate.open();
  await host.start?.();

  return {
    origin: ctx.origin,
    port,
    clock,
    services,
    host,
    links,
    settle,
    async close() {
      for (const service of [...services].reverse()) await service.close();
      await server.close();
    },
  };
}

/** Virtual time survives a restart (crash tests restart on the same data folder). */
function openVirtualClock(dataDir: string, startAt?: number): VirtualClock {
  const file = join(dataDir, 'virtual-clock.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { now: number }).now : undefined;
  // Written whole and renamed into place, so a kill mid-write leaves the last moment, not half a file.
  const save = (now: number): void => {
    writeFileSync(`${file}.next`, JSON.stringify({ now }));
    renameSync(`${file}.next`, file);
  };
  const start = saved ?? startAt ?? Date.now();
  // Saved at once, not only when it moves: a host killed before the first advance restarts at the
  // same virtual moment, not at the machine's time.
  if (saved === undefined) save(start);
  return new VirtualClock(start, save);
}
