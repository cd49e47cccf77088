import { app, type HttpRequest, type HttpResponseInit, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { approvedRequests, reviewedPolicies } from '../../shared/reviews/reviewListFacts';
import { reviewSubjectOf, toolReviewInstanceId } from '../../orchestrations/review/names';
import { appServices, type AppServices } from '../../app/services';
import { isGovernancePerson } from '../../shared/access/governanceTeam';
import { isResponse } from '../../shared/web/http';
import { foreignOrigin } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';
import { approvedOnRecord } from '../../shared/requests/statusOnRecord';
import { policyOrUndefined, requestOrUndefined, syncPolicyCycle, syncToolCycle, toolCycleInStep, type SyncOutcome } from '../../shared/reviews/reviewCycles';

type Client = Pick<df.DurableClient, 'getStatus' | 'getStatusBy' | 'startNew' | 'raiseEvent'>;

export interface ReconcileReport {
  policies: Record<SyncOutcome, number>;
  tools: Record<SyncOutcome, number>;
  /** Running cycles whose policy or approved tool the lists no longer hold (now stopped). */
  orphans: { instanceId: string; reason: string }[];
}

const tally = (): Record<SyncOutcome, number> => ({ started: 0, updated: 0, unchanged: 0, 'not-reviewed': 0 });

/**
 * Compares the lists with the running review cycles and puts right what the webhook missed:
 * starts a cycle for every active policy and approved tool that has none, tells a cycle about a
 * review date or version it does not hold, and reports (and stops) cycles whose policy or tool is
 * gone. Reads: two indexed list queries (the compared columns only) and one listing of running
 * instances.
 */
export async function reconcileReviewCycles(services: AppServices, client: Client): Promise<ReconcileReport> {
  const report: ReconcileReport = { policies: tally(), tools: tally(), orphans: [] };
  const running = new Map<string, { runtimeStatus?: df.OrchestrationRuntimeStatus; customStatus?: unknown }>();
  const live = await client.getStatusBy({ runtimeStatus: [df.OrchestrationRuntimeStatus.Running, df.OrchestrationRuntimeStatus.Pending] });
  for (const status of live) if (reviewSubjectOf(status.instanceId)) running.set(status.instanceId, status);
  const notRunning = { runtimeStatus: undefined };

  const policies = await reviewedPolicies(services.sp);
  const seen = new Set<string>();
  for (const policy of policies) {
    const instanceId = `policy-review-${policy.Id}`;
    seen.add(instanceId);
    report.policies[await syncPolicyCycle(client, policy.Id, policy, running.get(instanceId) ?? notRunning)]++;
  }
  // Only approvals the audit log holds start or correct a review cycle, never a Status typed into
  // the list. A running cycle that already holds the list's review date is left as it is, so its
  // approval (proven when the cycle started) is not read again: reading every approved tool's audit
  // entries every day was most of the reconciler's cost, and grew with each tool's history.
  const listed = (await approvedRequests(services.sp)).filter((r) => r.ReviewDueDate);
  const inStep = listed.filter((r) => toolCycleInStep(r, running.get(toolReviewInstanceId(r.Id))));
  const approved = [...inStep, ...(await approvedOnRecord(services.repos, listed.filter((r) => !inStep.includes(r))))];
  for (const request of approved) {
    const instanceId = toolReviewInstanceId(request.Id);
    seen.add(instanceId);
    report.tools[await syncToolCycle(client, request.Id, request, running.get(instanceId) ?? notRunning)]++;
  }

  for (const [instanceId, status] of running) {
    if (seen.has(instanceId)) continue;
    const subject = reviewSubjectOf(instanceId)!;
    if (subject.kind === 'policy') {
      const item = await policyOrUndefined(services.repos, subject.id);
      report.orphans.push({ instanceId, reason: item ? `policy ${subject.id} is ${item.Status.toLowerCase()}, not active` : `policy ${subject.id} is not in the AI Policies list` });
      await syncPolicyCycle(client, subject.id, item, status);
    } else {
      const item = await requestOrUndefined(services.repos, subject.id);
      report.orphans.push({ instanceId, reason: item ? `request ${subject.id} is ${item.Status.toLowerCase()} with no review date` : `request ${subject.id} is not in the AI Requests list` });
      await syncToolCycle(client, subject.id, item, status);
    }
  }
  return report;
}

function summary(r: ReconcileReport): string {
  const part = (what: string, t: Record<SyncOutcome, number>) => `${what}: ${t.started} started, ${t.updated} corrected, ${t.unchanged} in step`;
  return `Review cycles reconciled. ${part('Policies', r.policies)}. ${part('Approved tools', r.tools)}. Orphans stopped: ${r.orphans.length}.`;
}

export async function policyReconciler(_timer: Timer, context: InvocationContext): Promise<void> {
  const report = await reconcileReviewCycles(appServices(), df.getClient(context));
  context.log(summary(report));
  for (const orphan of report.orphans) context.warn(`Review cycle ${orphan.instanceId} had nothing to review (${orphan.reason}); it was stopped.`);
}

/**
 * `POST /api/reviews/reconciliation`: the same, on demand, answering with the report. For the
 * governance team only: it starts and stops review cycles for every policy and tool.
 */
export async function reconcileNow(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const refused = foreignOrigin(request, services.settings);
  if (refused) return refused;
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  if (!(await isGovernancePerson(services, email))) {
    return { status: 403, jsonBody: { error: 'Reconciling the review cycles is for the AI governance lead and the people in the AI Governance Roles list.' } };
  }
  const report = await reconcileReviewCycles(services, df.getClient(context));
  for (const orphan of report.orphans) context.warn(`Review cycle ${orphan.instanceId} had nothing to review (${orphan.reason}); it was stopped.`);
  return { status: 200, jsonBody: report };
}

// Daily before the working day (and when the app starts, so a host that was down catches up).
app.timer('policyReconciler', { schedule: '0 30 5 * * *', runOnStartup: true, extraInputs: [df.input.durableClient()], handler: policyReconciler });
app.http('reconcileReviewCycles', { methods: ['POST'], route: 'reviews/reconciliation', authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: reconcileNow });
