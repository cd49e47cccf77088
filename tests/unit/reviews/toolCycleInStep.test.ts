import * as df from 'durable-functions';
import { syncToolCycle, toolCycleInStep } from '../../../shared/reviews/reviewCycles';

// The daily reconciler proves a tool's approval from the audit log only before it acts on it
// (starts or corrects the tool's cycle); a running cycle that already holds the list's review
// date is left alone without that read, which was most of its cost.
const running = (dueDate: string) => ({ runtimeStatus: df.OrchestrationRuntimeStatus.Running, customStatus: { dueDate } });
const approved = { Status: 'Approved' as const, ReviewDueDate: '2027-06-01T00:00:00Z' };

describe('a tool cycle in step with the list', () => {
  test('is a running cycle holding the review date of an approved tool', () => {
    expect(toolCycleInStep(approved, running('2027-06-01'))).toBe(true);
  });

  test('is not one to start, one holding another date, or one for a tool no longer approved', () => {
    expect(toolCycleInStep(approved, { runtimeStatus: undefined })).toBe(false);
    expect(toolCycleInStep(approved, { runtimeStatus: df.OrchestrationRuntimeStatus.Completed, customStatus: { dueDate: '2027-06-01' } })).toBe(false);
    expect(toolCycleInStep(approved, running('2027-01-06'))).toBe(false);
    expect(toolCycleInStep({ ...approved, Status: 'In review' }, running('2027-06-01'))).toBe(false);
    expect(toolCycleInStep({ ...approved, ReviewDueDate: null }, running('2027-06-01'))).toBe(false);
    expect(toolCycleInStep(undefined, running('2027-06-01'))).toBe(false);
  });

  test('is exactly what the sync leaves unchanged; anything else it starts or corrects', async () => {
    const raised: string[] = [];
    const started: string[] = [];
    const client = {
      getStatus: () => Promise.reject(new Error('the status was given')),
      startNew: (_name: string, options: { instanceId: string }) => {
        started.push(options.instanceId);
        return Promise.resolve(options.instanceId);
      },
      raiseEvent: (id: string) => {
        raised.push(id);
        return Promise.resolve();
      },
    };
    const sync = (status: Parameters<typeof toolCycleInStep>[1]) => syncToolCycle(client, 7, approved, status);
    expect(await sync(running('2027-06-01'))).toBe('unchanged');
    expect(await sync(running('2027-01-06'))).toBe('updated');
    expect(await sync({ runtimeStatus: undefined })).toBe('started');
    expect(raised).toEqual(['tool-review-7']);
    expect(started).toEqual(['tool-review-7']);
  });
});
