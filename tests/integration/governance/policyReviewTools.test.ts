import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories, createSp } from '../../../shared/sharepoint';
import { eventually, repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { heading, openDecision, submitDecision } from '../workflow/decisionClient';
import { instance, mails, type Mail } from './policyReviewClient';

// An approved tool is reviewed on the same engine as the policy: the requester and Information
// Governance each confirm from a signed link that the tool, its data use and its supplier are
// unchanged. Both unchanged: the next cycle. A change: the tool goes back through approval.
const REQUESTER = 'sam.sample@example.nhs.uk';
const IG = 'sam.oconnell@example.nhs.uk';
const example = (title: string): Record<string, unknown> => ({
  ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>),
  title,
});
const attestationLink = (m: Mail): string => m.links.find((l) => l.includes('/api/attestations/'))!;

interface Page {
  status: number;
  html: string;
  csrf: string;
  cookie: string;
}
async function open(link: string): Promise<Page> {
  const res = await fetch(link);
  const html = await res.text();
  return { status: res.status, html, csrf: /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '', cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}
async function answer(link: string, page: Page, form: Record<string, string>): Promise<{ status: number; html: string }> {
  const res = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie },
    body: new URLSearchParams({ csrf: page.csrf, ...form }).toString(),
  });
  return { status: res.status, html: await res.text() };
}

