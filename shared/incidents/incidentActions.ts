import type { AuditEvent, AuditLog } from '../audit/auditLog';
import { toFieldMessages, type FieldMessage } from '../domain/fieldErrors';
import type { RoleConfiguration } from '../domain/schemas/roleConfiguration';
import type { RoleCode } from '../domain/schemas/stepCodes';
import { unlessNotFound } from '../sharepoint/errors';
import type { PeopleDirectory } from '../sharepoint/people';
import type { IncidentItem, IncidentsRepository } from '../sharepoint/repositories/aiIncidents';
import { breachReportInputSchema, datixReferenceInputSchema, triageInputSchema } from './incidentActionInputs';
import type { IncidentSignal, TriageDecision } from './incidentSignals';

/** What someone can do about an incident; each has a page (from an emailed link) and a JSON endpoint. */
export const INCIDENT_ACTIONS = ['triage', 'datix-reference', 'breach-report'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/**
 * Who may act without a link (the web part's endpoints): the people of these roles (primary and
 * deputies) and the governance lead. A link is sent to one of them, so it carries the authority.
 */
export const ACTION_ROLES: Record<IncidentAction, readonly RoleCode[]> = {
  triage: ['IG_MANAGER', 'SENIOR_IG_MANAGER', 'CLINICAL_SAFETY_OFFICER', 'GOVERNANCE_LEAD'],
  'datix-reference': ['IG_MANAGER', 'SENIOR_IG_MANAGER', 'GOVERNANCE_LEAD'],
  'breach-report': ['HEAD_OF_SAFE_PRACTICE', 'SIRO', 'GOVERNANCE_LEAD'],
};

export const ACTION_WHO: Record<IncidentAction, string> = {
  triage: 'the Information Governance Manager, the Senior Information Governance Manager, the Clinical Safety Officer, their deputies and the AI governance lead',
  'datix-reference': 'the Information Governance Manager, the Senior Information Governance Manager, their deputies and the AI governance lead',
  'breach-report': 'the Head of Safe Practice, the Senior Information Risk Owner, their deputies and the AI governance lead',
};

export const TRIAGE_OUTCOME_LABEL = {
  'report-to-datix': 'Report to Datix',
  'no-datix-report': 'No Datix report needed',
} as const satisfies Record<TriageDecision, IncidentItem['TriageOutcome'] & string>;

export const BREACH_OUTCOME_LABEL = {
  reported: 'Reported to the regulator',
  'not-reportable': 'Not reportable',
} as const;

export interface IncidentActionDeps {
  repos: { incidents: IncidentsRepository };
  people: PeopleDirectory;
  roles: { get(code: RoleCode): Promise<RoleConfiguration> };
  governanceLeadEmail: string;
  audit: AuditLog;
  now(): Date;
  /** Wakes the incident's waiting orchestration, if it is still waiting; does nothing otherwise. */
  signal(incidentId: number, signal: IncidentSignal): Promise<void>;
}

export interface Actor {
  email: string;
  channel: 'Email' | 'Teams' | 'Web';
}

export type ActionResult =
  | { ok: true; status: 200; message: string; item: IncidentItem }
  | { ok: false; status: 400; errors: FieldMessage[] }
  | { ok: false; status: 404 | 409; message: string };

const when = (iso: string): string => new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/**
 * Records the answers on the AI Incidents item, once each (the write is guarded by the item's etag,
 * so two people answering at the same moment get one answer and one clear refusal), appends them to
 * the audit log, then wakes the orchestration. Sending the same answer again is harmless: it is
 * not written twice, and the orchestration is woken again in case the first wake-up was lost.
 */
export function makeIncidentActionService(deps: IncidentActionDeps) {
  const load = (incidentId: number): Promise<IncidentItem | undefined> => unlessNotFound(deps.repos.incidents.get(incidentId));
  const notFound = (id: number): ActionResult => ({ ok: false, status: 404, message: `There is no incident ${id}.` });
  const nameOf = async (id: number | null): Promise<string> => (id ? (await deps.people.personFor(id)).name : 'someone');
  /** The audit entry of a person's answer on the incident, once: keyed by the incident and `what` was answered. */
  const auditAnswer = (incidentId: number, actor: Actor, at: string, what: string, entry: Pick<AuditEvent, 'title' | 'eventType' | 'details'>): Promise<void> =>
    deps.audit.append({
      title: entry.title,
      eventType: entry.eventType,
      subjectList: 'AI Incidents',
      subjectItemId: incidentId,
      actor: actor.email,
      channel: actor.channel,
      occurredAt: at,
      details: entry.details,
      key: `incident-${incidentId}/${what}`,
    });

  async function mayAct(action: IncidentAction, email: string): Promise<boolean> {
    const wanted = email.trim().toLowerCase();
    if (wanted === deps.governanceLeadEmail.toLowerCase()) return true;
    for (const code of ACTION_ROLES[action]) {
      const role = await deps.roles.get(code).catch(() => undefined);
      if (role && [role.primary, ...role.deputies].some((p) => p.email.toLowerCase() === wanted)) return true;
    }
    return false;
  }

  async function triage(incidentId: number, body: unknown, actor: Actor): Promise<ActionResult> {
    const parsed = triageInputSchema.safeParse(body);
    if (!parsed.success) return { ok: false, status: 400, errors: toFieldMessages(parsed.error) };
    const item = await load(incidentId);
    if (!item) return notFound(incidentId);
    const { decision, notes } = parsed.data;
    const at = deps.now().toISOString();
    const byId = await deps.people.idFor(actor.email);
    const outcome = TRIAGE_OUTCOME_LABEL[decision];
    const updated = await deps.repos.incidents.modify(incidentId, (current) =>
      current.TriagedAt
        ? null
        : { TriagedById: byId, TriagedAt: at, TriageOutcome: outcome, TriageNotes: notes ?? null, Status: current.Status === 'Reported' ? 'Triaged' : current.Status },
    );
    if (updated.TriagedAt !== at || updated.TriagedById !== byId) {
      if (updated.TriagedById === byId && updated.TriageOutcome === outcome && updated.TriagedAt) {
        await deps.signal(incidentId, { kind: 'triaged', value: { decision, by: actor.email, at: updated.TriagedAt } });
        return { ok: true, status: 200, message: `Your triage of incident ${incidentId} was already recorded.`, item: updated };
      }
      return {
        ok: false,
        status: 409,
        message: `Incident ${incidentId} was already triaged by ${await nameOf(updated.TriagedById)} on ${when(updated.TriagedAt ?? at)} (${updated.TriageOutcome ?? 'no outcome'}). Nothing was changed.`,
      };
    }
    await auditAnswer(incidentId, actor, at, 'triaged', { title: `Incident triaged: ${outcome}`, eventType: 'incident-triaged', details: { decision, notes: notes ?? null } });
    await deps.signal(incidentId, { kind: 'triaged', value: { decision, by: actor.email, at } });
    return { ok: true, status: 200, message: triageMessage(updated, decision), item: updated };
  }

  async function datixReference(incidentId: number, body: unknown, actor: Actor): Promise<ActionResult> {
    const parsed = datixReferenceInputSchema.safeParse(body);
    if (!parsed.success) return { ok: false, status: 400, errors: toFieldMessages(parsed.error) };
    const item = await load(incidentId);
    if (!item) return notFound(incidentId);
    const { reference } = parsed.data;
    if (!item.DatixReference && item.Status !== 'Awaiting Datix reference') {
      return { ok: false, status: 409, message: `Incident ${incidentId} is not waiting for a Datix reference (its status is ${item.Status}). Nothing was changed.` };
    }
    const at = deps.now().toISOString();
    const byId = await deps.people.idFor(actor.email);
    const updated = await deps.repos.incidents.modify(incidentId, (current) =>
      current.DatixReference ? null : { DatixReference: reference, DatixReferenceRecordedById: byId, Status: 'Escalated to Datix' },
    );
    if (updated.DatixReferenceRecordedById !== byId || updated.DatixReference !== reference) {
      if (updated.DatixReference === reference) {
        await deps.signal(incidentId, { kind: 'datix-reference-recorded', value: { reference, by: actor.email, at } });
        return { ok: true, status: 200, message: `Datix reference ${reference} was already recorded on incident ${incidentId}.`, item: updated };
      }
      return { ok: false, status: 409, message: `Incident ${incidentId} already has the Datix reference ${updated.DatixReference ?? ''}. Nothing was changed.` };
    }
    if (item.DatixReference === reference) {
      await deps.signal(incidentId, { kind: 'datix-reference-recorded', value: { reference, by: actor.email, at } });
      return { ok: true, status: 200, message: `Datix reference ${reference} was already recorded on incident ${incidentId}.`, item: updated };
    }
    await auditAnswer(incidentId, actor, at, 'datix-reference', { title: `Datix reference recorded: ${reference}`, eventType: 'incident-datix-reference-recorded', details: { reference } });
    await deps.signal(incidentId, { kind: 'datix-reference-recorded', value: { reference, by: actor.email, at } });
    return { ok: true, status: 200, message: `Datix reference ${reference} is recorded on incident ${incidentId}. The escalation to Datix is complete, and the reminders stop.`, item: updated };
  }

  async function breachReport(incidentId: number, body: unknown, actor: Actor): Promise<ActionResult> {
    const parsed = breachReportInputSchema.safeParse(body);
    if (!parsed.success) return { ok: false, status: 400, errors: toFieldMessages(parsed.error) };
    const item = await load(incidentId);
    if (!item) return notFound(incidentId);
    if (!item.PersonalDataBreach) {
      return { ok: false, status: 409, message: `Incident ${incidentId} was not reported as a personal data breach, so there is no regulator report to record. Nothing was changed.` };
    }
    const { outcome, toolkitReference, reason } = parsed.data;
    const label = BREACH_OUTCOME_LABEL[outcome];
    const at = deps.now().toISOString();
    const byId = await deps.people.idFor(actor.email);
    const updated = await deps.repos.incidents.modify(incidentId, (current) =>
      current.BreachReportOutcome
        ? null
        : {
            BreachReportOutcome: label,
            BreachReportReference: outcome === 'reported' ? (toolkitReference ?? null) : null,
            BreachNotReportableReason: outcome === 'not-reportable' ? (reason ?? null) : null,
            BreachReportRecordedById: byId,
            BreachReportRecordedAt: at,
          },
    );
    if (updated.BreachReportRecordedAt !== at || updated.BreachReportRecordedById !== byId) {
      const same = updated.BreachReportOutcome === label && (outcome !== 'reported' || updated.BreachReportReference === toolkitReference);
      if (same && updated.BreachReportRecordedAt) {
        await deps.signal(incidentId, { kind: 'breach-report-recorded', value: { outcome, by: actor.email, at: updated.BreachReportRecordedAt } });
        return { ok: true, status: 200, message: `The regulator report for incident ${incidentId} was already recorded.`, item: updated };
      }
      return {
        ok: false,
        status: 409,
        message: `The regulator report for incident ${incidentId} was already recorded by ${await nameOf(updated.BreachReportRecordedById)} on ${when(updated.BreachReportRecordedAt ?? at)} (${updated.BreachReportOutcome ?? ''}). Nothing was changed.`,
      };
    }
    await auditAnswer(incidentId, actor, at, 'breach-report', { title: `Personal data breach: ${label}`, eventType: 'incident-breach-report-recorded', details: { outcome, toolkitReference: toolkitReference ?? null, reason: reason ?? null } });
    await deps.signal(incidentId, { kind: 'breach-report-recorded', value: { outcome, by: actor.email, at } });
    const message =
      outcome === 'reported'
        ? `Recorded: incident ${incidentId} was reported through the Data Security and Protection Toolkit (reference ${toolkitReference ?? ''}). The reminders stop.`
        : `Recorded: incident ${incidentId} is not reportable to the regulator, with your reason. The reminders stop.`;
    return { ok: true, status: 200, message, item: updated };
  }

  return { load, mayAct, triage, datixReference, breachReport };
}

export type IncidentActionService = ReturnType<typeof makeIncidentActionService>;

function triageMessage(item: IncidentItem, decision: TriageDecision): string {
  const id = item.Id;
  if (item.DatixReference) {
    return `Your triage of incident ${id} is recorded. It was already reported to Datix (reference ${item.DatixReference}), ${item.DatixReason === 'Research-related' ? 'because research concerns must be reported via Datix' : 'because it was not triaged in time'}.`;
  }
  if (item.Status === 'Awaiting Datix reference') {
    return `Your triage of incident ${id} is recorded. It is already waiting to be logged in Datix (${item.DatixReason ?? 'reported'}).`;
  }
  return decision === 'report-to-datix'
    ? `Your triage of incident ${id} is recorded: it is being reported to Datix now.`
    : `Your triage of incident ${id} is recorded: no Datix report is needed.`;
}
