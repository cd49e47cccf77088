import { boolean, choice, dateTime, defineList, lookup, note, person, text } from './listDefinition';

export const INCIDENT_STATUSES = ['Reported', 'Triaged', 'Escalated to Datix', 'Closed'] as const;
export const INCIDENT_CATEGORIES = ['Data protection', 'Patient safety', 'Bias or fairness', 'Security', 'Accuracy or performance', 'Other'] as const;
export const INCIDENT_SEVERITIES = ['Low', 'Moderate', 'Severe', 'Critical'] as const;

/** AI concerns and incidents; triage deadlines and the 72-hour ICO deadline are driven from here. */
export const aiIncidentsList = defineList({
  title: 'AI Incidents',
  description: 'Reported AI concerns and incidents, triage and Datix escalation.',
  sourceFile: 'shared/sharepoint/lists/aiIncidents.ts',
  fields: {
    Title: text('Summary', { required: true, builtIn: true }),
    Reporter: person('Reporter', { required: true, indexed: true }),
    RelatedRequest: lookup('Related request', 'AI Requests'),
    RelatedTool: text('Related tool'),
    OccurredAt: dateTime('Occurred at', { required: true }),
    Description: note('Description', { required: true }),
    Category: choice('Category', INCIDENT_CATEGORIES, { required: true }),
    Severity: choice('Severity', INCIDENT_SEVERITIES),
    PersonalDataBreach: boolean('Personal data breach'),
    PatientHarm: boolean('Patient harm'),
    ResearchRelated: boolean('Research-related'),
    Status: choice('Status', INCIDENT_STATUSES, { required: true, indexed: true, defaultValue: 'Reported' }),
    TriagedBy: person('Triaged by'),
    TriagedAt: dateTime('Triaged at'),
    DatixReference: text('Datix reference'),
    EscalatedAt: dateTime('Escalated at'),
    IcoDeadline: dateTime("Information Commissioner's Office deadline", { indexed: true }),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'Reporter', 'OccurredAt', 'Category', 'Severity', 'Status', 'DatixReference'], rowLimit: 30 }],
});
