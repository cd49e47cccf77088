import type { ServerResponse } from 'node:http';
import type { RouteHandler } from '../server/localService';
import { sendJson } from '../server/originServer';
import { emailListPage, framedBody, MAILBOX_PATH, messagePage, notFoundPage, tabPage, type TabLink } from './mailboxPages';
import type { MailboxTab } from './mailboxTabs';
import type { MailStore } from './mailStore';

export interface MailboxRouteOptions {
  store: MailStore;
  tabs: () => MailboxTab[];
  origin: string;
  smtpAddress: () => string;
}

const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'";
// Served on its own, the stored HTML is still sandboxed: no scripts, no same-origin access.
const BODY_POLICY =
  "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * `/dev/mailbox`: the page people read, `messages.json` for scripts and tests, and
 * `DELETE /dev/mailbox/messages` to start a test from an empty mailbox.
 */
export function createMailboxRoute(options: MailboxRouteOptions): RouteHandler {
  const { store } = options;
  return {
    prefix: MAILBOX_PATH,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', options.origin);
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const method = req.method ?? 'GET';

      if (path === MAILBOX_PATH) {
        if (!isRead(method)) return notAllowed(res, 'GET');
        return listPage(url.searchParams.get('tab'), res);
      }
      if (path === `${MAILBOX_PATH}/messages.json`) {
        if (!isRead(method)) return notAllowed(res, 'GET');
        // ?after=<id>: only newer messages, so a script polling a busy mailbox reads little.
        const after = Number(url.searchParams.get('after') ?? 0);
        return sendJson(res, 200, store.list(Number.isInteger(after) && after > 0 ? after : 0), { 'cache-control': 'no-store' });
      }
      if (path === `${MAILBOX_PATH}/messages`) {
        if (method !== 'DELETE') return notAllowed(res, 'DELETE');
        return sendJson(res, 200, { deleted: store.clear() });
      }
      if (path === `${MAILBOX_PATH}/messages/clear`) {
        if (method !== 'POST') return notAllowed(res, 'POST');
        // A form on the page posts here; refuse posts from other sites' pages.
        const origin = req.headers.origin;
        if (origin && origin !== 'null' && new URL(origin).host !== url.host) return html(res, 403, notFoundPage('Only the dev mailbox page can delete messages.'));
        store.clear();
        res.writeHead(303, { location: MAILBOX_PATH });
        return void res.end();
      }
      const match = /^\/dev\/mailbox\/messages\/(\d+)(\/body\.html|\/raw\.eml)?$/.exec(path);
      if (match) {
        if (!isRead(method)) return notAllowed(res, 'GET');
        const message = store.get(Number(match[1]));
        if (!message) return html(res, 404, notFoundPage(`There is no message ${match[1]}. It may have been deleted.`));
        if (match[2] === '/body.html') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': BODY_POLICY, 'x-content-type-options': 'nosniff' });
          return void res.end(framedBody(message.html ?? ''));
        }
        if (match[2] === '/raw.eml') {
          res.writeHead(200, { 'content-type': 'message/rfc822', 'content-disposition': `attachment; filename="message-${message.id}.eml"` });
          return void res.end(store.raw(message.id));
        }
        return html(res, 200, messagePage(message));
      }
      return html(res, 404, notFoundPage(`Nothing is served at ${path}.`));
    },
  };

  async function listPage(tabId: string | null, res: ServerResponse): Promise<void> {
    const tabs = options.tabs();
    const itemsByTab = await Promise.all(tabs.map(async (t) => ({ tab: t, items: await t.items() })));
    const links: TabLink[] = [
      { id: 'email', label: 'Email', count: store.count() },
      ...itemsByTab.map(({ tab, items }) => ({ id: tab.id, label: tab.label, count: items.length })),
    ];
    const chosen = itemsByTab.find(({ tab }) => tab.id === tabId);
    if (chosen) return html(res, 200, tabPage(chosen.tab.label, chosen.tab.id, chosen.items, links, options.smtpAddress()));
    return html(res, 200, emailListPage(store.list(), links, options.smtpAddress()));
  }
}

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_POLICY, 'cache-control': 'no-store' });
  res.end(body);
}

function notAllowed(res: ServerResponse, allow: string): void {
  res.writeHead(405, { allow, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Use ${allow} here.`);
}
