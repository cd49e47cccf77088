import { escapeHtml as e } from '../notify/email/escape';
import { relatedToolLabel, type DatixIncidentReport } from './incidentReport';
import { formatUkDateTime } from '../ukDateTime';

/**
 * The incident laid out in the order of a Datix incident form (DIF1 style), so whoever keys it
 * into Datix reads top to bottom as the form asks: when and where, what happened, immediate
 * action, people affected, harm and severity, reporter. No patient identifiers: only whether a
 * patient was affected; the risk team adds identifiers in Datix from the clinical record.
 */
export interface DatixFormField {
  label: string;
  value: string;
}

export interface DatixFormSection {
  heading: string;
  fields: DatixFormField[];
}

const CATEGORY_LABELS: Record<DatixIncidentReport['category'], string> = {
  'clinical-safety': 'Clinical safety',
  'data-protection': 'Data protection',
  security: 'Information security',
  'bias-or-fairness': 'Bias or fairness',
  'output-quality': 'Quality of AI output',
  other: 'Other',
};

const HARM_LABELS: Record<DatixIncidentReport['severity'], string> = {
  low: 'Low',
  moderate: 'Moderate',
  severe: 'Severe',
};

export const categoryLabel = (category: DatixIncidentReport['category']): string => CATEGORY_LABELS[category];
export const harmLabel = (severity: DatixIncidentReport['severity']): string => HARM_LABELS[severity];

/** "Monday 2 March 2026 at 09:15 GMT": Datix asks for local date and time, and the zone avoids an hour's doubt. */
export const formatDatixDateTime = (iso: string): string => formatUkDateTime(iso, { zone: true });

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

export function datixFormSections(report: DatixIncidentReport): DatixFormSection[] {
  return [
    {
      heading: 'When and where',
      fields: [
        { label: 'Date and time of incident', value: formatDatixDateTime(report.occurredAt) },
        { label: 'Date and time reported', value: formatDatixDateTime(report.reportedAt) },
        { label: 'Location', value: report.location },
        { label: 'Directorate', value: report.directorate ?? 'Not given' },
      ],
    },
    {
      heading: 'What happened',
      fields: [
        { label: 'Description', value: report.description },
        { label: 'Category', value: `Artificial intelligence: ${categoryLabel(report.category)}` },
        { label: 'AI tool or request involved', value: relatedToolLabel(report) },
        {
          label: 'Research-related',
          value: report.researchRelated ? 'Yes (the AI policy requires research concerns to be reported via Datix)' : 'No',
        },
        { label: 'Our incident reference', value: report.incidentId },
      ],
    },
    {
      heading: 'Immediate action taken',
      fields: [{ label: 'Action taken', value: report.immediateActionTaken }],
    },
    {
      heading: 'People affected',
      fields: [
        { label: 'Was a patient affected?', value: yesNo(report.patientHarm) },
        {
          label: 'Patient details',
          value: report.patientHarm
            ? 'Not held by the AI governance workflow: add them in Datix from the clinical record.'
            : 'Not applicable',
        },
      ],
    },
    {
      heading: 'Harm and severity',
      fields: [
        { label: 'Severity (harm level)', value: harmLabel(report.severity) },
        {
          label: 'Personal data breach',
          value: report.personalDataBreach
            ? 'Yes: the regulator must be told within 72 hours of becoming aware unless the breach is unlikely to put people at risk (report through the Data Security and Protection Toolkit)'
            : 'No',
        },
      ],
    },
    {
      heading: 'Reporter',
      fields: [
        { label: 'Name', value: report.reporter.name },
        { label: 'Email', value: report.reporter.email },
      ],
    },
  ];
}

/** Plain text: numbered headings, one "Label: value" per line; multi-line values are indented. */
export function renderDatixFormText(sections: readonly DatixFormSection[]): string {
  return sections
    .map((section, index) => {
      const heading = `${index + 1}. ${section.heading}`;
      const lines = section.fields.map((f) => `   ${f.label}: ${f.value.replace(/\r?\n/g, '\n      ')}`);
      return [heading, ...lines].join('\n');
    })
    .join('\n\n');
}

/** HTML fragment (headings and description lists); every value is escaped. */
export function renderDatixFormHtml(sections: readonly DatixFormSection[]): string {
  return sections
    .map((section, index) => {
      const rows = section.fields
        .map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value).replace(/\r?\n/g, '<br>')}</dd>`)
        .join('');
      return `<h2>${index + 1}. ${e(section.heading)}</h2>\n<dl>${rows}</dl>`;
    })
    .join('\n');
}
