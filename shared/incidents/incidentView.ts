import type { PeopleDirectory } from '../sharepoint/people';
import type { IncidentItem } from '../sharepoint/repositories/aiIncidents';
import { categoryFromLabel, incidentReference, severityFromLabel } from './incidentLabels';

/** `GET /api/incidents/{id}`: where an incident is, for the web part and the people acting on it. */
export interface IncidentView {
  id: number;
  reference: string;
  summary: string;
  status: IncidentItem['Status'];
  category: ReturnType<typeof categoryFromLabel>;
  severity: ReturnType<typeof severityFromLabel> | null;
  patientHarm: boolean;
  personalDataBreach: boolean;
  researchRelated: boolean;
  occurredAt: string;
  reportedAt: string;
  relatedTool: string | null;
  relatedRequestId: number | null;
  triage: { dueAt: string | null; outcome: IncidentItem['TriageOutcome']; notes: string | null; by: string | null; at: string | null };
  datix: {
    reference: string | null;
    escalatedAt: string | null;
    route: IncidentItem['DatixRoute'];
    reason: IncidentItem['DatixReason'];
    /** Why automatic reporting did not work, when it did not. */
    problem: string | null;
    referenceRecordedBy: string | null;
  };
  breach: null | {
    awareAt: string | null;
    regulatorDeadlineAt: string | null;
    outcome: IncidentItem['BreachReportOutcome'];
    toolkitReference: string | null;
    notReportableReason: string | null;
    recordedBy: string | null;
    recordedAt: string | null;
  };
  fhirUrl: string;
}

export async function incidentView(item: IncidentItem, people: PeopleDirectory): Promise<IncidentView> {
  const email = async (id: number | null): Promise<string | null> => (id ? (await people.personFor(id)).email : null);
  return {
    id: item.Id,
    reference: incidentReference(item.Id),
    summary: item.Title,
    status: item.Status,
    category: categoryFromLabel(item.Category),
    severity: severityFromLabel(item.Severity) ?? null,
    patientHarm: item.PatientHarm === true,
    personalDataBreach: item.PersonalDataBreach === true,
    researchRelated: item.ResearchRelated === true,
    occurredAt: item.OccurredAt,
    reportedAt: item.ReportedAt ?? item.Created,
    relatedTool: item.RelatedTool,
    relatedRequestId: item.RelatedRequestId,
    triage: { dueAt: item.TriageDueAt, outcome: item.TriageOutcome, notes: item.TriageNotes, by: await email(item.TriagedById), at: item.TriagedAt },
    datix: {
      reference: item.DatixReference,
      escalatedAt: item.EscalatedAt,
      route: item.DatixRoute,
      reason: item.DatixReason,
      problem: item.DatixProblem,
      referenceRecordedBy: await email(item.DatixReferenceRecordedById),
    },
    breach: item.PersonalDataBreach
      ? {
          awareAt: item.AwareAt,
          regulatorDeadlineAt: item.IcoDeadline,
          outcome: item.BreachReportOutcome,
          toolkitReference: item.BreachReportReference,
          notReportableReason: item.BreachNotReportableReason,
          recordedBy: await email(item.BreachReportRecordedById),
          recordedAt: item.BreachReportRecordedAt,
        }
      : null,
    fhirUrl: `/api/incidents/${item.Id}/fhir`,
  };
}
