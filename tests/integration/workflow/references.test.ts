import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories, createSp } from '../../../shared/sharepoint';
import { eventually, repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { mails } from '../governance/policyReviewClient';

// References people can quote (AIG-2026-0001) instead of bare item numbers: given when a request
// is sent, never for a draft, one number each however many are sent at the same moment.
const REQUESTER = { 'content-type': 'application/json', 'x-ms-client-principal-name': 'amara.nwosu@example.nhs.uk' };
const example = (title: string): string =>
  JSON.stringify({ ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>), title });

describe('request references', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-03T09:00:00Z' });
  const send = async (title: string) => (await (await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: REQUESTER, body: example(title) })).json()) as { id: number; reference: string };

  it('a draft gets no reference and uses none up; the first request sent is AIG-2026-0001', async () => {
    const draft = (await (await fetch(`${rt.origin}/api/drafts`, { method: 'POST', headers: REQUESTER, body: JSON.stringify({ type: 'procured', title: 'Not sent yet' }) })).json()) as { id: string };
    const mine = async () => (await (await fetch(`${rt.origin}/api/requests?mine=true`, { headers: REQUESTER })).json()) as { id: string; reference?: string }[];
    expect((await mine()).find((r) => r.id === draft.id)?.reference).toBeUndefined();

    const sent = await send('Rota planning assistant');
    expect(sent.reference).toBe('AIG-2026-0001');
    expect(sent.id).toBeGreaterThan(Number(draft.id));
    expect((await mine()).find((r) => r.id === String(sent.id))?.reference).toBe('AIG-2026-0001');
    expect(((await (await fetch(`${rt.origin}/api/requests/${sent.id}`)).json()) as { reference: string }).reference).toBe('AIG-2026-0001');

    // The page and the approver's email show the reference; links keep the item number.
    const page = await (await fetch(`${rt.origin}/api/requests/${sent.id}/page`)).text();
    expect(page).toContain('reference AIG-2026-0001');
    const email = await eventually(async () => (await mails(rt, /^Decision needed/)).find((m) => m.subject.includes('Rota planning assistant')), 'the decision email');
    expect(email.text).toMatch(/Reference\W+AIG-2026-0001/);
    expect(email.links).toContain(`${rt.origin}/api/requests/${sent.id}/page`);
  });

  it('requests sent at the same moment each get their own next number', async () => {
    // Twenty at once used to run the counter out of write attempts, and some sends answered 500.
    const sent = await Promise.all(Array.from({ length: 20 }, (_, n) => send(`Parallel request ${n}`)));
    expect(sent.map((s) => s.reference).sort()).toEqual(Array.from({ length: 20 }, (_, n) => `AIG-2026-${String(n + 2).padStart(4, '0')}`));
  });

  it('the counter is written with If-Match: concurrent allocations over SharePoint REST never share a number, and a retry keeps its number', async () => {
    // Three app instances, each numbering what is sent to it a batch at a time, race for the counter.
    const instances = Array.from({ length: 3 }, () => createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` })));
    const numbers = await Promise.all(Array.from({ length: 60 }, (_, i) => instances[i % 3].references.allocate(2031, 1000 + i)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // A request of the last write asks again (a crash before its number was written): the same number.
    const last = numbers.indexOf(60);
    expect(await instances[last % 3].references.allocate(2031, 1000 + last)).toBe(60);
    expect(await instances[0].references.allocate(2031, 2000)).toBe(61);
    // The same request asked twice at once is numbered once.
    const [a, b] = await Promise.all([instances[1].references.allocate(2031, 3000), instances[1].references.allocate(2031, 3000)]);
    expect([a, b]).toEqual([62, 62]);
  });
});
