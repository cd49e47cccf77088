import { escapeHtml as e } from '../notify/email/escape';
import { datixFormSections, renderDatixFormHtml, renderDatixFormText } from './datixFormLayout';
import type { ManualEscalationTask } from './gateway';
import type { DatixIncidentReport } from './incidentReport';

export interface ManualTaskOptions {
  captureFormUrl?: string;
  /** The intake mailbox the details were emailed to (email adapter). */
  emailedTo?: string;
}

/** The task for the risk / IG team: what to do, where, and every detail in Datix form order. */
export function buildManualEscalationTask(
  report: DatixIncidentReport,
  idempotencyKey: string,
  options: ManualTaskOptions,
): ManualEscalationTask {
  const sections = datixFormSections(report);
  const steps = [
    options.emailedTo
      ? `The details below were emailed to the Datix intake mailbox (${options.emailedTo}). Check that the incident has been logged in Datix; if not, log it.`
      : 'Log this AI incident in Datix.',
    options.captureFormUrl
      ? `Use the Datix incident form: ${options.captureFormUrl}`
      : 'Use your Datix incident form.',
    'Enter the details below in the order shown; they follow the sections of the form.',
    `Record the Datix reference on AI incident ${report.incidentId}. The escalation is complete only then; reminders continue until it is recorded.`,
  ];
  const title = `Log AI incident ${report.incidentId} in Datix and record the reference`;
  const formText = renderDatixFormText(sections);
  const text = [title, '', ...steps.map((s, i) => `${i + 1}. ${s}`), '', 'Incident details', '', formText, ''].join('\n');
  const link = options.captureFormUrl
    ? `<p><a href="${e(options.captureFormUrl)}">Open the Datix incident form</a></p>\n`
    : '';
  const html = `<h1>${e(title)}</h1>
<ol>${steps.map((s) => `<li>${e(s)}</li>`).join('')}</ol>
${link}${renderDatixFormHtml(sections)}
`;
  return {
    title,
    incidentId: report.incidentId,
    idempotencyKey,
    ...(options.captureFormUrl ? { captureFormUrl: options.captureFormUrl } : {}),
    ...(options.emailedTo ? { emailedTo: options.emailedTo } : {}),
    steps,
    sections,
    text,
    html,
  };
}
