import type { DatixEscalation, IncidentCount, OversightSummary, ReviewDate } from './types';

/**
 * `GET /api/governance/summary` (reviews due or overdue, open incidents by state, Datix
 * escalations) is built apart from the web part. Read it tolerantly: a part whose shape is not
 * recognised is shown as empty rather than breaking the dashboard.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayAt = (o: Json, ...keys: string[]): unknown[] => {
  for (const k of keys) if (Array.isArray(o[k])) return o[k] as unknown[];
  return [];
};
const textAt = (o: Json, ...keys: string[]): string => {
  for (const k of keys) if (typeof o[k] === 'string' && o[k] !== '') return o[k] as string;
  return '';
};

function reviews(summary: Json): ReviewDate[] {
  const holder = isObject(summary.reviews) ? summary.reviews : summary;
  const rows: { row: unknown; overdue: boolean }[] = [
    ...arrayAt(holder, 'overdue', 'reviewsOverdue').map((row) => ({ row, overdue: true })),
    ...arrayAt(holder, 'due', 'dueSoon', 'reviewsDue').map((row) => ({ row, overdue: false })),
    ...(Array.isArray(summary.reviews) ? (summary.reviews as unknown[]).map((row) => ({ row, overdue: false })) : []),
  ];
  return rows.filter((r) => isObject(r.row)).map(({ row, overdue }) => {
    const r = row as Json;
    const kind = textAt(r, 'kind', 'subject', 'type');
    return {
      kind: kind === 'policy' ? 'policy' : 'tool',
      title: textAt(r, 'title', 'name'),
      dueOn: textAt(r, 'dueOn', 'due', 'reviewDue', 'nextReviewDue'),
      overdue: overdue || r.overdue === true,
      owner: textAt(r, 'owner') || undefined,
    };
  });
}

function incidents(summary: Json): IncidentCount[] {
  const holder = summary.incidentsByState ?? summary.openIncidentsByState ?? (isObject(summary.incidents) ? (summary.incidents as Json).byState : undefined);
  if (Array.isArray(holder)) {
    return holder.filter(isObject).map((r) => ({ state: textAt(r, 'state', 'status'), count: Number(r.count ?? 0) }));
  }
  if (isObject(holder)) return Object.keys(holder).map((state) => ({ state, count: Number(holder[state] ?? 0) }));
  return [];
}

function escalations(summary: Json): DatixEscalation[] {
  const holder = isObject(summary.incidents) ? (summary.incidents as Json) : summary;
  return arrayAt(holder, 'datixEscalations', 'escalations', 'escalatedToDatix')
    .filter(isObject)
    .map((r) => ({
      reference: textAt(r, 'reference', 'datixReference') || 'No reference recorded yet',
      title: textAt(r, 'title', 'category', 'description'),
      escalatedAt: textAt(r, 'escalatedAt', 'at'),
    }));
}

export function oversightFromJson(json: unknown): OversightSummary {
  const summary = isObject(json) ? json : {};
  return { reviews: reviews(summary), incidentsByState: incidents(summary), datixEscalations: escalations(summary) };
}
