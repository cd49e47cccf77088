import type { GovernanceSummaryResponse } from '../contract/generated/contract';
import type { OversightSummary, ReviewDate } from './types';

/**
 * `GET /api/governance/summary` (the contract's GovernanceSummaryResponse), the parts the
 * dashboard shows. A missing part is shown as empty rather than breaking the dashboard, as an
 * older Function App may not send every part yet.
 */
export type GovernanceSummaryJson = Partial<GovernanceSummaryResponse>;

type ReviewJson = GovernanceSummaryResponse['reviews']['overdue'][number];

const review = (r: ReviewJson, overdue: boolean): ReviewDate => ({ kind: r.kind, title: r.title, dueOn: r.dueOn, owner: r.owner, overdue });

export function oversightFromJson(json: GovernanceSummaryJson | undefined): OversightSummary {
  const s = json ?? {};
  return {
    reviews: [...(s.reviews?.overdue ?? []).map((r) => review(r, true)), ...(s.reviews?.dueSoon ?? []).map((r) => review(r, false))],
    incidentsByState: s.incidentsByState ?? [],
    openIncidents: (s.openIncidents ?? []).map((i) => ({
      reference: i.reference,
      title: i.title,
      severity: i.severity,
      status: i.status,
      occurredAt: i.occurredAt,
      triageDueAt: i.triageDueAt,
      datixReference: i.datixReference,
    })),
    datixEscalations: (s.datixEscalations ?? []).map((d) => ({
      incidentReference: d.incidentReference,
      title: d.title,
      datixReference: d.datixReference,
      escalatedAt: d.escalatedAt ?? undefined,
    })),
    awaitingDatixReference: s.datixCounts?.awaitingReference ?? 0,
    triageOverdue: s.datixCounts?.triageOverdue ?? 0,
  };
}
