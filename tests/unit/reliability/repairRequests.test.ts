import { repairUnstartedRequests } from '../../../shared/requests/repairRequests';
import { repairFakes, rowsRepository } from '../../support/repairFakes';
import type { AiRequestItem } from '../../../shared/sharepoint';

type Row = Pick<AiRequestItem, 'Id' | 'Title' | 'Created' | 'RequesterId' | 'IntakeJson' | 'OrchestrationInstanceId' | 'Status' | 'Reference'>;

// Defect: a crash between writing the row and starting its orchestration left the request
// unrouted for good (33 such rows after a start-up burst, still unrouted after a restart).
const fakes = (rows: Row[], running: string[] = []) =>
  repairFakes({ requests: rowsRepository(rows as AiRequestItem[]), references: { allocate: (_year: number, requestId: number) => Promise.resolve(requestId) } }, running);

const row = (id: number, extra: Partial<Row> = {}): Row => ({
  Id: id, Title: `Request ${id}`, Created: '2026-12-01T09:00:00Z', RequesterId: 7, IntakeJson: '{"type":"procured"}', OrchestrationInstanceId: null, Status: 'Submitted', Reference: null, ...extra,
});

describe('repairing requests left without their workflow', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  test('starts the workflow of a settled row without one, once; its id is written by the workflow, or back by the next repair', async () => {
    const rows = [row(1), row(2, { OrchestrationInstanceId: 'request-2' }), row(3, { IntakeJson: null }), row(4, { Created: '2026-12-01T09:59:50Z' })];
    const f = fakes(rows);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- structural fakes of the services
    expect(await repairUnstartedRequests(f.services as any, f.client as any, now, () => undefined)).toBe(1);
    expect(f.started).toEqual(['request-1']);
    expect(f.audited).toEqual(['request-1/submitted']);
    // The workflow's first step (planRequestRoute) writes the id, and the reference taken for it
    // at the start (it is in the workflow's input); the start leaves both to it.
    expect(rows[0].OrchestrationInstanceId).toBeNull();
    expect(rows[0].Reference).toBeNull();
    expect(f.inputs['request-1']).toMatchObject({ requestId: 1, reference: 'AIG-2026-0001' });
    // Should the workflow not have written it by the next repair, the repair writes it back and starts nothing.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await repairUnstartedRequests(f.services as any, f.client as any, now, () => undefined);
    expect(f.started).toEqual(['request-1']);
    expect(rows[0].OrchestrationInstanceId).toBe('request-1');
    expect(rows[0].Reference).toBe('AIG-2026-0001');
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
