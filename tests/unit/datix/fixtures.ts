import type { DatixIncidentReport } from '../../../shared/datix/incidentReport';

/** A valid report; tests override what they are about. */
export function incidentReport(overrides: Partial<DatixIncidentReport> = {}): DatixIncidentReport {
  return {
    incidentId: 'INC-42',
    reportedAt: '2026-03-02T10:30:00Z',
    occurredAt: '2026-03-02T09:15:00Z',
    location: 'Ward 7, Royal Infirmary',
    directorate: 'Medicine',
    description: 'The dictation tool inserted a drug dose that was not said.\nThe nurse noticed before administration.',
    immediateActionTaken: 'Dose corrected; tool paused on the ward.',
    category: 'clinical-safety',
    severity: 'moderate',
    patientHarm: true,
    personalDataBreach: false,
    researchRelated: false,
    relatedTool: 'Ambient Scribe',
    relatedRequestId: 17,
    reporter: { name: 'Sam Patel', email: 'sam.patel@example.nhs.uk' },
    ...overrides,
  };
}
