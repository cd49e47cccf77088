import type { GovernanceSummaryResponse } from '../contract/responses';
import { incidentReference } from '../incidents/incidentLabels';
import { collect } from '../sharepoint/listRepository';
import { OPEN_INCIDENT_STATUSES } from '../sharepoint/lists/aiIncidents';
import type { Repositories } from '../sharepoint/repositories';
import { approvedOnRecordByKind } from '../requests/statusOnRecord';
import type { IncidentItem } from '../sharepoint/repositories/aiIncidents';

/**
 * `GET /api/governance/summary`: the governance dashboard's oversight figures (open requests and
 * late steps are `GET /api/governance/requests`). Read from the lists on indexed columns only
 * (Status, NextReviewDue), so it keeps working past 5,000 items. Review dates come straight from
 * AI Policies and the approved requests, not from the review orchestrations: the figures are
 * what the lists say, a request counting as approved only with its approval on record.
 */
export const REVIEW_HORIZON_DAYS = 90;
const DAY_MS = 86_400_000;
const REVIEWED_POLICY_STATUSES = ['Active', 'Under review'] as const;

export interface ReviewDue {
  kind: 'policy' | 'tool';
  /** The AI Policies item, or the AI Requests item of the approved tool. */
  id: number;
  title: string;
  dueOn: string;
  owner?: string;
}

export interface DatixEscalationRow {
  incidentId: number;
  incidentReference: string;
  title: string;
  status: 'recorded' | 'awaiting-reference';
  /** Absent until the reference is recorded. */
  datixReference?: string;
  escalatedAt: string | null;
  reason: IncidentItem['DatixReason'];
  route: IncidentItem['DatixRoute'];
  /** The integration endpoint could not take it, so it is being logged by hand. */
  automaticFailed: boolean;
}

/** The answer's shape is the contract's (shared/contract/responses.ts), which the web part reads too. */
export type GovernanceSummary = GovernanceSummaryResponse;

export async function buildGovernanceSummary(deps: { repos: Pick<Repositories, 'policies' | 'requests' | 'incidents' | 'auditLog'> }, now: Date): Promise<GovernanceSummary> {
  const { repos } = deps;
  const nowMs = now.getTime();
  const horizon = nowMs + REVIEW_HORIZON_DAYS * DAY_MS;
  const horizonIso = new Date(horizon).toISOString();

  const [policies, approved, incidents] = await Promise.all([
    collect(repos.policies.reviewDueBy(horizonIso)),
    // A tool counts as approved by its status on record: an "Approved" typed into the list does not.
    collect(repos.requests.byStatus('Approved')).then((items) => approvedOnRecordByKind(repos, items)),
    Promise.all(OPEN_INCIDENT_STATUSES.map((s) => collect(repos.incidents.byStatus(s)))).then((r) => r.flat()),
  ]);

  const reviews: ReviewDue[] = [
    ...policies
      .filter((p) => (REVIEWED_POLICY_STATUSES as readonly string[]).includes(p.Status))
      .map((p) => ({ kind: 'policy' as const, id: p.Id, title: `${p.Title} (version ${p.PolicyVersion})`, dueOn: p.NextReviewDue, owner: p.PolicyOwner })),
    ...approved
      .filter((r) => r.ReviewDueDate && Date.parse(r.ReviewDueDate) <= horizon)
      .map((r) => ({ kind: 'tool' as const, id: r.Id, title: r.Title, dueOn: r.ReviewDueDate! })),
  ].sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  const escalated = incidents.filter((i) => i.Status === 'Awaiting Datix reference' || i.DatixReference);
  const datixEscalations: DatixEscalationRow[] = escalated
    .map((i) => ({
      incidentId: i.Id,
      incidentReference: incidentReference(i.Id),
      title: i.Title,
      status: i.DatixReference ? ('recorded' as const) : ('awaiting-reference' as const),
      ...(i.DatixReference ? { datixReference: i.DatixReference } : {}),
      escalatedAt: i.EscalatedAt,
      reason: i.DatixReason,
      route: i.DatixRoute,
      automaticFailed: i.DatixProblem !== null,
    }))
    .sort((a, b) => (a.status === b.status ? (b.escalatedAt ?? '').localeCompare(a.escalatedAt ?? '') : a.status === 'awaiting-reference' ? -1 : 1));

  return {
    generatedAt: now.toISOString(),
    reviews: {
      horizonDays: REVIEW_HORIZON_DAYS,
      overdue: reviews.filter((r) => Date.parse(r.dueOn) < nowMs),
      dueSoon: reviews.filter((r) => Date.parse(r.dueOn) >= nowMs),
    },
    incidentsByState: OPEN_INCIDENT_STATUSES.map((state) => ({ state, count: incidents.filter((i) => i.Status === state).length })),
    openIncidents: incidents
      .map((i) => ({
        id: i.Id,
        reference: incidentReference(i.Id),
        title: i.Title,
        category: i.Category,
        severity: i.Severity ?? 'Not graded',
        status: i.Status,
        occurredAt: i.OccurredAt,
        ...(i.TriageDueAt && !i.TriagedAt && !i.DatixReference && i.Status === 'Reported' ? { triageDueAt: i.TriageDueAt } : {}),
        ...(i.DatixReference ? { datixReference: i.DatixReference } : {}),
        ...(i.EscalatedAt ? { escalatedAt: i.EscalatedAt } : {}),
      }))
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
    datixEscalations,
    datixCounts: {
      recorded: datixEscalations.filter((d) => d.status === 'recorded').length,
      awaitingReference: datixEscalations.filter((d) => d.status === 'awaiting-reference').length,
      triageOverdue: incidents.filter((i) => i.Status === 'Reported' && i.TriageDueAt !== null && Date.parse(i.TriageDueAt) < nowMs).length,
    },
  };
}
