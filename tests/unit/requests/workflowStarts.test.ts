import { WorkflowStarts } from '../../../shared/requests/workflowStarts';

/** A start that waits until it is let go, recording when it began. */
function heldStart(began: number[], id: number) {
  let letGo!: () => void;
  const held = new Promise<void>((r) => (letGo = r));
  return { run: async () => (began.push(id), await held, `request-${id}`), letGo };
}
const turn = () => new Promise((r) => setImmediate(r));

describe('workflow starts handed over by the request API', () => {
  test('run oldest first, no more than the concurrency at once', async () => {
    const starts = new WorkflowStarts(2, () => undefined);
    const began: number[] = [];
    const held = [1, 2, 3, 4].map((id) => heldStart(began, id));
    const settled = held.map((h, i) => starts.hand(i + 1, h.run));
    await turn();
    expect(began).toEqual([1, 2]);
    held[1].letGo();
    await turn();
    expect(began).toEqual([1, 2, 3]);
    for (const h of held) h.letGo();
    expect(await Promise.all(settled)).toEqual(['request-1', 'request-2', 'request-3', 'request-4']);
    expect(starts.pending).toBe(0);
  });

  test('a start handed over twice runs once; claimed while waiting, it runs at once', async () => {
    const starts = new WorkflowStarts(1, () => undefined);
    const began: number[] = [];
    const first = heldStart(began, 1);
    const second = heldStart(began, 2);
    void starts.hand(1, first.run);
    const handed = starts.hand(2, second.run);
    expect(starts.hand(2, () => Promise.reject(new Error('a second start')))).toBe(handed);
    await turn();
    expect(began).toEqual([1]);
    const claimed = starts.claim(2);
    expect(claimed).toBe(handed);
    await turn();
    expect(began).toEqual([1, 2]);
    first.letGo();
    second.letGo();
    await expect(claimed).resolves.toBe('request-2');
    expect(starts.claim(2)).toBeUndefined();
  });

  test('a failed start is logged, frees its place, and is not claimed afterwards (the change feed starts it)', async () => {
    const logged: string[] = [];
    const starts = new WorkflowStarts(1, (m) => logged.push(m));
    const failed = starts.hand(7, () => Promise.reject(new Error('SharePoint said 503')));
    const next = starts.hand(8, () => Promise.resolve('request-8'));
    await expect(failed).rejects.toThrow('503');
    await expect(next).resolves.toBe('request-8');
    expect(logged).toEqual([expect.stringContaining('request 7 did not start here (SharePoint said 503)')]);
    expect(starts.claim(7)).toBeUndefined();
  });
});
