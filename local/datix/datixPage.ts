import { categoryLabel, harmLabel } from '../../shared/datix/datixFormLayout';
import { relatedToolLabel } from '../../shared/datix/incidentReport';
import { devPage, escapeHtml as e, listTable } from '../server/devPage';
import type { DatixRecord } from './datixStore';

export const DATIX_PATH = '/dev/datix';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' });
const when = (iso: string): string => `<time datetime="${e(iso)}">${e(dateTime.format(new Date(iso)))} UTC</time>`;


/** Read-only list of what the stand-in recorded, newest first. All record text is escaped. */
export function datixListPage(records: readonly DatixRecord[], faultsPending: number): string {
  const rows = records.map((r) => {
    const i = r.incident;
    return `<tr><th scope="row">${e(r.reference)}</th><td>${when(r.receivedAt)}</td><td>${e(i.incidentId)}</td><td>${e(categoryLabel(i.category))}</td><td>${e(harmLabel(i.severity))}</td><td>${e(i.location)}</td><td>${e(relatedToolLabel(i))}</td><td>${e(i.description)}</td></tr>`;
  });
  const list =
    records.length === 0
      ? '<p>No incidents recorded yet. They appear here when the app escalates one with DATIX_ADAPTER=http.</p>'
      : listTable('Recorded incidents, newest first', ['Datix reference', 'Received', 'Our incident', 'Category', 'Severity', 'Location', 'AI tool', 'Description'], rows);
  const faults = faultsPending > 0 ? `<p role="status">Fault injection: the next ${faultsPending} API ${faultsPending === 1 ? 'request fails' : 'requests fail'}.</p>` : '';
  const title = `Datix stand-in: ${records.length} ${records.length === 1 ? 'incident' : 'incidents'}`;
  return devPage(
    title,
    `<h1>Datix stand-in</h1>
<p>Incidents the app escalated to the local stand-in for the Datix integration endpoint (<code>POST ${DATIX_PATH}/api/incidents</code>). Nothing leaves this computer. Read only.</p>
${faults}
${list}
<p class="hint">As JSON: <a href="${DATIX_PATH}/api/incidents">${DATIX_PATH}/api/incidents</a></p>`,
  );
}
