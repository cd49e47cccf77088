import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import { SystemClock } from '../clock/systemClock';
import type { RuntimeContext } from '../server/localService';
import { OriginServer } from '../server/originServer';
import { createSharePointEmulator, type SharePointEmulator, type SharePointEmulatorOptions } from './index';

export interface EmulatorHarness {
  origin: string;
  siteUrl: string;
  server: OriginServer;
  emulator: SharePointEmulator;
  dataDir: string;
  /** Counts REST requests reaching the emulator (a $batch counts once). */
  requestCount(): number;
  close(): Promise<void>;
}

/**
 * The emulator alone, in-process on an ephemeral port with a temp data folder (tests, bench,
 * `npm run provision` dry runs). `npm start` mounts it in the full runtime instead.
 */
export async function startEmulator(options: SharePointEmulatorOptions & { clock?: Clock; dataDir?: string } = {}): Promise<EmulatorHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sp-emulator-'));
  const server = new OriginServer();
  const port = await server.listen(0);
  const origin = `http://127.0.0.1:${port}`;
  const ctx: RuntimeContext = { origin, port, dataDir, clock: options.clock ?? new SystemClock(), log: () => undefined };
  const emulator = createSharePointEmulator(ctx, options);
  let count = 0;
  for (const route of emulator.routes ?? []) {
    server.mount(route.prefix.includes('_api')
      ? { prefix: route.prefix, handle: (req, res) => { count++; return route.handle(req, res); } }
      : route);
  }
  await emulator.start?.();
  return {
    origin,
    siteUrl: emulator.siteUrl,
    server,
    emulator,
    dataDir,
    requestCount: () => count,
    async close() {
      await emulator.close();
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
