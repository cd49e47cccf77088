import { repairUnstartedIncidents } from '../../../shared/incidents/startIncidentWorkflow';
import { repairFakes, rowsRepository } from '../../support/repairFakes';
import type { IncidentItem } from '../../../shared/sharepoint/repositories/aiIncidents';

type Row = Pick<IncidentItem, 'Id' | 'Category' | 'Created' | 'ReportedAt' | 'ReporterId' | 'OrchestrationInstanceId' | 'Status'>;

// Defect (found by `npm run chaos`): a kill between writing the incident's row and starting its
// workflow left it "Reported" for good: never triaged, never escalated to Datix.
test('an incident left without its workflow is started once, with its id written back; a fresh or started one is left alone', async () => {
  const rows: Row[] = [
    { Id: 1, Category: 'Accuracy or performance', Created: '2026-10-05T09:00:00Z', ReportedAt: '2026-10-05T09:00:00Z', ReporterId: 7, OrchestrationInstanceId: null, Status: 'Reported' },
    { Id: 2, Category: 'Accuracy or performance', Created: '2026-10-05T09:00:00Z', ReportedAt: '2026-10-05T09:00:00Z', ReporterId: 7, OrchestrationInstanceId: 'incident-2', Status: 'Reported' },
    { Id: 3, Category: 'Accuracy or performance', Created: '2026-10-05T09:59:30Z', ReportedAt: '2026-10-05T09:59:30Z', ReporterId: 7, OrchestrationInstanceId: null, Status: 'Reported' },
    { Id: 4, Category: 'Accuracy or performance', Created: '2026-10-05T09:00:00Z', ReportedAt: '2026-10-05T09:00:00Z', ReporterId: 7, OrchestrationInstanceId: null, Status: 'Reported' },
  ];
  const { services, client, started, audited } = repairFakes({ incidents: rowsRepository(rows as IncidentItem[]) }, ['incident-4']);
  const now = new Date('2026-10-05T10:00:00Z');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- structural fakes of the services
  expect(await repairUnstartedIncidents(services as any, client as any, now, () => undefined)).toBe(2);
  expect(started).toEqual(['incident-1']);
  expect(rows.map((r) => r.OrchestrationInstanceId)).toEqual(['incident-1', 'incident-2', null, 'incident-4']);
  expect(audited).toEqual(['incident-1/reported', 'incident-4/reported']);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(await repairUnstartedIncidents(services as any, client as any, now, () => undefined)).toBe(0);
  expect(started).toEqual(['incident-1']);
});
