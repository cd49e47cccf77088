import type { ApiResponse } from './apiTypes';
import { errorBody } from './errors';

export interface TrafficOptions {
  /** Added to every REST call before it is answered: `fixedMs` plus or minus up to `jitterMs`. */
  latency?: { fixedMs: number; jitterMs: number };
  /** Resource units an app may spend per minute; absent, nobody is throttled. */
  resourceUnitsPerMinute?: number;
  /** Milliseconds on a steady clock (tests pass their own); real time by default, never the virtual clock. */
  now?: () => number;
  random?: () => number;
}

/** One call as the emulator answered it, for reading a critical path: when it came, how long it took. */
export interface TracedCall {
  /** Milliseconds since the emulator started shaping, on its steady clock. */
  startMs: number;
  endMs: number;
  kind: string;
  /** A `$batch`'s parts, by kind. */
  parts?: string[];
  status: number;
}

/** How many of the latest calls `GET /dev/sharepoint/traffic/calls` keeps. */
export const TRACED_CALLS = 5000;

export interface TrafficCounts {
  /** REST calls answered (a `$batch` is one call). */
  calls: number;
  resourceUnits: number;
  throttled: number;
  /** The same, per app (the caller's User-Agent). */
  byApp: Record<string, { calls: number; resourceUnits: number; throttled: number }>;
  /** Calls per kind ("GET AI Audit Anchor items(n)"), to see where they go. */
  byKind: Record<string, number>;
}

/** "GET AI Requests items filter Status", from a REST path and its query. */
export function kindOf(method: string, url: URL): string {
  const path = decodeURIComponent(url.pathname).replace(/^.*?\/_api\//i, '');
  const list = /getbytitle\('([^']*)'\)/i.exec(path)?.[1];
  const tail = path.replace(/^web\/lists\/getbytitle\('[^']*'\)\/?/i, '').replace(/\(\d+\)/g, '(n)').replace(/\('[^']*'\)/g, "('…')");
  const filter = url.searchParams.get('$filter');
  const fields = filter ? [...new Set([...filter.matchAll(/(\w+(?:\/\w+)?) (?:eq|ne|lt|le|gt|ge) /g)].map((m) => m[1]))].join(',') : '';
  return [method, list, tail || 'list', fields && `filter ${fields}`].filter(Boolean).join(' ');
}

/**
 * What Microsoft charges for a request, in resource units: 1 for reading one item (or the web, a
 * list, a user), 2 for a query of several items and for every create, update and delete. The
 * figures are Microsoft Graph's published costs; SharePoint REST has no published cost, so the
 * Graph ones stand in. A `$batch` costs what its parts cost, counted one by one.
 */
