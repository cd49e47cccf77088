import type { INCIDENT_CATEGORIES as DOMAIN_CATEGORIES, INCIDENT_SEVERITIES as DOMAIN_SEVERITIES } from '../domain/schemas/incident';
import type { DATIX_REASONS, DATIX_ROUTES, INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '../sharepoint/lists/aiIncidents';

/**
 * The incident's values as the API and Datix know them (shared/domain) and as people read them in
 * the AI Incidents list. One table each way, so the list, the API and the Datix report agree.
 */
export type IncidentCategory = (typeof DOMAIN_CATEGORIES)[number];
export type IncidentSeverity = (typeof DOMAIN_SEVERITIES)[number];
export type CategoryLabel = (typeof INCIDENT_CATEGORIES)[number];
export type SeverityLabel = (typeof INCIDENT_SEVERITIES)[number];

export const CATEGORY_LABEL = {
  'clinical-safety': 'Patient safety',
  'data-protection': 'Data protection',
  security: 'Security',
  'bias-or-fairness': 'Bias or fairness',
  'output-quality': 'Accuracy or performance',
  other: 'Other',
} as const satisfies Record<IncidentCategory, CategoryLabel>;

export const SEVERITY_LABEL = { low: 'Low', moderate: 'Moderate', severe: 'Severe' } as const satisfies Record<IncidentSeverity, SeverityLabel>;

export function categoryFromLabel(label: CategoryLabel): IncidentCategory {
  return (Object.keys(CATEGORY_LABEL) as IncidentCategory[]).find((c) => CATEGORY_LABEL[c] === label) ?? 'other';
}

/** "Critical" can only be chosen by hand in the list; Datix's harm scale tops out at severe. */
export function severityFromLabel(label: SeverityLabel | null): IncidentSeverity | undefined {
  if (label === null) return undefined;
  if (label === 'Critical') return 'severe';
  return (Object.keys(SEVERITY_LABEL) as IncidentSeverity[]).find((s) => SEVERITY_LABEL[s] === label);
}

/** Why an incident goes to Datix (the orchestration's reason → the list's label). */
export type DatixReason = 'triaged' | 'research' | 'not-triaged-in-time';
export const DATIX_REASON_LABEL = {
  triaged: 'Triaged as an incident',
  research: 'Research-related',
  'not-triaged-in-time': 'Not triaged in time',
} as const satisfies Record<DatixReason, (typeof DATIX_REASONS)[number]>;

export const DATIX_ROUTE_LABEL = {
  http: 'Integration endpoint',
  manual: 'Manual entry',
  email: 'Intake mailbox',
} as const satisfies Record<'http' | 'manual' | 'email', (typeof DATIX_ROUTES)[number]>;

/** How the incident is named in Datix, messages and the FHIR export: no capitals, so no abbreviation. */
export const incidentReference = (id: number): string => `ai-incident-${id}`;

/** The same escalation always carries the same key: retries can never make a second Datix record. */
export const datixIdempotencyKey = (id: number): string => `ai-incident-${id}-datix`;

/** Patient safety is involved when a patient was harmed or put at risk, or the concern is about clinical safety. */
export const involvesPatientSafety = (facts: { patientHarm: boolean; category: IncidentCategory }): boolean =>
  facts.patientHarm || facts.category === 'clinical-safety';
