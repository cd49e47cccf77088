import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../local/clock/clock';
import { SystemClock } from '../../../local/clock/systemClock';
import type { RuntimeContext } from '../../../local/server/localService';
import { OriginServer } from '../../../local/server/originServer';
import { createSharePointEmulator, type SharePointEmulator, type SharePointEmulatorOptions } from '../../../local/sharepoint';

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

/** The emulator in-process on an ephemeral port, with a temp data folder. */
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
