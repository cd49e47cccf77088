import { categoryLabel, harmLabel } from '../../shared/datix/datixFormLayout';
import { relatedToolLabel } from '../../shared/datix/incidentReport';
import { escapeHtml as e } from '../../shared/notify/email/escape';
import type { DatixRecord } from './datixStore';

export const DATIX_PATH = '/dev/datix';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' });
const when = (iso: string): string => `<time datetime="${e(iso)}">${e(dateTime.format(new Date(iso)))} UTC</time>`;

// Same look as the dev mailbox: NHS palette, every text/background pair at least 4.5:1.
const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;max-width:72rem;margin:0 auto;padding:0 1rem 2rem;line-height:1.5;color:#212b32;background:#fff}
a{color:#005eb8}a:visited{color:#330072}
a:focus{outline:4px solid #ffeb3b;outline-offset:0;background:#ffeb3b;color:#212b32;box-shadow:0 4px 0 #212b32}
.skip{position:absolute;left:-9999px}.skip:focus{position:static}
.hint{color:#4c6272}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid #d8dde0}
td{overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** Read-only list of what the stand-in recorded, newest first. All record text is escaped. */
export function datixListPage(records: readonly DatixRecord[], faultsPending: number): string {
  const rows = records
    .map((r) => {
      const i = r.incident;
      return `<tr><th scope="row">${e(r.reference)}</th><td>${when(r.receivedAt)}</td><td>${e(i.incidentId)}</td><td>${e(categoryLabel(i.category))}</td><td>${e(harmLabel(i.severity))}</td><td>${e(i.location)}</td><td>${e(relatedToolLabel(i))}</td><td>${e(i.description)}</td></tr>`;
    })
    .join('\n');
  const list =
    records.length === 0
      ? '<p>No incidents recorded yet. They appear here when the app escalates one with DATIX_ADAPTER=http.</p>'
      : `<table>
<caption class="visually-hidden">Recorded incidents, newest first</caption>
<thead><tr><th scope="col">Datix reference</th><th scope="col">Received</th><th scope="col">Our incident</th><th scope="col">Category</th><th scope="col">Severity</th><th scope="col">Location</th><th scope="col">AI tool</th><th scope="col">Description</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  const faults = faultsPending > 0 ? `<p role="status">Fault injection: the next ${faultsPending} API ${faultsPending === 1 ? 'request fails' : 'requests fail'}.</p>` : '';
  const title = `Datix stand-in: ${records.length} ${records.length === 1 ? 'incident' : 'incidents'}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><p><a href="/">Local runtime index</a></p></header>
<main id="main">
<h1>Datix stand-in</h1>
<p>Incidents the app escalated to the local stand-in for the Datix integration endpoint (<code>POST ${DATIX_PATH}/api/incidents</code>). Nothing leaves this computer. Read only.</p>
${faults}
${list}
<p class="hint">As JSON: <a href="${DATIX_PATH}/api/incidents">${DATIX_PATH}/api/incidents</a></p>
</main>
</body>
</html>
`;
}
