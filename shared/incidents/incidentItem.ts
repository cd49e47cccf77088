import type { DatixIncidentReportInput } from '../datix/incidentReport';
import { breachDeadlines, incidentTriageDeadline } from '../domain/deadlines/incidentDeadlines';
import type { aiIncidentsList } from '../sharepoint/lists/aiIncidents';
import type { NewItem } from '../sharepoint/lists/listDefinition';
import type { PeopleDirectory } from '../sharepoint/people';
import type { IncidentItem } from '../sharepoint/repositories/aiIncidents';
import type { IncidentIntake } from './incidentIntake';
import { CATEGORY_LABEL, categoryFromLabel, incidentReference, involvesPatientSafety, SEVERITY_LABEL, severityFromLabel } from './incidentLabels';

/** The deadlines an incident gets when it is reported (pure: the same in the function and the orchestration). */
export function incidentDeadlines(facts: { reportedAt: string; patientHarm: boolean; personalDataBreach: boolean; awareAt?: string }) {
  const triage = incidentTriageDeadline(facts);
  const breach = facts.personalDataBreach ? breachDeadlines(facts.awareAt ?? facts.reportedAt) : undefined;
  return { triage, breach };
}

/** A report as an AI Incidents row: status Reported, with its triage and regulator deadlines. */
export function incidentItemFromIntake(intake: IncidentIntake, reporterId: number, reportedAt: string): NewItem<typeof aiIncidentsList> {
  const awareAt = intake.personalDataBreach ? (intake.awareAt ?? reportedAt) : undefined;
  const { triage, breach } = incidentDeadlines({ reportedAt, patientHarm: intake.patientHarm, personalDataBreach: intake.personalDataBreach, awareAt });
  return {
    Title: intake.summary,
    ReporterId: reporterId,
    RelatedRequestId: intake.relatedRequestId ?? null,
    RelatedTool: intake.relatedTool ?? null,
    OccurredAt: intake.occurredAt,
    Description: intake.description,
    Category: CATEGORY_LABEL[intake.category],
    Severity: SEVERITY_LABEL[intake.severity],
    PersonalDataBreach: intake.personalDataBreach,
    PatientHarm: intake.patientHarm,
    ResearchRelated: intake.researchRelated,
    Status: 'Reported',
    ReportedAt: reportedAt,
    Location: intake.location,
    Directorate: intake.directorate ?? null,
    ImmediateAction: intake.immediateActionTaken,
    AwareAt: awareAt ?? null,
    TriageDueAt: triage.triageDueAt,
    IcoDeadline: breach?.regulatorDeadlineAt ?? null,
  };
}

/** The facts the orchestration runs on: ids and flags, never the description. */
export function incidentFacts(item: IncidentItem) {
  const category = categoryFromLabel(item.Category);
  return {
    incidentId: item.Id,
    reportedAt: item.ReportedAt ?? item.Created,
    patientHarm: item.PatientHarm === true,
    personalDataBreach: item.PersonalDataBreach === true,
    researchRelated: item.ResearchRelated === true,
    patientSafety: involvesPatientSafety({ patientHarm: item.PatientHarm === true, category }),
    ...(item.PersonalDataBreach ? { awareAt: item.AwareAt ?? item.ReportedAt ?? item.Created } : {}),
  };
}

/**
 * The item as the Datix report. Missing facts (a row added by hand, say) are left out rather than
 * invented: the gateway then refuses the report and names them, and the team logs it by hand.
 */
export async function datixReportFromItem(item: IncidentItem, people: PeopleDirectory): Promise<DatixIncidentReportInput> {
  const reporter = await people.personFor(item.ReporterId);
  const severity = severityFromLabel(item.Severity);
  return {
    incidentId: incidentReference(item.Id),
    reportedAt: item.ReportedAt ?? item.Created,
    occurredAt: item.OccurredAt,
    ...(item.Location ? { location: item.Location } : {}),
    ...(item.Directorate ? { directorate: item.Directorate } : {}),
    description: item.Description,
    immediateActionTaken: item.ImmediateAction ?? 'Not recorded when the incident was reported.',
    category: categoryFromLabel(item.Category),
    ...(severity ? { severity } : {}),
    patientHarm: item.PatientHarm === true,
    personalDataBreach: item.PersonalDataBreach === true,
    researchRelated: item.ResearchRelated === true,
    ...(item.RelatedTool ? { relatedTool: item.RelatedTool } : {}),
    ...(item.RelatedRequestId ? { relatedRequestId: item.RelatedRequestId } : {}),
    reporter: { name: reporter.name, email: reporter.email },
  } as DatixIncidentReportInput;
}
