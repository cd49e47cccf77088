import type { RoleCode } from '../../../shared/domain/schemas/stepCodes';
import { TRIAGE_OUTCOME_LABEL } from '../../../shared/incidents/incidentActions';
import { incidentReference } from '../../../shared/incidents/incidentLabels';
import { concernPageUrl } from '../../../shared/incidents/incidentLinks';
import type { TriageDecision } from '../../../shared/incidents/incidentSignals';
import type { AnnounceBreachInput, AnnounceBreachOutput, AnnounceIncidentInput, FinishIncidentInput, ReadTriageOutput, RemindBreachReportInput, RemindOutput } from '../contracts';
import { incidentMessaging, incidentRef, type IncidentActivityDeps } from './incidentMessaging';

/**
 * The incident's announcements and the breach clock: tell Information Governance (and the
 * Clinical Safety Officer) with signed triage links, tell and remind the Head of Safe Practice
 * about the regulator deadline, and close an incident that needed no Datix report. All may run
 * twice: messages carry idempotency keys, audit entries are keyed, writes check the item first.
 */
export function makeIncidentActivities(deps: IncidentActivityDeps) {
  const { actingFor, linkFor, audit } = incidentMessaging(deps);

  async function announceIncident(input: AnnounceIncidentInput): Promise<void> {
    const item = await deps.repos.incidents.get(input.incidentId);
    const incident = incidentRef(item);
    const audiences: { role: RoleCode; audience: 'information-governance' | 'clinical-safety' }[] = [
      { role: 'IG_MANAGER', audience: 'information-governance' },
      ...(input.patientSafety ? [{ role: 'CLINICAL_SAFETY_OFFICER' as const, audience: 'clinical-safety' as const }] : []),
    ];
    const told: string[] = [];
    for (const { role, audience } of audiences) {
      const person = await actingFor(role, input.at);
      if (told.includes(person.email)) continue;
      await deps.notifier.send(
        'incidentTriageNeeded',
        person.email,
        {
          incident,
          triageDue: input.triageDueAt,
          ...(input.urgentBecause ? { urgentBecause: input.urgentBecause } : {}),
          researchRelated: input.researchRelated,
          patientSafety: input.patientSafety,
          audience,
          actionUrl: linkFor(item.Id, 'triage', person, input.at),
        },
        `${input.instanceId}/triage-needed/${person.email}`,
      );
      told.push(person.email);
    }
    // The reporter hears only after Information Governance was told, so the message is true when it arrives.
    const reporter = await deps.people.personFor(item.ReporterId);
    await deps.notifier.send(
      'incidentAcknowledged',
      reporter.email,
      {
        incident,
        reference: incidentReference(item.Id),
        triageDue: input.triageDueAt,
        ...(input.urgentBecause ? { urgentBecause: input.urgentBecause } : {}),
        researchRelated: input.researchRelated,
        patientSafety: input.patientSafety,
        personalDataBreach: item.PersonalDataBreach === true,
        reportUrl: concernPageUrl(deps.links.publicBaseUrl, item.Id),
      },
      `${input.instanceId}/acknowledged`,
    );
    await audit(item, {
      title: 'Incident sent for triage',
      eventType: 'incident-triage-requested',
      at: input.at,
      key: `${input.instanceId}/triage-requested`,
      details: { triageDueAt: input.triageDueAt, urgent: input.urgentBecause ?? null, told, acknowledged: reporter.email },
    });
  }

  /** What the item says about the triage, for a Datix track that starts after someone answered. */
  async function readTriage(incidentId: number): Promise<ReadTriageOutput> {
    const item = await deps.repos.incidents.get(incidentId);
    const decision = (Object.keys(TRIAGE_OUTCOME_LABEL) as TriageDecision[]).find((d) => TRIAGE_OUTCOME_LABEL[d] === item.TriageOutcome);
    return { decision: decision ?? null };
  }

  async function announceBreach(input: AnnounceBreachInput): Promise<AnnounceBreachOutput> {
    const item = await deps.repos.incidents.get(input.incidentId);
    if (item.BreachReportOutcome) return { recorded: true, value: item.BreachReportOutcome === 'Not reportable' ? 'not-reportable' : 'reported' };
    const person = await actingFor('HEAD_OF_SAFE_PRACTICE', input.at);
    const late = Date.parse(input.deadlineAt) <= Date.parse(input.at);
    await deps.notifier.send(
      'breachReportDue',
      person.email,
      {
        incident: incidentRef(item),
        stage: late ? 'overdue' : 'reported',
        awareAt: input.awareAt,
        deadlineAt: input.deadlineAt,
        actionUrl: linkFor(item.Id, 'breach-report', person, input.at),
      },
      `${input.instanceId}/breach-reported/${person.email}`,
    );
    await audit(item, {
      title: 'Personal data breach: Head of Safe Practice told of the 72-hour regulator deadline',
      eventType: 'incident-breach-deadline-set',
      at: input.at,
      key: `${input.instanceId}/breach-reported`,
      details: { awareAt: input.awareAt, regulatorDeadlineAt: input.deadlineAt, told: person.email },
    });
    return { recorded: false };
  }

  async function remindBreachReport(input: RemindBreachReportInput): Promise<RemindOutput> {
    const item = await deps.repos.incidents.get(input.incidentId);
    if (item.BreachReportOutcome) return { recorded: true, value: item.BreachReportOutcome === 'Not reportable' ? 'not-reportable' : 'reported' };
    const overdue = input.milestone === 'regulator-deadline';
    const people = [await actingFor('HEAD_OF_SAFE_PRACTICE', input.at), ...(overdue ? [await actingFor('SIRO', input.at)] : [])];
    const key = `${input.instanceId}/${overdue ? 'breach-overdue' : `breach-reminder-${input.hoursAfterAwareness}h`}`;
    for (const person of people.filter((p, i) => people.findIndex((q) => q.email === p.email) === i)) {
      await deps.notifier.send(
        'breachReportDue',
        person.email,
        {
          incident: incidentRef(item),
          stage: overdue ? 'overdue' : 'reminder',
          awareAt: input.awareAt,
          deadlineAt: input.deadlineAt,
          ...(overdue ? {} : { hoursLeft: Math.max(0, Math.round((Date.parse(input.deadlineAt) - Date.parse(input.at)) / 3_600_000)) }),
          actionUrl: linkFor(item.Id, 'breach-report', person, input.at),
        },
        `${key}/${person.email}`,
      );
    }
    await audit(item, {
      title: overdue ? 'Personal data breach: regulator deadline passed without a recorded report' : `Personal data breach: reminder at ${input.hoursAfterAwareness} hours`,
      eventType: overdue ? 'incident-breach-overdue' : 'incident-breach-reminder',
      at: input.at,
      key,
      details: { hoursAfterAwareness: input.hoursAfterAwareness, told: people.map((p) => p.email) },
    });
    return { recorded: false };
  }

  async function finishIncident(input: FinishIncidentInput): Promise<void> {
    const item = await deps.repos.incidents.get(input.incidentId);
    // Escalated incidents stay open: Datix now holds them, and the team closes the row when Datix does.
    if (input.datix.outcome === 'not-needed' && (item.Status === 'Reported' || item.Status === 'Triaged')) {
      await deps.repos.incidents.modify(item.Id, (current) => (current.Status === 'Reported' || current.Status === 'Triaged' ? { Status: 'Closed' } : null));
    }
    await audit(item, {
      title: input.datix.outcome === 'not-needed' ? 'Incident closed: no Datix report needed' : `Incident workflow finished: in Datix as ${input.datix.reference}`,
      eventType: 'incident-workflow-finished',
      at: input.at,
      key: `incident-${item.Id}/finished`,
      details: { datix: input.datix, breach: input.breach ?? null },
    });
  }

  return { announceIncident, readTriage, announceBreach, remindBreachReport, finishIncident };
}
