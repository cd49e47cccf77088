import { DatixEscalationError, DatixReportError, type DatixEscalation, type DatixGateway } from '../../../shared/datix';
import { datixReportFromItem } from '../../../shared/incidents/incidentItem';
import { DATIX_REASON_LABEL, DATIX_ROUTE_LABEL, datixIdempotencyKey, type DatixReason } from '../../../shared/incidents/incidentLabels';
import type { IncidentItem } from '../../../shared/sharepoint/repositories/aiIncidents';
import type { EscalateToDatixInput, EscalateToDatixOutput, RemindDatixReferenceInput, RemindOutput, RequestManualDatixEntryInput } from '../contracts';
import { incidentMessaging, incidentRef, type IncidentActivityDeps } from './incidentMessaging';

export interface DatixActivityDeps extends IncidentActivityDeps {
  /** Built on first use from the DATIX_* settings, so a Datix misconfiguration fails the escalation, not the app. */
  gateway(): DatixGateway;
}

/**
 * Escalation to Datix through the gateway the settings choose, and the manual path's task and
 * reminders. Every escalation of incident N carries the key `ai-incident-N-datix`, so however often
 * this runs (Durable retries, a host killed mid-call) Datix gets one record. A busy or unreachable
 * endpoint is thrown back for Durable to retry; a refusal is returned, and the team logs it by hand.
 */
export function makeDatixActivities(deps: DatixActivityDeps) {
  const { actingFor, linkFor, audit } = incidentMessaging(deps);

  async function escalateToDatix(input: EscalateToDatixInput): Promise<EscalateToDatixOutput> {
    const item = await deps.repos.incidents.get(input.incidentId);
    if (item.DatixReference) return { kind: 'recorded', reference: item.DatixReference };
    // The deadline fired just as a "no Datix report" triage was recorded: the person wins.
    if (input.reason === 'not-triaged-in-time' && item.TriageOutcome === 'No Datix report needed') return { kind: 'not-needed' };

    const gateway = deps.gateway();
    let escalation: DatixEscalation;
    try {
      escalation = await gateway.escalate(await datixReportFromItem(item, deps.people), datixIdempotencyKey(item.Id));
    } catch (err) {
      if (err instanceof DatixEscalationError && err.details.retryable) throw err;
      if (err instanceof DatixEscalationError || err instanceof DatixReportError) return { kind: 'failed', problem: err.message };
      throw err;
    }
    const route = DATIX_ROUTE_LABEL[gateway.adapter];
    if (escalation.kind === 'recorded') {
      const { reference } = escalation;
      await deps.repos.incidents.modify(item.Id, (current) =>
        current.DatixReference
          ? null
          : { DatixReference: reference, EscalatedAt: input.at, Status: 'Escalated to Datix', DatixRoute: route, DatixReason: DATIX_REASON_LABEL[input.reason] },
      );
      await audit(item, {
        title: `Reported to Datix: ${reference}`,
        eventType: 'incident-escalated-to-datix',
        at: input.at,
        key: `incident-${item.Id}/datix-recorded`,
        details: { reference, reason: input.reason, adapter: gateway.adapter, idempotencyKey: datixIdempotencyKey(item.Id) },
      });
      const person = await actingFor('IG_MANAGER', input.at);
      await deps.notifier.send(
        'datixRecorded',
        person.email,
        { incident: incidentRef(item), reason: input.reason, datixReference: reference, dashboardUrl: deps.dashboardUrl },
        `${input.instanceId}/datix-recorded/${person.email}`,
      );
      return { kind: 'recorded', reference };
    }
    await askTeam(item, { ...input, route, problem: null, emailedTo: escalation.instructions.emailedTo });
    return { kind: 'awaiting-reference' };
  }

  async function requestManualDatixEntry(input: RequestManualDatixEntryInput): Promise<void> {
    const item = await deps.repos.incidents.get(input.incidentId);
    if (item.DatixReference) return;
    await askTeam(item, { ...input, route: DATIX_ROUTE_LABEL.manual, problem: input.problem });
  }

  /** The manual path: the item waits for its reference, and the team gets the task page's link. */
  async function askTeam(
    item: IncidentItem,
    input: { instanceId: string; reason: DatixReason; at: string; route: IncidentItem['DatixRoute']; problem: string | null; emailedTo?: string },
  ): Promise<void> {
    const updated = await deps.repos.incidents.modify(item.Id, (current) =>
      current.DatixReference
        ? null
        : {
            Status: 'Awaiting Datix reference',
            EscalatedAt: current.EscalatedAt ?? input.at,
            DatixRoute: input.route,
            DatixReason: DATIX_REASON_LABEL[input.reason],
            DatixProblem: input.problem,
          },
    );
    if (updated.DatixReference) return;
    await audit(item, {
      title: input.problem ? 'Datix could not be told automatically: logging by hand requested' : 'Logging in Datix requested',
      eventType: 'incident-datix-entry-requested',
      at: input.at,
      key: `incident-${item.Id}/datix-entry-requested`,
      details: { reason: input.reason, route: input.route, problem: input.problem, emailedTo: input.emailedTo ?? null },
    });
    const person = await actingFor('IG_MANAGER', input.at);
    await deps.notifier.send(
      'datixEntryNeeded',
      person.email,
      {
        incident: incidentRef(updated),
        reason: input.reason,
        reminderNumber: 0,
        waitingSince: updated.EscalatedAt ?? input.at,
        ...(input.emailedTo ? { emailedTo: input.emailedTo } : {}),
        automaticFailed: input.problem !== null,
        actionUrl: linkFor(item.Id, 'datix-reference', person, input.at),
      },
      `${input.instanceId}/datix-entry-needed/${person.email}`,
    );
  }

  async function remindDatixReference(input: RemindDatixReferenceInput): Promise<RemindOutput> {
    const item = await deps.repos.incidents.get(input.incidentId);
    if (item.DatixReference) return { recorded: true, value: item.DatixReference };
    const person = await actingFor('IG_MANAGER', input.at);
    const key = `${input.instanceId}/datix-reminder-${input.reminderNumber}`;
    await deps.notifier.send(
      'datixEntryNeeded',
      person.email,
      {
        incident: incidentRef(item),
        reason: input.reason,
        reminderNumber: input.reminderNumber,
        waitingSince: item.EscalatedAt ?? input.at,
        automaticFailed: item.DatixProblem !== null,
        actionUrl: linkFor(item.Id, 'datix-reference', person, input.at),
      },
      `${key}/${person.email}`,
    );
    await audit(item, {
      title: `Reminder ${input.reminderNumber}: Datix reference still to be recorded`,
      eventType: 'incident-datix-reminder',
      at: input.at,
      key,
      details: { reminderNumber: input.reminderNumber, told: person.email },
    });
    return { recorded: false };
  }

  return { escalateToDatix, requestManualDatixEntry, remindDatixReference };
}
