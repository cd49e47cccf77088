import { routingRuleFor, STEP_CODES, type StepCode } from '../domain';
import { collect, type AiRequestStatus, type AuditItem, type Repositories } from '../sharepoint';

/**
 * Only the workflow writes a request's status and outcome (issue 14 item 7). SharePoint has no
 * column permissions, so a person who may edit their request in the list can also type a status
 * into it: the status is therefore trusted only as far as the audit log bears it out. These are
 * the checks, over the request's audit entries.
 */
type Entry = Pick<AuditItem, 'EventType' | 'SubjectList' | 'Actor' | 'Details' | 'Sequence'>;

/** The outcomes the workflow records (finishRequest), and the Status each leaves on the item. */
const OUTCOME_STATUS: Readonly<Record<string, AiRequestStatus>> = {
  'request-approved': 'Approved',
  'request-rejected': 'Rejected',
  'request-refused': 'Rejected',
  'request-withdrawn': 'Withdrawn',
};
/** The workflow's other status writes, each audited as it is made. */
const PROGRESS_STATUS: Readonly<Record<string, AiRequestStatus>> = {
  'route-planned': 'In review',
  'more-information-requested': 'More information needed',
};
const SETTLED = new Set(['approved', 'not-required']);

const details = (e: Entry): Record<string, unknown> => {
  try {
    return (JSON.parse(e.Details ?? '{}') as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
};
const bySystem = (e: Entry): boolean => e.Actor === 'system' && (e.SubjectList ?? 'AI Requests') === 'AI Requests';
const isStepCode = (code: unknown): code is StepCode => typeof code === 'string' && (STEP_CODES as readonly string[]).includes(code);
const lastIndex = <T>(items: readonly T[], test: (item: T) => boolean): number => {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
};

/** A request's audit entries, in order (item ids repeat across lists: only the AI Requests ones). */
export async function requestAuditEntries(repos: Pick<Repositories, 'auditLog'>, requestId: number): Promise<AuditItem[]> {
  return (await collect(repos.auditLog.forSubject(requestId)))
    .filter((e) => (e.SubjectList ?? 'AI Requests') === 'AI Requests')
    .sort((a, b) => a.Sequence - b.Sequence);
}

/**
 * Whether the audit log holds the decisions that approved the request: the workflow's own
 * "request approved" entry, after a route it planned, with an approval (or a recorded "not
 * required") of every step of that route; on a joint step, from each of its roles.
 */
export function approvalOnRecord(entries: readonly Entry[]): boolean {
  const system = entries.filter(bySystem);
  const approvedAt = lastIndex(system, (e) => e.EventType === 'request-approved');
  const routeAt = lastIndex(system, (e) => e.EventType === 'route-planned');
  if (approvedAt < 0 || routeAt < 0 || routeAt > approvedAt) return false;
  const stages = details(system[routeAt]).steps;
  if (!Array.isArray(stages)) return false;
  const codes = (stages as unknown[]).flat();
  if (!codes.every(isStepCode)) return false;

  const settled = entries
    .filter((e) => e.EventType === 'decision-recorded')
    .map(details)
    .filter((d) => SETTLED.has(String(d.outcome)));
  return codes.every((code) => {
    const decisions = settled.filter((d) => d.stepCode === code);
    const rule = routingRuleFor(code);
    // A joint step needs each role's decision (one without a role is from before joint steps).
    if (rule.deciders === 'all' && !decisions.some((d) => d.roleCode === null || d.roleCode === undefined)) {
      return rule.roleCodes.every((role) => decisions.some((d) => d.roleCode === role));
    }
    return decisions.length > 0;
  });
}

export type StatusCheck = { trusted: true } | { trusted: false; reason: string; statusOnRecord: AiRequestStatus | null };

/**
 * Whether a request's Status is one the workflow wrote: "Approved" needs its approval on record,
 * and a request the workflow finished keeps the outcome it recorded. `statusOnRecord`: the status
 * the workflow's last audited write left (none before it planned a route).
 */
export function checkStatus(status: string, entries: readonly Entry[]): StatusCheck {
  const system = entries.filter(bySystem);
  const outcome = system[lastIndex(system, (e) => e.EventType in OUTCOME_STATUS)] as Entry | undefined;
  const latest = system[lastIndex(system, (e) => e.EventType in OUTCOME_STATUS || e.EventType in PROGRESS_STATUS)] as Entry | undefined;
  const statusOnRecord = latest ? (OUTCOME_STATUS[latest.EventType] ?? PROGRESS_STATUS[latest.EventType]) : null;
  if (status === 'Approved' && !approvalOnRecord(entries)) {
    return { trusted: false, statusOnRecord, reason: 'the Status says Approved, but the audit log holds no approval of this request by the workflow' };
  }
  if (outcome && status !== OUTCOME_STATUS[outcome.EventType]) {
    return { trusted: false, statusOnRecord, reason: `the workflow finished this request as ${OUTCOME_STATUS[outcome.EventType]}, but the Status says ${status}` };
  }
  return { trusted: true };
}

/** The requests, of those whose Status says Approved, that the audit log shows the workflow approved. */
export async function approvedOnRecord<T extends { Id: number }>(repos: Pick<Repositories, 'auditLog'>, items: readonly T[]): Promise<T[]> {
  const held = await Promise.all(items.map(async (item) => approvalOnRecord(await requestAuditEntries(repos, item.Id))));
  return items.filter((_, i) => held[i]);
}

/** The kinds of audit entry a request's status on record is read from. */
export const STATUS_EVENT_TYPES: readonly string[] = [...Object.keys(OUTCOME_STATUS), ...Object.keys(PROGRESS_STATUS), 'decision-recorded'];

/**
 * The status the workflow's last audited write left: "Submitted" before it planned a route, and
 * "Approved" only with the approval on record (otherwise the request is still "In review").
 */
export function recordedStatus(entries: readonly Entry[]): AiRequestStatus {
  const system = entries.filter(bySystem);
  const latest = system[lastIndex(system, (e) => e.EventType in OUTCOME_STATUS || e.EventType in PROGRESS_STATUS)] as Entry | undefined;
  if (!latest) return 'Submitted';
  const status = OUTCOME_STATUS[latest.EventType] ?? PROGRESS_STATUS[latest.EventType];
  return status === 'Approved' && !approvalOnRecord(entries) ? 'In review' : status;
}

/**
 * Every request's audit entries of the given kinds, each request's in order: one query per kind
 * on the indexed EventType, instead of one query per request (the dashboard and the governance
 * summary read thousands of requests).
 */
export async function requestEntriesByKind(repos: Pick<Repositories, 'auditLog'>, eventTypes: readonly string[]): Promise<Map<number, AuditItem[]>> {
  const pages = await Promise.all(eventTypes.map((type) => collect(repos.auditLog.byEventType(type, { pageSize: 5000 }))));
  const byRequest = new Map<number, AuditItem[]>();
  for (const e of pages.flat()) {
    if ((e.SubjectList ?? 'AI Requests') !== 'AI Requests' || e.SubjectItemId === null || e.SubjectItemId === undefined) continue;
    const list = byRequest.get(e.SubjectItemId) ?? [];
    list.push(e);
    byRequest.set(e.SubjectItemId, list);
  }
  for (const list of byRequest.values()) list.sort((a, b) => a.Sequence - b.Sequence);
  return byRequest;
}

/**
 * The items whose status on record is Approved, reading the audit log by kind of entry (a few
 * queries however many items) rather than once per item.
 */
export async function approvedOnRecordByKind<T extends { Id: number }>(repos: Pick<Repositories, 'auditLog'>, items: readonly T[]): Promise<T[]> {
  if (items.length === 0) return [];
  const entries = await requestEntriesByKind(repos, STATUS_EVENT_TYPES);
  return items.filter((item) => recordedStatus(entries.get(item.Id) ?? []) === 'Approved');
}
