import { collect } from '../shared/sharepoint/listRepository';
import { provisionSite } from '../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../shared/sharepoint/repositories';
import { createSp } from '../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from '../local/sharepoint/standalone';

/**
 * SharePoint data-access benchmark against the emulator, in one process, over real HTTP and
 * PnPjs: round trips for one request's lifecycle (unbatched vs batched, as a ratio from the same
 * run), items/s for batched writes, and p50/p95 of an indexed query on a 10,000-item list.
 */
export async function benchSharePoint(): Promise<Record<string, unknown>> {
  const { h, repos, userId } = await provisionedEmulator();
  try {
    const lifecycleUnbatched = await lifecycle(h, repos, userId, false);
    const lifecycleBatched = await lifecycle(h, repos, userId, true);
    const writes = await batchedWrites(repos);
    const query = await indexedQuery(h, repos);
    return {
      roundTripsPerRequestLifecycle: { unbatched: lifecycleUnbatched, batched: lifecycleBatched, ratio: round(lifecycleUnbatched / lifecycleBatched) },
      batchedWritesItemsPerSecond: writes,
      indexedQueryOver10000Items: query,
    };
  } finally {
    await h.close();
  }
}

/** The emulator with the site provisioned, its repositories and one site user (the caller closes it). */
export async function provisionedEmulator(): Promise<{ h: EmulatorHarness; sp: ReturnType<typeof createSp>; repos: Repositories; userId: number }> {
  const h = await startEmulator();
  const sp = createSp({ siteUrl: h.siteUrl });
  await provisionSite(sp);
  return { h, sp, repos: createRepositories(sp), userId: (await sp.web.ensureUser('i:0#.f|membership|bench.user@example.nhs.uk')).Id };
}

const STEPS = ['FINANCE', 'IG', 'DIGITAL', 'CSO', 'CALDICOTT'];

/** One request from submission to approval: 5 parallel steps, their answers, status and audit rows. */
async function lifecycle(h: EmulatorHarness, repos: Repositories, userId: number, batched: boolean): Promise<number> {
  const start = h.requestCount();
  const request = await repos.requests.create(requestFields(userId, 'Lifecycle'));
  const tasks = STEPS.map((code) => taskFields(code, userId, request.Id));
  const audit = (n: number) => Array.from({ length: n }, (_, i) => auditFields(i, request.Id));
  if (batched) {
    const created = await repos.approvalTasks.createMany(tasks);
    await repos.auditLog.appendMany(audit(STEPS.length + 1));
    await repos.approvalTasks.updateMany(created.map((t) => ({ id: t.Id, etag: t.etag, changes: { Status: 'Completed' as const, Outcome: 'Approved' as const } })));
    await repos.auditLog.appendMany(audit(STEPS.length + 1));
  } else {
    const created = [];
    for (const t of tasks) created.push(await repos.approvalTasks.create(t));
    for (const a of audit(STEPS.length + 1)) await repos.auditLog.append(a);
    for (const t of created) await repos.approvalTasks.update(t.Id, { Status: 'Completed', Outcome: 'Approved' }, t.etag);
    for (const a of audit(STEPS.length + 1)) await repos.auditLog.append(a);
  }
  await repos.requests.modify(request.Id, () => ({ Status: 'Approved' }));
  return h.requestCount() - start;
}

async function batchedWrites(repos: Repositories): Promise<number> {
  const items = Array.from({ length: 2000 }, (_, i) => auditFields(i, 1));
  const started = performance.now();
  await repos.auditLog.appendMany(items);
  return Math.round(items.length / ((performance.now() - started) / 1000));
}

async function indexedQuery(h: EmulatorHarness, repos: Repositories): Promise<Record<string, number>> {
  const statuses = ['Submitted', 'In review', 'Approved', 'Rejected'] as const;
  h.emulator.insertItems('AI Requests', Array.from({ length: 10_000 }, (_, i) => ({ ...requestFields(7, `Bulk ${i}`), Status: statuses[i % statuses.length] })));
  const timings: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const first = await repos.requests.byStatus(statuses[i % statuses.length], { pageSize: 100 }).next();
    timings.push(performance.now() - started);
    if (first.done || first.value.length !== 100) throw new Error('indexed query returned no full page');
  }
  timings.sort((a, b) => a - b);
  const pages = await collect(repos.requests.byStatus('Approved', { pageSize: 1000 }));
  return { p50Ms: round(timings[100]), p95Ms: round(timings[190]), itemsPerPage: 100, approvedItemsReadInPagesOf1000: pages.length };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function requestFields(userId: number, title: string) {
  return {
    Title: title, RequestType: 'Healthcare AI product' as const, RequesterId: userId, Directorate: 'Digital', Supplier: null, Product: null,
    Purpose: 'Benchmark', IntendedBenefits: null, SuccessMetrics: null, LegalBasis: null, DataCategories: [], PersonalData: false,
    SpecialCategoryData: false, ConfidentialPatientInfo: false, HealthcareProvision: false, ClinicalUse: false, MedicalDevice: false,
    Research: false, ServiceChange: false, AutomatedDecisions: false, HumanReviewArrangement: null, InstallNeeded: false,
    NationallyProcured: false, EstimatedCost: null, Status: 'Submitted' as const, CurrentStage: null, RiskRating: null, RouteJson: null,
    OrchestrationInstanceId: null, DpiaReference: null, DtacReference: null, HraReference: null, DecisionSummary: null, ReviewDueDate: null,
  };
}

function taskFields(code: string, userId: number, requestId: number) {
  return {
    Title: `${code} review`, RequestId: requestId, StepCode: code, RoleCode: code, AssigneeId: userId, DelegateId: null, Status: 'Pending' as const,
    Outcome: null, Comments: null, DueDate: null, RemindersSent: 0, Escalated: false, RespondedById: null, RespondedAt: null, ResponseChannel: null,
  };
}

function auditFields(n: number, subject: number) {
  return {
    Title: `event ${n}`, Sequence: n, EventType: 'bench', SubjectList: 'AI Requests', SubjectItemId: subject, Actor: 'bench', Channel: 'System' as const,
    OccurredAt: '2026-11-25T10:00:00Z', Details: null, PreviousHash: '0', Hash: '1',
  };
}
