import { createRepositories, createSp } from '../../../shared/sharepoint';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { instance, mails, policy, recordReview, setStoppedClock, timeline } from './policyReviewClient';

// How the AI Policies list reaches the running review cycle without restarting anything: a list
// edit arrives through the webhook as an event; the reconciler puts right what was missed; the
// review endpoint refuses bad input naming the field; a host that was down sends a missed
// reminder once when it starts.
const POLICY_MAIL = /^Policy review/;

describe('policy review: list changes, bad input, downtime', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-10-01T08:00:00Z' });
  const repos = () => createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));

  beforeAll(async () => {
    await eventually(async () => ((await policy(rt, 1)).cycle ? true : undefined), 'the review cycle of policy 1');
  });

  it('a review date moved earlier in the list is honoured through the webhook, without a restart', async () => {
    await rt.advanceTo('2026-10-10T10:00:00Z');
    expect(timeline(await mails(rt, POLICY_MAIL))).toEqual(['2026-10-08 Policy review due in 90 days: “Artificial Intelligence Policy”']);
    const before = await instance(rt, 'policy-review-1');

    // A governance lead edits Next review due in SharePoint (through PnPjs, as the list form does).
    await repos().policies.modify(1, () => ({ NextReviewDue: '2026-11-15T00:00:00Z' }));
    await rt.advance('PT10S');
    const moved = await eventually(async () => {
      const p = await policy(rt, 1);
      return p.cycle && (await instance(rt, 'policy-review-1'))?.customStatus?.dueDate === '2026-11-15' ? p : undefined;
    }, 'the cycle following the new date');
    expect(moved.nextReviewDue).toBe('2026-11-15');
    // The same instance, told by an event: never started again.
    const after = await instance(rt, 'policy-review-1');
    expect(after?.runtimeStatus).toBe('Running');
    expect(after?.createdTime).toBe(before?.createdTime);

    const notice = await eventually(async () => (await mails(rt, /^Policy review date changed/))[0], 'the date-changed email');
    expect(notice.subject).toBe('Policy review date changed: “Artificial Intelligence Policy” now due by Sunday 15 November 2026');
    expect(notice.to).toContain('grace.adeyemi@example.nhs.uk');

    // The 30-day reminder for the new date comes on 16 October, not on 7 December.
    await rt.advanceTo('2026-11-09T12:00:00Z');
    expect(timeline(await mails(rt, /^Policy review due/))).toEqual([
      '2026-10-08 Policy review due in 90 days: “Artificial Intelligence Policy”',
      '2026-10-16 Policy review due in 30 days: “Artificial Intelligence Policy”',
      '2026-11-08 Policy review due in 7 days: “Artificial Intelligence Policy”',
    ]);
  });

  it('refuses a bad review with 400 naming each field, and writes nothing', async () => {
    const bad = async (body: unknown) => {
      const res = await recordReview(rt, 1, body);
      return { status: res.status, body: (await res.json()) as { errors?: { field: string; message: string }[] } };
    };
    const missing = await bad({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field).sort()).toEqual(['approvedBy', 'approvedOn', 'version']);
    expect(missing.body.errors?.find((e) => e.field === 'approvedOn')?.message).toBe('give the date the reviewed policy was approved, as YYYY-MM-DD (for example 2027-01-06)');

    const sameVersion = await bad({ version: '1.0', approvedOn: '2026-11-01', approvedBy: 'Board' });
    expect(sameVersion.body.errors).toEqual([{ field: 'version', message: 'version 1.0 is the current one: give the number of the reviewed version, for example 1.0.1 or 2.0' }]);
    const future = await bad({ version: '1.1', approvedOn: '2027-03-01', approvedBy: 'Board' });
    expect(future.body.errors).toEqual([{ field: 'approvedOn', message: 'the approval date cannot be in the future: record the review once it is approved' }]);
    const beforeCurrent = await bad({ version: '1.1', approvedOn: '2024-12-01', approvedBy: 'Board' });
    expect(beforeCurrent.body.errors?.[0]).toMatchObject({ field: 'approvedOn', message: expect.stringContaining('on or after Monday 6 January 2025') });
    const extra = await bad({ version: '1.1', approvedOn: '2026-11-01', approvedBy: 'Board', reviewIntervalMonths: 0, colour: 'red' });
    expect(extra.body.errors?.map((e) => e.field).sort()).toEqual(['colour', 'reviewIntervalMonths']);
    const notJson = await fetch(`${rt.origin}/api/policies/1/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{version' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors: { field: string }[] }).errors[0].field).toBe('(body)');
    expect((await recordReview(rt, 999, { version: '1.1', approvedOn: '2026-11-01', approvedBy: 'Board' })).status).toBe(404);
    expect((await recordReview(rt, 0, { version: '1.1', approvedOn: '2026-11-01', approvedBy: 'Board' })).status).toBe(400);

    const unchanged = await repos().policies.get(1);
    expect(unchanged).toMatchObject({ PolicyVersion: '1.0', ApprovedOn: '2025-01-06T00:00:00Z', NextReviewDue: '2026-11-15T00:00:00Z' });
  });

  it('records a review from the review page form (the link in every email), with its own interval', async () => {
    const page = await fetch(`${rt.origin}/api/policies/1/review`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Review of the Artificial Intelligence Policy</h1>');
    expect(html).toContain('Reminders sent for this review: 90 days before; 30 days before; 7 days before.');
    const csrf = /name="csrf" value="([^"]*)"/.exec(html)![1];
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${rt.origin}/api/policies/1/reviews`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers }, body: new URLSearchParams(form).toString() });

    // From another site: refused, nothing written.
    expect((await post({ csrf, version: '1.1', approvedOn: '2026-11-05', approvedBy: 'Board' }, { origin: 'https://evil.example' })).status).toBe(403);
    // A mistake shows the form again with the problem next to the field.
    const wrong = await post({ csrf, version: '1.1', approvedOn: '5 November', approvedBy: 'Board' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('give the date the reviewed policy was approved, as YYYY-MM-DD');

    const done = await post({ csrf, version: '1.1', approvedOn: '2026-11-05', approvedBy: 'Audit and Risk Assurance Committee', reviewIntervalMonths: '12' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('The next review is due by Friday 5 November 2027.');
    const next = await eventually(async () => ((await policy(rt, 1)).cycle?.cycle === 2 ? policy(rt, 1) : undefined), 'the next cycle');
    expect(next).toMatchObject({ version: '1.1', approvedOn: '2026-11-05', nextReviewDue: '2027-11-05', reviewIntervalMonths: 12 });
    expect(next.history.map((h) => h.what)).toContain('Policy review recorded: version 1.1 approved on 2026-11-05 by Audit and Risk Assurance Committee');
  });

  it('a host that was down on a reminder day sends it once when it starts, not twice', async () => {
    // Next review 5 November 2027: the 90-day reminder is due on 7 August 2027.
    await rt.advanceTo('2027-08-05T12:00:00Z');
    const sentBefore = (await mails(rt, POLICY_MAIL)).length;
    await rt.kill('SIGKILL');
    setStoppedClock(rt.dataDir, '2027-08-10T12:00:00Z');
    await rt.restart();

    const late = await eventually(async () => (await mails(rt, /^Policy review due/)).find((m) => m.date.startsWith('2027-08-10')), 'the reminder after the restart');
    expect(late.subject).toBe('Policy review due in 87 days: “Artificial Intelligence Policy”');
    // The reconciler runs at start too, the clock moves on, and another crash and restart
    // repeats the start-up work: still one message.
    await rt.advance('P2D');
    await rt.kill('SIGKILL');
    await rt.restart();
    await rt.advance('P1D');
    expect((await mails(rt, POLICY_MAIL)).length - sentBefore).toBe(1);
  });

  // Reconciling is for the governance team; the lead signs in through App Service's header.
  const GOVERNANCE_LEAD = { 'x-ms-client-principal-name': 'governance.lead@example.nhs.uk' };

  it('the reconciler starts a cycle that is missing, corrects one the list disagrees with, and reports orphans', async () => {
    const api = `${rt.origin}/runtime/webhooks/durabletask`;
    // A policy added while the webhook was not listening (written straight to the list, then the
    // cycle removed), one cycle terminated by hand, and a cycle for a policy that does not exist.
    const added = await repos().policies.create({
      Title: 'Generative AI Acceptable Use Standard', PolicyVersion: '1.0', PolicyOwner: 'Chief Digital Information Officer', ApprovedOn: '2027-01-01T00:00:00Z',
      ReviewIntervalMonths: 12, NextReviewDue: '2028-01-01T00:00:00Z', Status: 'Active', LastReminderSent: null, OwnerContactId: null,
    });
    await rt.advance('PT10S');
    await eventually(async () => ((await instance(rt, `policy-review-${added.Id}`))?.runtimeStatus === 'Running' ? true : undefined), 'the cycle the webhook started');
    await fetch(`${api}/instances/policy-review-${added.Id}/terminate?reason=test`, { method: 'POST' });
    await fetch(`${api}/orchestrators/policyReview/policy-review-77`, { method: 'POST', body: JSON.stringify({ policyId: 77, cycle: 1, version: '1.0', approvedOn: '2026-01-01', dueDate: '2028-01-01', handled: [] }) });
    await eventually(async () => ((await instance(rt, 'policy-review-77'))?.runtimeStatus === 'Running' ? true : undefined), 'the orphan');

    const res = await fetch(`${rt.origin}/api/reviews/reconciliation`, { method: 'POST', headers: GOVERNANCE_LEAD });
    const report = (await res.json()) as { policies: Record<string, number>; orphans: { instanceId: string; reason: string }[] };
    expect(res.status).toBe(200);
    expect(report.policies.started).toBe(1);
    expect(report.orphans).toEqual([{ instanceId: 'policy-review-77', reason: 'policy 77 is not in the AI Policies list' }]);
    await eventually(async () => ((await instance(rt, `policy-review-${added.Id}`))?.runtimeStatus === 'Running' ? true : undefined), 'the restarted cycle');
    await eventually(async () => ((await instance(rt, 'policy-review-77'))?.runtimeStatus === 'Completed' ? true : undefined), 'the orphan stopped');

    // A cycle that drifted from the list (as if it had missed a change) is put right.
    const dueOf = async () => (await instance(rt, `policy-review-${added.Id}`))?.customStatus?.dueDate;
    await fetch(`${api}/instances/policy-review-${added.Id}/raiseEvent/policyChanged`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'active', version: '1.0', approvedOn: '2027-01-01', dueDate: '2028-06-01' }),
    });
    await eventually(async () => ((await dueOf()) === '2028-06-01' ? true : undefined), 'the drifted cycle');
    const corrected = (await (await fetch(`${rt.origin}/api/reviews/reconciliation`, { method: 'POST', headers: GOVERNANCE_LEAD })).json()) as typeof report;
    expect(corrected.policies).toMatchObject({ started: 0, updated: 1 });
    expect(corrected.orphans).toEqual([]);
    await eventually(async () => ((await dueOf()) === '2028-01-01' ? true : undefined), 'the cycle back on the list’s date');

    const again = (await (await fetch(`${rt.origin}/api/reviews/reconciliation`, { method: 'POST', headers: GOVERNANCE_LEAD })).json()) as typeof report;
    expect(again.policies).toMatchObject({ started: 0, updated: 0 });
    expect(again.orphans).toEqual([]);
  });

  it('a review recorded by editing the list starts the next cycle and sets the date; a superseded policy stops being reviewed', async () => {
    // Version and approval date typed into the list, the review date left as it was.
    await repos().policies.modify(1, () => ({ PolicyVersion: '1.2', ApprovedOn: '2027-08-01T00:00:00Z' }));
    await rt.advance('PT10S');
    const next = await eventually(async () => {
      const p = await policy(rt, 1);
      return p.cycle?.cycle === 3 && p.nextReviewDue === '2028-08-01' ? p : undefined;
    }, 'the cycle after the list edit');
    // The policy's own interval (12 months, set with the last review) gives the date, written back to the list.
    expect(next).toMatchObject({ version: '1.2', approvedOn: '2027-08-01', reviewIntervalMonths: 12 });
    expect((await repos().policies.get(1)).NextReviewDue).toBe('2028-08-01T00:00:00Z');

    await repos().policies.modify(1, () => ({ Status: 'Superseded' }));
    await rt.advance('PT10S');
    const ended = await eventually(async () => {
      const i = (await instance(rt, 'policy-review-1')) as unknown as { runtimeStatus: string; output: unknown } | undefined;
      return i?.runtimeStatus === 'Completed' ? i : undefined;
    }, 'the cycle to end');
    expect(ended.output).toEqual({ ended: 'inactive', cycle: 3 });
    expect((await recordReview(rt, 1, { version: '1.3', approvedOn: '2027-08-02', approvedBy: 'Board' })).status).toBe(409);
  });
});
