import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot } from '../../support/runtime';
import { EQUALITY_GROUPS } from '../../../shared/domain';
import { useRuntime } from '../../support/useRuntime';
import { heading, linksForOpenSteps, mailbox, openDecision, submitDecision, type MailboxMessage } from './decisionClient';

interface Detail {
  status: string;
  steps: { code: string; status: string; outcome: string | null; attempt: number }[];
  conversation: { question: string; reply?: { text: string; changes: { label: string; before: string; after: string }[] } }[];
}
type Intake = Record<string, unknown> & { title: string; requester: { email: string }; use: Record<string, unknown> };

const example = (name: string, title: string): Intake =>
  ({ ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', `${name}.json`), 'utf8')) as Intake), title });

// The conversation between reviewers and the requester, over HTTP and SMTP: the receipt, a
// message per stage, a question, the reply page (with a changed answer), the re-review email and
// decision page that show the change, the thread on the request page, the confirmation before a
// rejection, and the notice to open approvers on withdrawal.
describe('the conversation between reviewers and the requester', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const used = new Set<string>();
  const detail = async (id: number): Promise<Detail> => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as Detail;
  const submit = async (body: Intake): Promise<number> => {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return ((await res.json()) as { id: number }).id;
  };
  const openStepLinks = (id: number, title: string) => eventually(() => linksForOpenSteps(rt, id, title, used), 'the open steps’ emails');
  const emailTo = (to: string, subject: RegExp): Promise<MailboxMessage> =>
    eventually(async () => (await mailbox(rt)).find((m) => m.to[0] === to && subject.test(m.subject)), `the email "${subject.source}" to ${to}`);
  const approve = async (link: string): Promise<void> => {
    used.add(link);
    expect(heading((await submitDecision(link, await openDecision(link), 'approved')).html)).toBe('Decision recorded');
  };
  const postForm = (url: string, cookie: string, fields: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(fields).toString() });

  it('receipt, stage message, question, reply with a changed answer, re-review showing the change, thread', async () => {
    const body = example('research', 'Frailty model with a question');
    const requester = body.requester.email;
    const id = await submit(body);

    const receipt = await emailTo(requester, /^Request received: /);
    expect(receipt.text).toContain(`Its reference is ${id}.`);
    expect(receipt.text).toMatch(/Stage 1: .*\(.*\)/);
    expect(receipt.text).toContain('We will email you when each stage is complete');

    for (const { link } of await openStepLinks(id, body.title)) await approve(link);
    const stageDone = await emailTo(requester, /^Stage 1 of \d complete: /);
    expect(stageDone.text).toContain('These steps of your request have been approved:');
    expect(stageDone.text).toContain('Stage 2 has now begun.');

    const stage2 = await openStepLinks(id, body.title);
    const asker = stage2.find((s) => s.code === 'RESEARCH') ?? stage2[0];
    used.add(asker.link);
    const question = 'Which ethics committee reviewed this, and does it change a service?';
    const asked = await submitDecision(asker.link, await openDecision(asker.link), 'more-information', { comments: question });
    expect(asked.html).toContain('When they reply, this step is asked again');

    const ask = await emailTo(requester, /^More information needed: /);
    const replyLink = ask.links.find((l) => l.endsWith(`/api/requests/${id}/reply`))!;
    expect(replyLink).toBeDefined();

    // The reply page: the question, a reply box, every answer prefilled.
    const page = await openDecision(replyLink);
    expect(page.status).toBe(200);
    expect(page.html).toContain(question);
    expect(page.html).toMatch(/name="answer:use\.serviceChange" value="no" checked/);

    // An empty reply is refused, naming the field; nothing changes.
    const empty = await postForm(replyLink, page.cookie, { csrf: page.csrf, reply: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('write your reply to the question');
    expect((await detail(id)).status).toBe('More information needed');
    // A form from elsewhere (no cookie) is refused.
    expect((await postForm(replyLink, '', { csrf: page.csrf, reply: 'x' })).status).toBe(403);

    const reply = 'The university research ethics committee approved it; the model will change how the frailty clinic books people.';
    // A service change makes the equality screening required: the reply page asks it, and a reply without it is refused by name.
    expect(page.html).toContain('<legend>Equality screening</legend>');
    expect(page.html).toContain('name="answer:equalityScreening.age.disadvantage"');
    const unscreened = await postForm(replyLink, page.cookie, { csrf: page.csrf, reply, 'answer:use.serviceChange': 'yes' });
    expect(unscreened.status).toBe(400);
    const unscreenedHtml = await unscreened.text();
    expect(unscreenedHtml).toContain('answer the equality screening: for each of the ten groups');
    expect(unscreenedHtml).toContain('href="#answer-equalityScreening"');
    expect((await detail(id)).status).toBe('More information needed');
    const screening = Object.fromEntries(EQUALITY_GROUPS.map((g) => [`answer:equalityScreening.${g.key}.disadvantage`, 'no']));
    const sent = await postForm(replyLink, page.cookie, { csrf: page.csrf, reply, 'answer:use.serviceChange': 'yes', ...screening });
    expect(sent.status).toBe(200);
    const sentHtml = await sent.text();
    expect(heading(sentHtml)).toBe('Your reply has been sent');
    expect(sentHtml).toContain('Whether the tool changes how a service works');
    // A second post finds nothing waiting.
    expect((await postForm(replyLink, page.cookie, { csrf: page.csrf, reply })).status).toBe(409);

    await emailTo(requester, /^Reply received: /);
    const askerEmail = (await mailbox(rt)).find((m) => m.links.includes(asker.link))!.to[0];
    const reReview = await emailTo(askerEmail, /^Decision needed again, resubmitted: /);
    expect(reReview.text).toContain(question);
    expect(reReview.text).toContain(reply);
    expect(reReview.text).toContain('Whether the tool changes how a service works: was “No”, now “Yes”');

    const again = await openStepLinks(id, body.title);
    const reReviewLink = reReview.links.find((l) => l.includes('/api/decisions/'))!;
    expect(again.map((s) => s.link)).toContain(reReviewLink);
    const decisionPage = await openDecision(reReviewLink);
    expect(decisionPage.html).toContain('Resubmitted after a question');
    expect(decisionPage.html).toContain('Before: No<br>After: Yes');

    const d = await detail(id);
    expect(d.conversation).toEqual([
      expect.objectContaining({ question, reply: expect.objectContaining({
          text: reply,
          changes: [
            expect.objectContaining({ field: 'use.serviceChange', before: 'No', after: 'Yes' }),
            ...EQUALITY_GROUPS.map((g) => expect.objectContaining({ field: `equalityScreening.${g.key}.disadvantage`, before: 'Not given', after: 'No' })),
          ],
        }),
      }),
    ]);
    const requestPage = await (await fetch(`${rt.origin}/api/requests/${id}/page`)).text();
    expect(requestPage).toContain('<h2>Questions and replies</h2>');
    expect(requestPage).toContain(reply);
  });

  it('asks before a rejection is recorded; going back keeps the form; confirming decides', async () => {
    const body = example('research', 'Frailty model to reject');
    const id = await submit(body);
    const [first] = await openStepLinks(id, body.title);
    used.add(first.link);
    const page = await openDecision(first.link);
    const reason = 'The data sharing agreement is missing.';
    const asked = await submitDecision(first.link, page, 'rejected', { comments: reason, confirmRejection: false });
    expect(heading(asked.html)).toBe('Reject “Frailty model to reject”?');
    expect(asked.html).toContain(reason);
    expect((await detail(id)).steps.find((s) => s.code === first.code)?.status).toBe('Pending');

    const back = await postForm(first.link, page.cookie, { csrf: page.csrf, outcome: 'rejected', comments: reason, back: 'yes' });
    const backHtml = await back.text();
    expect(backHtml).toContain(`>${reason}</textarea>`);
    expect((await detail(id)).steps.find((s) => s.code === first.code)?.outcome).toBeNull();

    const confirmed = await submitDecision(first.link, page, 'rejected', { comments: reason });
    expect(heading(confirmed.html)).toBe('Decision recorded');
    expect(confirmed.html).toContain('The request ends here: no further steps run.');
    expect(confirmed.html).not.toContain('next approvers');
    await emailTo(body.requester.email, /^Rejected: /);
  });

  it('withdrawal tells every approver with an open step', async () => {
    const body = example('healthcare-service-change', 'Request withdrawn with steps open');
    const id = await submit(body);
    const open = await openStepLinks(id, body.title);
    const holders = new Set((await mailbox(rt)).filter((m) => open.some((s) => m.links.includes(s.link))).map((m) => m.to[0]));
    expect((await fetch(`${rt.origin}/api/requests/${id}/withdrawal`, { method: 'POST' })).status).toBe(202);
    await eventually(async () => ((await detail(id)).status === 'Withdrawn' ? true : undefined), 'the withdrawal');
    for (const to of holders) {
      const notice = await emailTo(to, /^Withdrawn, no decision needed: /);
      expect(notice.text).toContain('The decision link you were sent no longer works.');
    }
  });

  it('the reply endpoint for the web part: JSON, the reply required, 409 when nothing is waiting', async () => {
    const body = example('research', 'Not waiting for a reply');
    const id = await submit(body);
    await openStepLinks(id, body.title);
    const post = (json: unknown) => fetch(`${rt.origin}/api/requests/${id}/reply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
    const missing = await post({ reply: '' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ errors: [expect.objectContaining({ field: 'reply' })] });
    expect((await post({ reply: 'An answer' })).status).toBe(409);
    expect((await post({ reply: 'An answer', extra: 1 })).status).toBe(400);
  });
});
