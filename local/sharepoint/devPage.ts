import type { IncomingMessage, ServerResponse } from 'node:http';
import { NOT_JSON, readJson, sendJson } from '../server/originServer';
import type { FaultInjector } from './faults';
import { faultSchema } from './faults';
import { restKey } from './fieldXml';
import type { SpStore } from './store';
import type { TrafficShaper } from './traffic';

function esc(s: unknown): string {
  const text = s === null || s === undefined ? '' : typeof s === 'string' ? s : typeof s === 'number' || typeof s === 'boolean' ? String(s) : JSON.stringify(s);
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#212b32}table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #aeb7bd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#e8edee}a{color:#005eb8}caption{text-align:left;font-weight:600}</style></head>
<body><main>${body}</main></body></html>`;
}

const SHOWN_ITEMS = 100;

/**
 * `/dev/sharepoint`: a read-only look at the emulated lists for newcomers, plus the fault
 * switch tests use (`POST /dev/sharepoint/faults {"status":429,"count":5,"retryAfter":1}`,
 * `DELETE` to clear, `GET` for the state) and the traffic counts benchmarks read
 * (`GET /dev/sharepoint/traffic`: calls, resource units and 429s, per app; `…/traffic/calls` the
 * latest calls with their times, to read a critical path).
 */
export function createDevHandler(store: SpStore, faults: FaultInjector, siteUrl: string, traffic: TrafficShaper) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/dev/sharepoint/faults') {
      if (req.method === 'GET') return sendJson(res, 200, faults.state());
      if (req.method === 'DELETE') {
        faults.clear();
        return sendJson(res, 200, faults.state());
      }
      if (req.method === 'POST') {
        const body = await readJson(req);
        if (body === NOT_JSON) return sendJson(res, 400, { error: 'The body must be JSON, e.g. {"status":429,"count":5,"retryAfter":1}.' });
        const parsed = faultSchema.safeParse(body);
        if (!parsed.success) {
          return sendJson(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
        }
        faults.set(parsed.data);
        return sendJson(res, 200, faults.state());
      }
      return sendJson(res, 405, { error: 'Use GET, POST or DELETE.' });
    }
    if (path === '/dev/sharepoint/traffic/calls') {
      // `?since=` (ms on the emulator's steady clock, as `now` gives): the calls that ended after it.
      return req.method === 'GET' ? sendJson(res, 200, { now: Math.round(traffic.clock()), calls: traffic.calls(Number(url.searchParams.get('since') ?? 0) || 0) }) : sendJson(res, 405, { error: 'Use GET.' });
    }
    if (path === '/dev/sharepoint/traffic') return req.method === 'GET' ? sendJson(res, 200, traffic.state()) : sendJson(res, 405, { error: 'Use GET.' });
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'This page is read-only.' });
    const listTitle = url.searchParams.get('list');
    let html: string;
    if (!listTitle) {
      const rows = store.lists().map((l) => `<tr><td><a href="/dev/sharepoint?list=${encodeURIComponent(l.title)}">${esc(l.title)}</a></td><td>${store.itemCount(l.id)}</td><td>${esc(l.description)}</td></tr>`).join('');
      html = page('SharePoint emulator', `<h1>SharePoint emulator</h1><p>Site: <code>${esc(siteUrl)}</code> (REST at <code>${esc(siteUrl)}/_api/</code>). Read-only view.</p>
<table><caption>Lists</caption><thead><tr><th scope="col">List</th><th scope="col">Items</th><th scope="col">Description</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No lists yet: run npm run provision.</td></tr>'}</tbody></table>`);
    } else {
      const list = store.listByTitle(listTitle);
      if (!list) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('Not found', `<h1>No list called ${esc(listTitle)}</h1><p><a href="/dev/sharepoint">All lists</a></p>`));
        return;
      }
      const fields = store.fields(list.id).filter((f) => !f.builtIn || f.internalName === 'Title');
      const items = store.db.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id DESC LIMIT ?').all(list.id, SHOWN_ITEMS) as { id: number; modified: string; data: string }[];
      const head = `<tr><th scope="col">ID</th>${fields.map((f) => `<th scope="col">${esc(f.title)}${f.indexed ? ' (indexed)' : ''}</th>`).join('')}<th scope="col">Modified</th></tr>`;
      const body = items.map((i) => {
        const data = JSON.parse(i.data) as Record<string, unknown>;
        return `<tr><td>${i.id}</td>${fields.map((f) => `<td>${esc(Array.isArray(data[restKey(f)]) ? (data[restKey(f)] as unknown[]).join(', ') : data[restKey(f)])}</td>`).join('')}<td>${esc(i.modified)}</td></tr>`;
      }).join('');
      html = page(`${list.title} — SharePoint emulator`, `<p><a href="/dev/sharepoint">All lists</a></p><h1>${esc(list.title)}</h1>
<p>${store.itemCount(list.id)} items; the newest ${SHOWN_ITEMS} are shown.</p><div style="overflow-x:auto"><table><caption>Items in ${esc(list.title)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  };
}