describe('re-attestation of approved tools', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-03-02T09:00:00Z' });
  let first = 0;
  const request = async (id: number) => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { status: string; reviewDue: string | null; decisionSummary: string | null };

  /** Submits a public-generic request and approves its one step from the decision email. */
  async function approved(title: string): Promise<number> {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
    const id = ((await res.json()) as { id: number }).id;
    const email = await eventually(async () => (await mails(rt, /^Decision needed/)).find((m) => m.subject.includes(title)), `the decision email for ${title}`);
    const link = email.links.find((l) => l.includes('/api/decisions/'))!;
    expect(heading((await submitDecision(link, await openDecision(link), 'approved')).html)).toBe('Decision recorded');
    await eventually(async () => ((await request(id)).status === 'Approved' ? true : undefined), `${title} approved`);
    await rt.advance('PT10S'); // the list tells the app about the approval
    await eventually(async () => ((await instance(rt, `tool-review-${id}`))?.runtimeStatus === 'Running' ? true : undefined), `the review cycle of ${title}`);
    return id;
  }

  it('an approval starts the tool’s review cycle, due at the next policy review', async () => {
    first = await approved('Newsletter drafting assistant');
    expect((await request(first)).reviewDue).toBe('2027-01-06T00:00:00Z');
    expect((await instance(rt, `tool-review-${first}`))?.customStatus).toMatchObject({ cycle: 1, dueDate: '2027-01-06', answered: [] });
  });

  it('both people confirm from their links: the approval stands and the next review is set', async () => {
    await rt.advanceTo('2026-10-08T12:00:00Z');
    const reminders = await mails(rt, /^Approved tool review due in 90 days: “Newsletter drafting assistant”/);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual([IG, REQUESTER]);

    const forRequester = attestationLink(reminders.find((m) => m.to[0] === REQUESTER)!);
    const page = await open(forRequester);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Confirm that an approved tool has not changed');
    expect(page.html).toContain('the person who asked for the tool (sam.sample@example.nhs.uk)');
    expect(heading((await answer(forRequester, page, { tool: 'same', data: 'same', supplier: 'same' })).html)).toBe('Answer recorded');
    // The same link again: already answered, nothing changes.
    const again = await open(forRequester);
    expect(again.status).toBe(409);
    expect(heading(again.html)).toBe('You have already answered');

    // Only Information Governance is reminded 30 days before.
    await rt.advanceTo('2026-12-07T12:00:00Z');
    expect((await mails(rt, /^Approved tool review due in 30 days: “Newsletter drafting assistant”/)).map((m) => m.to[0])).toEqual([IG]);

    const forIg = attestationLink(reminders.find((m) => m.to[0] === IG)!);
    const igPage = await open(forIg);
    expect(heading((await answer(forIg, igPage, { tool: 'same', data: 'same', supplier: 'same' })).html)).toBe('Answer recorded');
    const done = await eventually(async () => (await mails(rt, /^Approved tool review complete: “Newsletter drafting assistant”/))[0], 'the confirmation');
    expect([...done.to].sort()).toEqual([IG, REQUESTER]);
    // The policy review (6 January 2027) is less than 90 days away: two years from today instead.
    expect((await request(first)).reviewDue).toBe('2028-12-07T00:00:00Z');
    // The confirmation goes from the cycle's last activity; the next cycle begins a moment later.
    const next = await eventually(async () => {
      const status = (await instance(rt, `tool-review-${first}`))?.customStatus as { cycle?: number } | undefined;
      return status?.cycle === 2 ? status : undefined;
    }, 'the next review cycle');
    expect(next).toMatchObject({ cycle: 2, dueDate: '2028-12-07', answered: [] });
  });

  it('a reported change sends the tool back through approval as a new request', async () => {
    const id = await approved('Meeting notes summariser');
    const due = (await request(id)).reviewDue!.slice(0, 10);
    // Approved on 7 December 2026: the policy review of 6 January 2027 is 30 days away, so it is
    // skipped (docs/governance-timers.md) and the first review is two years on.
    expect(due).toBe('2028-12-07');
    // Straight to the 7-day reminder of this tool's review.
    const sevenDays = new Date(Date.parse(`${due}T12:00:00Z`) - 7 * 86_400_000).toISOString();
    await rt.advanceTo(sevenDays);
    const reminder = await eventually(async () => (await mails(rt, /^Approved tool review due in 7 days: “Meeting notes summariser”/)).find((m) => m.to[0] === IG), 'the 7-day reminder');
    const link = attestationLink(reminder);
    const page = await open(link);

    // "Changed" needs a word on what changed; the form says so and nothing is recorded.
    const incomplete = await answer(link, page, { tool: 'same', data: 'same', supplier: 'changed' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.html).toContain('say what has changed, so the approvers know what to look at');
    const missing = await answer(link, page, { tool: 'same' });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('say whether the data it uses has changed');
    // A form that did not come from our page is refused.
    expect((await answer(link, { ...page, csrf: 'forged' }, { tool: 'same', data: 'same', supplier: 'same' })).status).toBe(403);

    expect(heading((await answer(link, page, { tool: 'same', data: 'same', supplier: 'changed', comments: 'The product was bought by another company.' })).html)).toBe('Answer recorded');
    const changed = await eventually(async () => (await mails(rt, /^Approved tool changed, approval needed again: “Meeting notes summariser”/))[0], 'the change email');
    expect(changed.to).toEqual(expect.arrayContaining([REQUESTER, IG, 'governance.lead@example.nhs.uk']));
    // The email goes out from the cycle's last activity; the cycle completes a moment later.
    const out = await eventually(async () => {
      const status = (await instance(rt, `tool-review-${id}`)) as unknown as { runtimeStatus: string; output: { outcome: string; newRequestId: number } };
      return status.runtimeStatus === 'Completed' ? status : undefined;
    }, 'the tool review cycle to complete');
    const newId = out.output.newRequestId;
    expect(changed.links).toContain(`${rt.origin}/api/requests/${newId}/page`);

    // The new request goes through routing like any other; the old one is no longer reviewed.
    await rt.advance('PT10S');
    await eventually(async () => ((await mails(rt, /^Decision needed/)).some((m) => m.subject.includes('Meeting notes summariser')) && (await request(newId)).status === 'In review' ? true : undefined), 'the new request in review');
    const old = await request(id);
    expect(old.reviewDue).toBeNull();
    expect(old.decisionSummary).toContain(`approval is being sought again as request ${newId}`);
    const item = await createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` })).requests.get(newId);
    expect(item.DecisionSummary).toContain('Reported: the supplier has changed.');
    // The answer link is now closed.
    expect(heading((await open(link)).html)).toBe('This review is closed');
  });

  it('refuses a link that was tampered with or is not a review link', async () => {
    const tampered = await open(`${rt.origin}/api/attestations/not.a.token`);
    expect(tampered.status).toBe(400);
    expect(heading(tampered.html)).toBe('This link cannot be used');
  });
});
