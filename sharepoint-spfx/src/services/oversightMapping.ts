/* eslint-disable @rushstack/no-new-null -- this describes JSON the Function App sends, where "none" is null */
import type { OversightSummary, ReviewDate } from './types';

/**
 * `GET /api/governance/summary` (functions/governanceSummary.ts and
 * shared/governance/governanceSummary.ts in the Function App), the parts the dashboard shows.
 * Keep in step by hand; a missing part is shown as empty rather than breaking the dashboard.
 */
export interface GovernanceSummaryJson {
  reviews?: { overdue?: ReviewJson[]; dueSoon?: ReviewJson[] };
  incidentsByState?: { state: string; count: number }[];
  openIncidents?: {
    reference: string;
    title: string;
    severity: string;
    status: string;
    occurredAt: string;
    triageDueAt?: string;
    datixReference?: string;
    escalatedAt?: string;
  }[];
  datixEscalations?: { incidentReference: string; title: string; status: string; datixReference?: string; escalatedAt: string | null }[];
  datixCounts?: { recorded: number; awaitingReference: number; triageOverdue: number };
}

interface ReviewJson {
  kind: 'policy' | 'tool';
  title: string;
  dueOn: string;
  owner?: string;
}

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
