import { useRuntime } from '../../support/useRuntime';

// Found by `npm run fuzz`: withdrawing a draft (no workflow) raised an event for an instance that
// does not exist, a 500.
describe('withdrawing something that has no workflow', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });

  it('answers 409 for a draft, saying to delete it instead', async () => {
    const who = { 'content-type': 'application/json', 'x-ms-client-principal-name': 'amara.nwosu@example.nhs.uk' };
    const draft = (await (await fetch(`${rt.origin}/api/drafts`, { method: 'POST', headers: who, body: JSON.stringify({ type: 'procured', title: 'Unsent' }) })).json()) as { id: string };
    const res = await fetch(`${rt.origin}/api/requests/${draft.id}/withdrawal`, { method: 'POST', headers: who, body: '{}' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/draft/);
  });
});
