import type { AppServices } from '../appServices';
import { DASHBOARD_STATUSES, type DashboardFilters, type DashboardRequest, type DashboardResponse, type DashboardStage } from '../contract/dashboard';
import { REQUEST_STATUS_LIST_LABEL, REQUEST_TYPE_LABELS, RISK_RATING_LIST_LABEL, type RequestStatusCode } from '../contract/labels';
import {
  DEFAULT_DEADLINE_SETTINGS,
  makeWorkingCalendar,
  routingRuleFor,
  STEP_CODES,
  STEP_NAMES,
  toZonedDateTime,
  workingDaysBetween,
  type RequestType,
  type StepCode,
} from '../domain';
import { requestPageUrl } from '../sharepoint/requestItem';
import { aiApprovalTasksList } from '../sharepoint/lists/aiApprovalTasks';
import { aiRequestsList } from '../sharepoint/lists/aiRequests';
import { selectedRows } from '../sharepoint/selectedRows';
import { recordedStatus, requestEntriesByKind, STATUS_EVENT_TYPES } from '../requests/statusOnRecord';
import { turnaround, TURNAROUND_EVENT_TYPES } from './turnaround';

/**
 * The governance lead's dashboard of requests: every sent request with where it is, who holds its
 * open steps and when they are due, filtered and searched; and, over the requests shown, their
 * outcomes by month and turnaround. Read in a fixed number of queries whatever the number of
 * requests: the requests and open steps by their indexed Status, the audit log by its indexed
 * EventType (one query per kind of entry), never once per request. Statuses are the status on
 * record, so a status typed into the list is shown as the list says it only beside the truth.
 */
type Deps = Pick<AppServices, 'sp' | 'repos' | 'people' | 'settings'>;

interface RequestRow {
  Id: number;
  Title: string;
  Reference: string | null;
  RequesterId: number;
  Directorate: string | null;
  RequestType: string;
  RiskRating: string | null;
  Status: string;
}
interface TaskRow {
  RequestId: number;
  StepCode: string;
  AssigneeId: number;
  DelegateId: number | null;
  AlsoHeldById: number[] | { results?: number[] } | null;
  DueDate: string | null;
}

const SENT_LIST_STATUSES = DASHBOARD_STATUSES.map((code) => REQUEST_STATUS_LIST_LABEL[code]);
const OPEN_TASK_STATUSES = ['Pending', 'Reminded', 'Escalated'] as const;
const invert = <K extends string, V extends string>(table: Readonly<Record<K, V>>): ReadonlyMap<string, K> => new Map(Object.entries(table).map(([k, v]) => [v as string, k as K]));
const STATUS_CODE = invert(REQUEST_STATUS_LIST_LABEL);
const TYPE_CODE = invert<RequestType, string>(REQUEST_TYPE_LABELS);
const RISK_CODE = invert(RISK_RATING_LIST_LABEL);
const OUTCOME_OF: Readonly<Record<string, 'approved' | 'rejected' | 'withdrawn'>> = {
  'request-approved': 'approved',
  'request-rejected': 'rejected',
  'request-refused': 'rejected',
  'request-withdrawn': 'withdrawn',
};
const STAGES: Readonly<Record<1 | 2 | 3 | 4, DashboardStage>> = { 1: 'stage-1', 2: 'stage-2', 3: 'stage-3', 4: 'stage-4' };

const ids = (v: TaskRow['AlsoHeldById']): number[] => (Array.isArray(v) ? v : (v?.results ?? []));

function stageOf(status: RequestStatusCode, openSteps: readonly { stepCode: StepCode }[]): DashboardStage {
  if (status === 'submitted') return 'waiting-to-start';
  if (status === 'more-information') return 'with-requester';
  if (status !== 'in-review') return 'finished';
  if (openSteps.length === 0) return 'between-stages';
  return STAGES[Math.min(...openSteps.map((s) => routingRuleFor(s.stepCode).stage)) as 1 | 2 | 3 | 4];
}

function matches(r: DashboardRequest, f: DashboardFilters): boolean {
  if (f.status && r.status !== f.status) return false;
  if (f.stage && r.stage !== f.stage) return false;
  if (f.directorate && (r.directorate ?? '').trim().toLowerCase() !== f.directorate.toLowerCase()) return false;
  if (f.risk && r.risk !== f.risk) return false;
  if (f.type && r.type !== f.type) return false;
  if (f.overdue && r.overdue !== (f.overdue === 'true')) return false;
  if (f.q) {
    const text = [r.reference, r.title, r.requester.name, r.requester.email, r.directorate, REQUEST_TYPE_LABELS[r.type]].join('\n').toLowerCase();
    if (!text.includes(f.q.toLowerCase())) return false;
  }
  return true;
}

