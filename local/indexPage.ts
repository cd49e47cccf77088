import type { Clock } from './clock/clock';
import { devPage, escapeHtml } from './server/devPage';
import type { RouteHandler, ServiceLink } from './server/localService';


/** `/`: one page linking every local service, so a newcomer sees what `npm start` runs. */
export function createIndexRoute(links: () => ServiceLink[], clock: Clock): RouteHandler {
  return {
    prefix: '/',
    handle: (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/' && path !== '/index.html') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Nothing is served at ${path}. The index page at / lists what is.`);
        return;
      }
      const items = links()
        .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a> <span class="url">${escapeHtml(l.url)}</span></li>`)
        .join('\n');
      const clockNote = clock.virtual ? `<p>This runtime uses a virtual clock, now at ${new Date(clock.now()).toISOString()}.</p>` : '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        devPage(
          'AI governance workflow: local runtime',
          `<h1>AI governance workflow: local runtime</h1>
<p>Everything below runs on this computer. Nothing is sent to Azure, SharePoint Online or real mailboxes.</p>
<p>New here? Start with the <a href="/workbench">workbench</a>: the SharePoint web part in your browser, where you can sign in as the requester, each approver and the governance lead and walk a request through to approval.</p>
${clockNote}
<h2>Services</h2>
<ul>
${items}
</ul>`,
          { isIndex: true, extraStyle: '.url{color:#4c6272;font-size:.9em}' },
        ),
      );
    },
  };
}
