import type { FunctionsHost } from './functions-host';
import type { LocalService, RuntimeContext } from './server/localService';

export interface StandInOptions {
  smtpPort: number;
  seed: boolean;
}

/**
 * The local stand-ins, in start order. A new stand-in (Graph, Datix, workbench, …) is a factory
 * returning a LocalService, added to this list; nothing else in the runtime changes.
 */
export async function createStandIns(ctx: RuntimeContext, host: FunctionsHost, options: StandInOptions): Promise<LocalService[]> {
  void ctx;
  void host;
  void options;
  return Promise.resolve([]);
}