/** Months as YYYY-MM from the first to the last, none left out, so a chart's gaps are zeros. */
function everyMonth(months: readonly string[]): string[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const out: string[] = [];
  let [year, month] = sorted[0].split('-').map(Number);
  const last = sorted.at(-1)!;
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    out.push(m);
    if (m >= last) return out;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

export async function requestsDashboard(deps: Deps, filters: DashboardFilters, now: Date): Promise<DashboardResponse> {
  const { sp } = deps;
  const settings = DEFAULT_DEADLINE_SETTINGS;
  const calendar = makeWorkingCalendar(settings);
  const [requestRows, taskRows, entries] = await Promise.all([
    Promise.all(
      SENT_LIST_STATUSES.map((s) =>
        selectedRows<RequestRow>(sp, aiRequestsList, ['Id', 'Title', 'Reference', 'RequesterId', 'Directorate', 'RequestType', 'RiskRating', 'Status'], ['Status', 'eq', s]),
      ),
    ).then((r) => r.flat()),
    Promise.all(
      OPEN_TASK_STATUSES.map((s) => selectedRows<TaskRow>(sp, aiApprovalTasksList, ['RequestId', 'StepCode', 'AssigneeId', 'DelegateId', 'AlsoHeldById', 'DueDate'], ['Status', 'eq', s])),
    ).then((r) => r.flat()),
    requestEntriesByKind(deps.repos, [...new Set([...STATUS_EVENT_TYPES, ...TURNAROUND_EVENT_TYPES, 'request-withdrawn'])]),
  ]);

  const person = async (id: number) => {
    const p = await deps.people.personFor(id);
    return { name: p.name, email: p.email };
  };
  const zoned = (at: Date | string) => toZonedDateTime(at, settings.zone);
  const openByRequest = new Map<number, DashboardRequest['openSteps']>();
  for (const t of taskRows) {
    // Tasks are only ever created for a planned step, so the column holds a step code.
    if (!(STEP_CODES as readonly string[]).includes(t.StepCode)) continue;
    const overdue = t.DueDate !== null && Date.parse(t.DueDate) < now.getTime();
    const step = {
      stepCode: t.StepCode as StepCode,
      stepName: STEP_NAMES[t.StepCode as StepCode],
      holders: await Promise.all([t.DelegateId ?? t.AssigneeId, ...ids(t.AlsoHeldById)].map(person)),
      dueAt: t.DueDate,
      overdue,
      workingDays: t.DueDate === null ? null : overdue ? workingDaysBetween(zoned(t.DueDate), zoned(now), calendar) : workingDaysBetween(zoned(now), zoned(t.DueDate), calendar),
    };
    openByRequest.set(t.RequestId, [...(openByRequest.get(t.RequestId) ?? []), step]);
  }

  const all = await Promise.all(
    requestRows.map(async (row): Promise<DashboardRequest> => {
      const status = STATUS_CODE.get(recordedStatus(entries.get(row.Id) ?? [])) as (typeof DASHBOARD_STATUSES)[number];
      const listStatus = STATUS_CODE.get(row.Status);
      // Open steps of a finished request are the workflow tidying up; they are nobody's to decide.
      const openSteps = status === 'in-review' ? (openByRequest.get(row.Id) ?? []).sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '')) : [];
      return {
        id: row.Id,
        reference: row.Reference,
        title: row.Title,
        requester: await person(row.RequesterId),
        directorate: row.Directorate?.trim() || null,
        type: TYPE_CODE.get(row.RequestType) ?? 'procured',
        risk: (row.RiskRating && RISK_CODE.get(row.RiskRating)) || null,
        status,
        ...(listStatus !== status ? { listStatus: row.Status } : {}),
        stage: stageOf(status, openSteps),
        openSteps,
        overdue: openSteps.some((s) => s.overdue),
        url: requestPageUrl(deps.settings.PUBLIC_BASE_URL, row.Id),
      };
    }),
  );
  const shown = all.filter((r) => matches(r, filters)).sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.id - a.id);

  const outcomes = new Map<string, { approved: number; rejected: number; withdrawn: number }>();
  for (const r of shown) {
    if (r.status !== 'approved' && r.status !== 'rejected' && r.status !== 'withdrawn') continue;
    const at = [...(entries.get(r.id) ?? [])].reverse().find((e) => OUTCOME_OF[e.EventType] === r.status)?.OccurredAt;
    if (!at) continue;
    const month = zoned(at).toFormat('yyyy-MM');
    const counts = outcomes.get(month) ?? { approved: 0, rejected: 0, withdrawn: 0 };
    counts[r.status] += 1;
    outcomes.set(month, counts);
  }

  return {
    generatedAt: now.toISOString(),
    requests: shown,
    directorates: [...new Set(all.map((r) => r.directorate).filter((d): d is string => d !== null))].sort((a, b) => a.localeCompare(b)),
    outcomesByMonth: everyMonth([...outcomes.keys()]).map((month) => ({ month, ...(outcomes.get(month) ?? { approved: 0, rejected: 0, withdrawn: 0 }) })),
    turnaround: turnaround(
      shown.map((r) => entries.get(r.id) ?? []),
      settings,
    ),
  };
}
