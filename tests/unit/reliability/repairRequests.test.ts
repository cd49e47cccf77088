import { repairUnstartedRequests } from '../../../shared/requests/repairRequests';
import { fakeDurableClient } from '../../support/fakeDurableClient';
import type { AiRequestItem } from '../../../shared/sharepoint';

type Row = Pick<AiRequestItem, 'Id' | 'Title' | 'Created' | 'RequesterId' | 'IntakeJson' | 'OrchestrationInstanceId' | 'Status' | 'Reference'>;

// Defect: a crash between writing the row and starting its orchestration left the request
// unrouted for good (33 such rows after a start-up burst, still unrouted after a restart).
function fakes(rows: Row[], running: string[] = []) {
  const { client, started } = fakeDurableClient(running);
  const audited: string[] = [];
  const services = {
    repos: {
      requests: {
        async *byStatus() {
          yield await Promise.resolve(rows as AiRequestItem[]);
        },
        get: (id: number) => Promise.resolve(rows.find((r) => r.Id === id) as AiRequestItem),
        modify: (id: number, change: (current: AiRequestItem) => Partial<AiRequestItem> | null) => {
          const row = rows.find((r) => r.Id === id)!;
          Object.assign(row, change(row as AiRequestItem) ?? {});
          return Promise.resolve(row as AiRequestItem);
        },
      },
      references: { allocate: (_year: number, requestId: number) => Promise.resolve(requestId) },
    },
    audit: { append: (e: { key: string }) => Promise.resolve(void audited.push(e.key)) },
    people: { personFor: () => Promise.resolve({ name: 'Amara Nwosu', email: 'amara.nwosu@example.nhs.uk' }) },
  };
  return { services, client, started, audited };
}

const row = (id: number, extra: Partial<Row> = {}): Row => ({
  Id: id, Title: `Request ${id}`, Created: '2026-12-01T09:00:00Z', RequesterId: 7, IntakeJson: '{"type":"procured"}', OrchestrationInstanceId: null, Status: 'Submitted', Reference: null, ...extra,
});

describe('repairing requests left without their workflow', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  test('starts the workflow of a settled row without one, once, and writes its id back', async () => {
    const rows = [row(1), row(2, { OrchestrationInstanceId: 'request-2' }), row(3, { IntakeJson: null }), row(4, { Created: '2026-12-01T09:59:50Z' })];
    const f = fakes(rows);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- structural fakes of the services
    expect(await repairUnstartedRequests(f.services as any, f.client as any, now, () => undefined)).toBe(1);
    expect(f.started).toEqual(['request-1']);
    expect(f.audited).toEqual(['request-1/submitted']);
    expect(rows[0].OrchestrationInstanceId).toBe('request-1');
    expect(rows[0].Reference).toBe('AIG-2026-0001');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await repairUnstartedRequests(f.services as any, f.client as any, now, () => undefined);
    expect(f.started).toEqual(['request-1']);
  });

  test('an instance that started before the crash only gets its id written back', async () => {
    const rows = [row(5)];
    const f = fakes(rows, ['request-5']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await repairUnstartedRequests(f.services as any, f.client as any, now, () => undefined);
    expect(f.started).toEqual([]);
    expect(rows[0].OrchestrationInstanceId).toBe('request-5');
  });
});
