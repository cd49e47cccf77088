import { DASHBOARD_STAGE_LABELS, type DashboardRequest } from '../contract/dashboard';
import { REQUEST_STATUS_LIST_LABEL, REQUEST_TYPE_LABELS, RISK_RATING_LIST_LABEL } from '../contract/labels';
import { toCsv } from '../web/csv';

const steps = (r: DashboardRequest, part: (s: DashboardRequest['openSteps'][number]) => string): string => r.openSteps.map(part).join('; ');

/** The dashboard's requests as a spreadsheet: one row per request, its open steps in one cell each, "; " between them. */
export function dashboardCsv(requests: readonly DashboardRequest[]): string {
  return toCsv(requests, [
    { header: 'Reference', value: (r) => r.reference ?? `Request ${r.id}` },
    { header: 'Title', value: (r) => r.title },
    { header: 'Requester', value: (r) => r.requester.name },
    { header: 'Requester email', value: (r) => r.requester.email },
    { header: 'Directorate', value: (r) => r.directorate },
    { header: 'Type', value: (r) => REQUEST_TYPE_LABELS[r.type] },
    { header: 'Risk', value: (r) => (r.risk ? RISK_RATING_LIST_LABEL[r.risk] : 'Not rated') },
    { header: 'Status', value: (r) => REQUEST_STATUS_LIST_LABEL[r.status] },
    { header: 'Stage', value: (r) => DASHBOARD_STAGE_LABELS[r.stage] },
    { header: 'Open steps', value: (r) => steps(r, (s) => s.stepName) },
    { header: 'Held by', value: (r) => steps(r, (s) => s.holders.map((h) => h.name).join(' and ')) },
    { header: 'Due', value: (r) => steps(r, (s) => s.dueAt ?? 'No due date') },
    { header: 'Overdue', value: (r) => (r.overdue ? 'Yes' : 'No') },
    { header: 'Request page', value: (r) => r.url },
  ]);
}