/** The request lines of a `$batch` body (line endings already `\n`): method, then URL. */
export const batchParts = (batchBody: string): RegExpMatchArray[] => [...batchBody.matchAll(/^(GET|POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1/gm)];

export function resourceUnitsOf(method: string, path: string, batchBody?: string): number {
  if (batchBody !== undefined) {
    const parts = batchParts(batchBody);
    const methodOf = (part: RegExpMatchArray): string => {
      // PnPjs sends MERGE and DELETE as POST with X-HTTP-Method in the part's headers.
      const rest = batchBody.slice((part.index ?? 0) + part[0].length, batchBody.indexOf('\n\n', part.index ?? 0) + 1);
      return /x-http-method:\s*(\w+)/i.exec(rest)?.[1] ?? part[1];
    };
    return Math.max(1, parts.reduce((sum, part) => sum + resourceUnitsOf(methodOf(part), new URL(part[2], 'http://x').pathname), 0));
  }
  if (method !== 'GET' && method !== 'HEAD') return 2;
  const lower = decodeURIComponent(path).toLowerCase();
  // A collection of items (or changes) is a multi-item query; `items(7)` is one item.
  return /\/items\/?$|\/getchanges$|\/attachmentfiles\/?$|\/siteusers\/?$|\/fields\/?$|\/lists\/?$/.test(lower) ? 2 : 1;
}

/**
 * SharePoint Online as a benchmark meets it: a delay on every call, and a per-app budget of
 * resource units per minute beyond which a call is answered 429 with Retry-After (whole seconds)
 * and the preview RateLimit headers, before anything runs. The budget refills steadily (a token
 * bucket holding one minute's units), so a quiet app can spend a minute's worth at once.
 * SharePoint also charges the throttled calls; this emulator does not, so that a benchmark with
 * many callers measures the app's demand rather than a spiral of charged retries.
 */
export class TrafficShaper {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly buckets = new Map<string, { units: number; at: number }>();
  private readonly counts: TrafficCounts = { calls: 0, resourceUnits: 0, throttled: 0, byApp: {}, byKind: {} };
  private readonly traced: TracedCall[] = [];

  constructor(private readonly options: TrafficOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.random = options.random ?? Math.random;
  }

  /** The wait before answering this call, in milliseconds. */
  delayMs(): number {
    const latency = this.options.latency;
    if (!latency || (latency.fixedMs === 0 && latency.jitterMs === 0)) return 0;
    return Math.max(0, latency.fixedMs + (this.random() * 2 - 1) * latency.jitterMs);
  }

  /** Counts a call (a `$batch` part by part too) under its kind. */
  count(kind: string): void {
    this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
  }

  /** The steady clock calls are traced on. */
  clock(): number {
    return this.now();
  }

  /** Keeps a call in the trace (the newest TRACED_CALLS). */
  trace(call: TracedCall): void {
    this.traced.push(call);
    if (this.traced.length > TRACED_CALLS) this.traced.splice(0, this.traced.length - TRACED_CALLS);
  }

  /** The traced calls that ended after `sinceMs`, oldest first. */
  calls(sinceMs = 0): TracedCall[] {
    return this.traced.filter((c) => c.endMs >= sinceMs);
  }

  /** Charges the call to its app; returns the 429 to send when the app's budget is spent. */
  admit(app: string, units: number): ApiResponse | undefined {
    const perApp = (this.counts.byApp[app] ??= { calls: 0, resourceUnits: 0, throttled: 0 });
    this.counts.calls++;
    perApp.calls++;
    const limit = this.options.resourceUnitsPerMinute;
    if (limit === undefined) {
      this.charge(perApp, units);
      return undefined;
    }
    const perMs = limit / 60_000;
    const now = this.now();
    const bucket = this.buckets.get(app) ?? { units: limit, at: now };
    bucket.units = Math.min(limit, bucket.units + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(app, bucket);
    // A call dearer than a whole minute's budget (a large $batch) goes through once the bucket is full.
    if (bucket.units >= Math.min(units, limit)) {
      bucket.units -= units;
      this.charge(perApp, units);
      return undefined;
    }
    this.counts.throttled++;
    perApp.throttled++;
    // Enough has come back for this call once the bucket holds its units.
    const retryAfter = Math.max(1, Math.ceil((Math.min(units, limit) - bucket.units) / perMs / 1000));
    return {
      status: 429,
      headers: {
        'content-type': 'application/json;charset=utf-8',
        'retry-after': String(retryAfter),
        'ratelimit-limit': String(limit),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(retryAfter),
      },
      body: JSON.stringify(errorBody('-2147024860, Microsoft.SharePoint.SPRequestThrottledException', 'The request has been throttled. Please retry after the time given in the Retry-After header.', false)),
    };
  }

  private charge(perApp: { resourceUnits: number }, units: number): void {
    this.counts.resourceUnits += units;
    perApp.resourceUnits += units;
  }

  state(): TrafficCounts & { latency: TrafficOptions['latency'] | null; resourceUnitsPerMinute: number | null } {
    return {
      ...structuredClone(this.counts),
      latency: this.options.latency ?? null,
      resourceUnitsPerMinute: this.options.resourceUnitsPerMinute ?? null,
    };
  }
}
