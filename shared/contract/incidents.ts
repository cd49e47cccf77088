import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '../domain/schemas/incident';

/**
 * Reporting an AI incident or a concern about an AI output: `POST /api/incidents` (the web part's
 * "Raise a concern" form and other callers) and the plain page `/api/concerns` take the same
 * report, parsed by the same schema. The wording below is what both forms show, so a person sees
 * the same questions wherever they report.
 */
export { incidentIntakeSchema, type IncidentIntake } from '../incidents/incidentIntake';
export { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES };

type Choice = { label: string; hint: string };

/** Each category as a person chooses it, in the order the forms offer them. */
export const CONCERN_CATEGORY_CHOICES = {
  'output-quality': { label: 'A concern about something an AI tool produced', hint: 'For example wrong, misleading or made-up content, or a summary that leaves out something important.' },
  'clinical-safety': { label: 'Patient safety', hint: 'A patient was harmed, or could have been, because of an AI tool or what it produced.' },
  'data-protection': { label: 'Personal or confidential information', hint: 'For example personal information typed into a tool that is not approved for it, or shown to the wrong person.' },
  security: { label: 'Security', hint: 'For example a tool used without approval, an account misused, or a suspicious request.' },
  'bias-or-fairness': { label: 'Bias or unfair treatment', hint: 'The tool treated some people differently or unfairly.' },
  other: { label: 'Something else', hint: 'Any other incident or concern about artificial intelligence.' },
} as const satisfies Record<(typeof INCIDENT_CATEGORIES)[number], Choice>;

export const CONCERN_SEVERITY_CHOICES = {
  low: { label: 'Low', hint: 'No harm done, or a minor inconvenience.' },
  moderate: { label: 'Moderate', hint: 'Some harm or disruption, or it could have been worse.' },
  severe: { label: 'Severe', hint: 'Serious harm to a person, or serious disruption to a service.' },
} as const satisfies Record<(typeof INCIDENT_SEVERITIES)[number], Choice>;

/** The questions of the form, by the report's field. */
export const CONCERN_QUESTIONS = {
  category: 'What is it about?',
  summary: 'Give it a short title',
  description: 'What happened?',
  occurredAt: 'When did it happen?',
  location: 'Where did it happen?',
  directorate: 'Directorate (optional)',
  relatedTool: 'Which AI tool was involved?',
  immediateActionTaken: 'What has been done about it so far?',
  severity: 'How serious is it?',
  patientHarm: 'Was a patient harmed, or could a patient have been harmed?',
  personalDataBreach: 'Was personal data lost, shared with the wrong people or exposed?',
  researchRelated: 'Is this about artificial intelligence used in research?',
} as const;

export const CONCERN_HINTS = {
  summary: 'Up to 255 characters. Do not include names or other personal details.',
  description: 'Say what the tool did or produced, and what happened as a result. Up to 4,000 characters. Do not include names or other details that could identify a person.',
  location: 'The site, ward or department. Up to 200 characters.',
  relatedTool: 'Choose from the tools in the AI register, or type its name. Up to 200 characters.',
  immediateActionTaken: 'For example “letter corrected before it was sent”. Write “none” if nothing has been done yet. Up to 2,000 characters.',
  researchRelated: 'The AI policy asks for research concerns to be reported to Datix, the organisation’s incident reporting system, straight away.',
} as const;

/**
 * What both forms say when a choice is missing: a person picks a radio button, not a code, and
 * names a tool rather than a request number (the API's own messages say those).
 */
export const CONCERN_MESSAGES = {
  category: 'choose what it is about',
  severity: 'choose how serious it is',
  occurredAt: 'give the date and time it happened',
  patientHarm: 'choose Yes or No: was a patient harmed, or could a patient have been harmed?',
  personalDataBreach: 'choose Yes or No: was personal data lost, shared with the wrong people or exposed?',
  researchRelated: 'choose Yes or No: is this about artificial intelligence used in research?',
  relatedTool: 'give the name of the AI tool involved (the register’s tools are offered as you type)',
} as const;

/** `POST /api/incidents` (201): the new incident, its reference and what happens next. */
export const incidentReportedResponse = z.object({
  id: z.number(),
  reference: z.string(),
  instanceId: z.string(),
  status: z.string(),
  triage: z.object({ dueAt: z.string(), urgent: z.boolean(), explanation: z.string() }),
  datix: z.string(),
  breach: z.object({ awareAt: z.string(), regulatorDeadlineAt: z.string() }).optional(),
});
export type IncidentReportedResponse = z.output<typeof incidentReportedResponse>;
