import { performance } from 'node:perf_hooks';
import { requestsDashboard } from '../shared/governance/requestsDashboard';
import { requestAuditEntries, requestEntriesByKind, STATUS_EVENT_TYPES } from '../shared/requests/statusOnRecord';
import { TURNAROUND_EVENT_TYPES } from '../shared/governance/turnaround';
import { PnpPeopleDirectory } from '../shared/sharepoint/people';
import type { Settings } from '../shared/config/settings';
import { provisionedEmulator } from './sharepoint';

const REQUESTS = 500;
/** What one approved two-step request leaves in the audit log, messages included (those the dashboard does not need). */
const LIFECYCLE = ['request-submitted', 'route-planned', 'step-assigned', 'step-assigned', 'message-sent', 'message-sent', 'decision-recorded', 'decision-recorded', 'message-sent', 'request-approved'];

/**
 * The governance dashboard's reads against the emulator, over real HTTP and PnPjs, for 500
 * approved requests: the status on record read per request (one audit query each, as the
 * register does) against by kind of entry (one query per kind), and the whole dashboard; round
 * trips and milliseconds from the same run.
 */
export async function benchDashboard(): Promise<Record<string, unknown>> {
  const { h, sp, repos, userId } = await provisionedEmulator();
  try {
    let sequence = 0;
    for (let k = 0; k < REQUESTS; k += 100) {
      const created = await repos.requests.createMany(
        Array.from({ length: Math.min(100, REQUESTS - k) }, (_, i) => ({ Title: `Dashboard bench ${k + i}`, RequestType: 'Freely available AI tool' as const, RequesterId: userId, Purpose: 'Benchmark', Directorate: 'Digital', Status: 'Approved' as const })),
      );
      await repos.auditLog.appendMany(
        created.flatMap((item) =>
          LIFECYCLE.map((eventType, i) => ({
            Title: eventType, Sequence: ++sequence, EventType: eventType, SubjectList: 'AI Requests', SubjectItemId: item.Id, Actor: eventType === 'decision-recorded' ? 'bench.user@example.nhs.uk' : 'system',
            Channel: 'System' as const, OccurredAt: `2026-11-${String(2 + i).padStart(2, '0')}T10:00:00Z`, PreviousHash: '0', Hash: String(sequence),
            Details: JSON.stringify(eventType === 'route-planned' ? { steps: [['IG_NOTIFY']] } : { stepCode: 'IG_NOTIFY', attempt: 1, outcome: 'approved', due: '2026-11-20T23:59:59Z' }),
          })),
        ),
      );
    }
    const ids = Array.from({ length: REQUESTS }, (_, i) => i + 1);
    const measure = async (read: () => Promise<unknown>) => {
      const calls = h.requestCount();
      const started = performance.now();
      await read();
      return { roundTrips: h.requestCount() - calls, ms: Math.round(performance.now() - started) };
    };
    const perRequest = await measure(() => Promise.all(ids.map((id) => requestAuditEntries(repos, id))));
    const byKind = await measure(() => requestEntriesByKind(repos, [...new Set([...STATUS_EVENT_TYPES, ...TURNAROUND_EVENT_TYPES])]));
    const deps = { sp, repos, people: new PnpPeopleDirectory(sp), settings: { PUBLIC_BASE_URL: 'http://localhost:7071' } as Settings };
    const dashboard = await measure(() => requestsDashboard(deps, {}, new Date('2026-12-01T09:00:00Z')));
    return { requests: REQUESTS, auditEntries: sequence, statusOnRecordPerRequest: perRequest, statusOnRecordByKind: byKind, wholeDashboard: dashboard };
  } finally {
    await h.close();
  }
}
