import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock/clock';

/**
 * A piece of the embedded default (Durable backend, SharePoint emulator, mail sink, …).
 * All of them share one origin; each claims URL prefixes. New stand-ins plug in here: write a
 * factory returning a LocalService and add it to the list in `local/runtime.ts`.
 */
export interface RouteHandler {
  /** Path prefix on the shared origin, e.g. `/sites/aigov/_api/`. Longest prefix wins. */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface ServiceLink {
  label: string;
  url: string;
}

export interface LocalService {
  readonly name: string;
  readonly routes?: RouteHandler[];
  /** Settings the Functions app reads (process.env) to reach this stand-in, e.g. SHAREPOINT_SITE_URL. */
  appSettings?(): Record<string, string>;
  /** Lines `npm start` prints and the index page links. */
  links?(): ServiceLink[];
  /** Resolves when nothing is queued or running; the virtual clock waits on it between timers. */
  whenIdle?(): Promise<void>;
  /** Called after the Functions app is loaded and every service is mounted. */
  start?(): Promise<void>;
  close(): Promise<void>;
}

/** A LocalService's close() that releases what it holds the first time only: a second close does nothing. */
export function closeOnce(release: () => void): () => Promise<void> {
  let closed = false;
  return () => {
    if (!closed) {
      closed = true;
      release();
    }
    return Promise.resolve();
  };
}

export interface RuntimeContext {
  /** `http://localhost:PORT` once the server listens. */
  origin: string;
  port: number;
  dataDir: string;
  clock: Clock;
  log(message: string): void;
}
