import { app, type InvocationContext, type Timer } from '@azure/functions';
import { STEP_NAMES, type StepCode } from '../../shared/domain';
import type { WeeklyDigest } from '../../shared/notify';
import { collect } from '../../shared/sharepoint';
import { OPEN_INCIDENT_STATUSES } from '../../shared/sharepoint/lists/aiIncidents';
import { appClock } from '../../shared/time';
import { appServices, type AppServices } from '../../app/services';

const DAY = 86_400_000;
const REVIEW_HORIZON_DAYS = 90;
const OPEN_TASK_STATUSES = ['Pending', 'Reminded', 'Escalated'] as const;

/**
 * What the governance lead reads on Monday morning: steps past their due date, policies and
 * approved tools due for review within 90 days, and open incidents (reference and category only:
 * descriptions may hold personal data). Every query filters on an indexed column.
 */
export async function buildWeeklyDigest(services: AppServices, now: Date): Promise<WeeklyDigest> {
  const base = services.settings.PUBLIC_BASE_URL;
  const horizon = new Date(now.getTime() + REVIEW_HORIZON_DAYS * DAY).toISOString();
  const { repos } = services;

  const openTasks = (await Promise.all(OPEN_TASK_STATUSES.map((s) => collect(repos.approvalTasks.byStatus(s))))).flat();
  const overdueTasks = openTasks.filter((t) => t.DueDate && Date.parse(t.DueDate) < now.getTime());
  const titles = new Map<number, string>();
  for (const t of overdueTasks) if (!titles.has(t.RequestId)) titles.set(t.RequestId, (await repos.requests.get(t.RequestId)).Title);

  const policies = await collect(repos.policies.reviewDueBy(horizon));
  const approved = (await collect(repos.requests.byStatus('Approved'))).filter((r) => r.ReviewDueDate && r.ReviewDueDate <= horizon);
  const incidents = (await Promise.all(OPEN_INCIDENT_STATUSES.map((s) => collect(repos.incidents.byStatus(s))))).flat();

  return {
    weekEnding: now.toISOString().slice(0, 10),
    dashboardUrl: services.settings.SHAREPOINT_SITE_URL,
    overdueSteps: overdueTasks.map((t) => ({
      requestTitle: titles.get(t.RequestId)!,
      stepName: STEP_NAMES[t.StepCode as StepCode] ?? t.StepCode,
      role: t.RoleCode,
      due: t.DueDate!,
      url: `${base}/api/requests/${t.RequestId}`,
    })),
    reviewsDue: [
      ...policies.map((p) => ({ title: `${p.Title} (version ${p.PolicyVersion})`, subject: 'policy' as const, due: p.NextReviewDue, url: services.settings.SHAREPOINT_SITE_URL })),
      ...approved.map((r) => ({ title: r.Title, subject: 'tool' as const, due: r.ReviewDueDate!, url: `${base}/api/requests/${r.Id}` })),
    ],
    openIncidents: incidents.map((i) => ({
      reference: i.DatixReference ?? `AI incident ${i.Id}`,
      category: i.Category,
      severity: i.Severity ?? 'Not graded yet',
      reportedOn: i.Created,
      url: services.settings.SHAREPOINT_SITE_URL,
    })),
  };
}

export async function weeklyDigest(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = appServices();
  const digest = await buildWeeklyDigest(services, appClock.now());
  const result = await services.notifier.send('weeklyDigest', services.settings.GOVERNANCE_LEAD_EMAIL, digest, `digest/${digest.weekEnding}`);
  context.log(`Weekly digest for ${digest.weekEnding}: ${result.status}.`);
}

// Mondays at 07:00 UTC (08:00 in summer), before the working day starts.
app.timer('weeklyDigest', { schedule: '0 0 7 * * 1', handler: weeklyDigest });
