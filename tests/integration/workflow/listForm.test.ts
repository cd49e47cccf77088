import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories, createSp } from '../../../shared/sharepoint';
import { personCredential } from '../../support/personToken';
import { eventually, repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { mails } from '../governance/policyReviewClient';

// A request typed into the AI Requests list through SharePoint's own form has none of the
// intake answers. Policy section 5: Information Governance must know of every request, so it is
// told at once; the person who made it is asked to finish it in the request form, where it
// waits as their draft with what they typed. Nothing is routed until they send it.
const AMARA = 'amara.nwosu@example.nhs.uk';
const TITLE = 'Typed straight into the list';

describe('a request made in the bare list form', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const asAmara = { 'content-type': 'application/json', 'x-ms-client-principal-name': AMARA };
  let id = 0;

  it('is noticed: Information Governance is told, the requester gets a link to finish it, and nothing is routed', async () => {
    const sp = createSp({ siteUrl: `${rt.origin}/sites/aigov` });
    // The app subscribes to the list's webhook as it starts.
    await eventually(async () => {
      const res = await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/subscriptions`, { headers: { accept: 'application/json;odata=nometadata' } });
      return ((await res.json()) as { value: unknown[] }).value[0];
    }, 'the list subscription');
    const requester = await sp.web.ensureUser(`i:0#.f|membership|${AMARA}`);
    // What the list form sends over SharePoint REST, as the person (staff may add requests, not
    // edit them): its required columns and a few more, no intake answers; Status takes the default.
    const asPerson = createSp({ siteUrl: `${rt.origin}/sites/aigov`, credential: personCredential(AMARA) });
    const item = (await asPerson.web.lists.getByTitle('AI Requests').items.add({
      Title: TITLE,
      RequestType: 'Freely available AI tool',
      RequesterId: requester.Id,
      Purpose: 'Summarise long policy documents for the team.',
      Product: 'Summary Helper',
      Supplier: 'Helper Ltd',
    })) as { Id: number; Status: string };
    id = item.Id;
    expect(item).toMatchObject({ Status: 'Submitted', AuthorId: requester.Id });
    await rt.advance('PT10S'); // the list's webhook

    const toIg = await eventually(async () => (await mails(rt, /^Request made in the list form: /)).find((m) => m.subject.includes(TITLE)), 'the note to Information Governance');
    expect(toIg.text).toContain('Information Governance must be made aware of every request');
    const toRequester = await eventually(async () => (await mails(rt, /^Finish your request: /)).find((m) => m.subject.includes(TITLE)), 'the email to the requester');
    expect(toRequester.to).toEqual([AMARA]);
    expect(toRequester.links).toContain(`${rt.origin}/workbench?view=myRequests`);
    expect(toIg.to).not.toContain(AMARA);

    // The item is now the requester's draft, prefilled from the list item; no workflow, no reference.
    const stored = await eventually(async () => {
      const row = await createRepositories(sp).requests.get(id);
      return row.Status === 'Draft' ? row : undefined;
    }, 'the item to become a draft');
    expect(stored.Reference).toBeNull();
    const answers = (await (await fetch(`${rt.origin}/api/requests/${id}/answers`, { headers: asAmara })).json()) as { status: string; answers: Record<string, unknown> };
    expect(answers).toMatchObject({
      status: 'Draft',
      answers: { type: 'public-generic', title: TITLE, purpose: 'Summarise long policy documents for the team.', product: { name: 'Summary Helper', supplier: 'Helper Ltd' }, requester: { email: AMARA } },
    });
    const mine = (await (await fetch(`${rt.origin}/api/requests?mine=true`, { headers: asAmara })).json()) as { id: string; status: string }[];
    expect(mine.find((r) => r.id === String(id))?.status).toBe('draft');
    const instance = await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/request-${id}`);
    expect(instance.status).toBe(404);
  });

  it('tells nobody twice when the list reports the item again', async () => {
    await rt.advance('PT1H');
    const fetchAll = async () => (await mails(rt, /^(Finish your request|Request made in the list form): /)).filter((m) => m.subject.includes(TITLE));
    await rt.advance('PT10S');
    expect(await fetchAll()).toHaveLength(2);
  });

  it('is routed once the requester sends the finished form (the web part sends it, then deletes the draft)', async () => {
    const intake = { ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>), title: TITLE };
    const sent = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: asAmara, body: JSON.stringify(intake) });
    expect(sent.status).toBe(201);
    const body = (await sent.json()) as { id: number; reference: string };
    expect(body.reference).toMatch(/^AIG-2026-\d{4}$/);
    expect((await fetch(`${rt.origin}/api/drafts/${id}`, { method: 'DELETE', headers: asAmara })).status).toBe(204);
    await eventually(async () => ((await mails(rt, /^Decision needed/)).some((m) => m.subject.includes(TITLE)) ? true : undefined), 'the first approver asked');
  });
});
