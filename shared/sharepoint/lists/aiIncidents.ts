import { boolean, choice, dateTime, defineList, lookup, note, person, text } from './listDefinition';

/**
 * Where an incident is. `Awaiting Datix reference`: the manual or email route asked the risk / IG
 * team to log it in Datix, and the escalation is complete only when they record the reference.
 * `Closed`: triaged as needing no Datix report, or closed by hand once Datix has it.
 */
export const INCIDENT_STATUSES = ['Reported', 'Triaged', 'Awaiting Datix reference', 'Escalated to Datix', 'Closed'] as const;
/** Every status but Closed: what the dashboard and the weekly digest count as open. */
export const OPEN_INCIDENT_STATUSES = ['Reported', 'Triaged', 'Awaiting Datix reference', 'Escalated to Datix'] as const;
export const INCIDENT_CATEGORIES = ['Data protection', 'Patient safety', 'Bias or fairness', 'Security', 'Accuracy or performance', 'Other'] as const;
export const INCIDENT_SEVERITIES = ['Low', 'Moderate', 'Severe', 'Critical'] as const;
export const TRIAGE_OUTCOMES = ['Report to Datix', 'No Datix report needed'] as const;
export const DATIX_ROUTES = ['Integration endpoint', 'Manual entry', 'Intake mailbox'] as const;
export const DATIX_REASONS = ['Triaged as an incident', 'Research-related', 'Not triaged in time'] as const;
export const BREACH_REPORT_OUTCOMES = ['Reported to the regulator', 'Not reportable'] as const;

/** AI concerns and incidents; triage deadlines and the 72-hour ICO deadline are driven from here. */
export const aiIncidentsList = defineList('AI Incidents', {
  description: 'Reported AI concerns and incidents, triage and Datix escalation.',
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
    // The facts a Datix incident form asks for (shared/datix/datixFormLayout.ts), kept with the item.
    ReportedAt: dateTime('Reported at', { description: 'When the incident was reported to the workflow; the triage deadline runs from here.' }),
    Location: text('Location', { description: 'Site, ward or department where it happened.' }),
    Directorate: text('Directorate'),
    ImmediateAction: note('Immediate action taken'),
    AwareAt: dateTime('Aware of the breach at', { description: 'When the organisation became aware of a personal data breach: the 72 hours run from here.' }),
    TriageDueAt: dateTime('Triage due'),
    TriageOutcome: choice('Triage outcome', TRIAGE_OUTCOMES),
    TriageNotes: note('Triage notes'),
    DatixRoute: choice('Reported to Datix through', DATIX_ROUTES),
    DatixReason: choice('Why reported to Datix', DATIX_REASONS),
    DatixProblem: note('Datix problem', { description: 'Why automatic reporting to Datix did not work, when it did not; the team then logs it by hand.' }),
    DatixReferenceRecordedBy: person('Datix reference recorded by'),
    BreachReportOutcome: choice('Regulator report', BREACH_REPORT_OUTCOMES),
    BreachReportReference: text('Data Security and Protection Toolkit reference'),
    BreachNotReportableReason: note('Why the breach is not reportable'),
    BreachReportRecordedBy: person('Regulator report recorded by'),
    BreachReportRecordedAt: dateTime('Regulator report recorded at'),
    OrchestrationInstanceId: text('Orchestration instance id'),
  },
  views: [
    { title: 'All Items', fields: ['LinkTitle', 'Reporter', 'OccurredAt', 'Category', 'Severity', 'Status', 'DatixReference'], rowLimit: 30 },
    {
      title: 'Waiting for a Datix reference',
      fields: ['LinkTitle', 'Category', 'Severity', 'EscalatedAt', 'DatixRoute', 'DatixReason'],
      query: '<Where><Eq><FieldRef Name="Status"/><Value Type="Choice">Awaiting Datix reference</Value></Eq></Where>',
      rowLimit: 30,
    },
  ],
});
