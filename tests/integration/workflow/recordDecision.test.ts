import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualClock } from '../../../local/clock/virtualClock';
import { seedSharePoint } from '../../../local/sharepoint';
import { createAuditLog } from '../../../shared/audit/auditLog';
import { parseSigningKeys } from '../../../shared/config/signingKeys';
import type { DecisionSignal } from '../../../shared/decisions/claimedDecisions';
import { makeDecisionService } from '../../../shared/decisions/decisionService';
import type { IntakeRequest } from '../../../shared/domain';
import { signDecisionToken } from '../../../shared/security/decisionToken';
import { collect, type Repositories } from '../../../shared/sharepoint';
import { PnpPeopleDirectory } from '../../../shared/sharepoint/people';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { RoleDirectory } from '../../../shared/sharepoint/roleDirectory';
import { createSp } from '../../../shared/sharepoint/spClient';
import { intakeFromValue } from '../../../shared/web/http';
import { makeStepActivities } from '../../../orchestrations/request/activities/stepActivities';
import type { RecordDecisionInput } from '../../../orchestrations/request/contracts';
import { startEmulator, type EmulatorHarness } from '../sharepoint/emulatorHarness';

const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'public-generic.json'), 'utf8')) as unknown;
const { intake } = intakeFromValue(example) as { intake: IntakeRequest };
const REQUESTER = 'priya.shah@example.nhs.uk';
const APPROVER = 'tom.okafor@example.nhs.uk';
const TASK_QUERY = 'GET AI Approval Tasks items filter RequestId';

// A decision from its link, as the POST claims it and the waiting step records it, over the
// SharePoint emulator: the claim sends the task row (its id and etag) with the decision, so the
// step completes that row without finding it again; a row changed since, or an event raised
// before the claim sent it, finds the row by its step as before.
describe('recording a claimed decision', () => {
  let h: EmulatorHarness;
  let repos: Repositories;
  let people: PnpPeopleDirectory;
  let steps: ReturnType<typeof makeStepActivities>;
  const clock = new VirtualClock(Date.parse('2026-12-02T09:00:00Z'));
  const keys = parseSigningKeys(`test:${randomBytes(32).toString('base64')}`, 16).ring!;
  let n = 0;

  beforeAll(async () => {
    h = await startEmulator({ clock });
    await seedSharePoint(h.siteUrl);
    const sp = createSp({ siteUrl: h.siteUrl });
    repos = createRepositories(sp);
    people = new PnpPeopleDirectory(sp);
    const refuse = () => Promise.reject(new Error('recording a decision sends nothing'));
    steps = makeStepActivities({
      repos,
      people,
      roles: new RoleDirectory(repos.roles, people, { name: 'AI governance lead', email: 'nadia.khan@example.nhs.uk' }),
      messages: { sendToPerson: refuse },
      audit: createAuditLog(repos.auditLog),
      publicBaseUrl: 'http://localhost',
      signingKeys: keys,
      linkTtlHours: 72,
      raiseEvent: refuse,
    });
  });
  afterAll(() => h?.close());

  /** A request with one open step, decided from its link: the row as claimed and the decision raised to the step. */
  async function claimed(): Promise<{ requestId: number; taskId: number; input: RecordDecisionInput }> {
    const instanceId = `request-step-${++n}`;
    const request = await repos.requests.create({ ...requestItemFromIntake({ ...intake, title: `Record decision ${n}` }, await people.idFor(REQUESTER)), Status: 'In review' });
    const task = await repos.approvalTasks.create({
      Title: `Finance and procurement review: ${request.Title}`,
      RequestId: request.Id,
      StepCode: 'FINANCE',
      RoleCode: 'FINANCE',
      AssigneeId: await people.idFor(APPROVER),
      Status: 'Pending',
      Attempt: 1,
      InstanceId: instanceId,
    });
    const raised: DecisionSignal[] = [];
    const decisions = makeDecisionService({
      repos,
      people,
      keys,
      now: () => new Date(clock.now()),
      isWaiting: () => Promise.resolve(true),
      raiseDecision: (_, signal) => Promise.resolve(void raised.push(signal)),
    });
    const token = signDecisionToken({ requestId: String(request.Id), stepCode: 'FINANCE', approverEmail: APPROVER, tokenId: `${instanceId}/${APPROVER}/1` }, { keys, now: new Date(clock.now()), ttlHours: 72 });
    const opened = await decisions.open(token);
    if (!opened.ok) throw new Error(`the link did not open: ${opened.refusal.kind}`);
    const form = Object.fromEntries([['outcome', 'approved'], ...opened.view.step.checklist.map((c) => [`confirm:${c.id}`, 'yes'])]) as Record<string, string>;
    expect((await decisions.decide(token, form)).ok).toBe(true);
    return { requestId: request.Id, taskId: task.Id, input: { requestId: request.Id, stepCode: 'FINANCE', attempt: 1, signal: raised[0] } };
  }

  /** Runs `work` and answers the kinds of SharePoint call it made (a `$batch` with its parts in brackets). */
  async function callsOf(work: () => Promise<unknown>): Promise<string[]> {
    const since = h.emulator.traffic.clock();
    await work();
    return h.emulator.traffic
      .calls(since)
      .filter((c) => c.startMs >= since)
      .map((c) => (c.parts ? `${c.kind} [${c.parts.join(', ')}]` : c.kind));
  }

  const decisionEntries = async (requestId: number) => (await collect(repos.auditLog.forSubject(requestId))).filter((e) => e.EventType === 'decision-recorded');

  test('the step completes the row its link claimed in the batch that writes its audit entry, and queries no task rows', async () => {
    const { requestId, taskId, input } = await claimed();
    expect(input.signal.task).toEqual({ id: taskId, etag: expect.any(String) });

    const calls = await callsOf(() => steps.recordDecision(input));

    expect(calls).not.toContain(TASK_QUERY);
    expect(calls).not.toContain('POST AI Approval Tasks items(n)');
    expect(calls).toContain('POST $batch [POST AI Audit Log items, MERGE AI Approval Tasks items(n)]');
    const row = await repos.approvalTasks.get(taskId);
    expect(row).toMatchObject({ Status: 'Completed', Outcome: 'Approved', ResponseChannel: 'Email', DecisionTokenId: input.signal.tokenId, RespondedById: await people.idFor(APPROVER) });
    expect(await decisionEntries(requestId)).toHaveLength(1);
  });

  test('a row changed since the claim (a reminder written meanwhile) is found again and completed, the reminder kept', async () => {
    const { taskId, input } = await claimed();
    await repos.approvalTasks.modify(taskId, () => ({ Status: 'Reminded', RemindersSent: 1 }));

    const calls = await callsOf(() => steps.recordDecision(input));

    expect(calls).toContain(TASK_QUERY);
    expect(await repos.approvalTasks.get(taskId)).toMatchObject({ Status: 'Completed', Outcome: 'Approved', RemindersSent: 1 });
  });

  test('run again (the activity retried after its write): the row stays completed and the decision is audited once', async () => {
    const { requestId, taskId, input } = await claimed();
    await steps.recordDecision(input);
    await steps.recordDecision(input);

    expect(await repos.approvalTasks.get(taskId)).toMatchObject({ Status: 'Completed', Outcome: 'Approved', DecisionTokenId: input.signal.tokenId });
    expect(await decisionEntries(requestId)).toHaveLength(1);
  });

  test('a decision raised before claims sent their row (an older instance) finds its row by the step', async () => {
    const { taskId, input } = await claimed();
    const { task: _sentSince, ...older } = input.signal;

    const calls = await callsOf(() => steps.recordDecision({ ...input, signal: older }));

    expect(calls).toContain(TASK_QUERY);
    expect(await repos.approvalTasks.get(taskId)).toMatchObject({ Status: 'Completed', Outcome: 'Approved' });
  });

  test("the decision's references are written to the request's columns without reading the request first, its Status still trusted", async () => {
    const { requestId, input } = await claimed();
    // The workflow's own Status write just before (as the plan's or a stage's): the change feed trusts it.
    await repos.requests.modify(requestId, () => ({ Status: 'In review' }));
    const before = await repos.requests.get(requestId);

    const calls = await callsOf(() => steps.recordDecision({ ...input, signal: { ...input.signal, references: { irasNumber: '312345', ethicsCommitteeReference: '24/LO/0123' } } }));

    expect(calls).not.toContain('GET AI Requests items(n)');
    const after = await repos.requests.get(requestId);
    expect(after).toMatchObject({ IrasNumber: '312345', EthicsCommitteeReference: '24/LO/0123', Title: before.Title, Status: 'In review', Reference: before.Reference });
    expect(repos.requests.statusWrittenHere(after)).toBe(true);
  });

  test("a joint step's later role confirming the reference its earlier role wrote writes nothing to the request; a different one is written", async () => {
    const { requestId, input } = await claimed();
    await repos.requests.modify(requestId, () => ({ DpiaReference: 'DPIA-2026-014' }));
    const same = { ...input, signal: { ...input.signal, references: { dpiaReference: 'DPIA-2026-014' } }, writtenByStep: { dpiaReference: 'DPIA-2026-014' } };

    const calls = await callsOf(() => steps.recordDecision(same));
    expect(calls.filter((c) => c.includes('AI Requests'))).toEqual([]);
    expect(await decisionEntries(requestId)).toEqual([expect.objectContaining({ Details: expect.stringContaining('"dpiaReference":"DPIA-2026-014"') as string })]);

    const { requestId: other, input: next } = await claimed();
    await steps.recordDecision({ ...next, signal: { ...next.signal, references: { dpiaReference: 'DPIA-2026-015' } }, writtenByStep: { dpiaReference: 'DPIA-2026-014' } });
    expect(await repos.requests.get(other)).toMatchObject({ DpiaReference: 'DPIA-2026-015' });
  });

  test('a row deleted from the list since the claim fails the step with a message that says so', async () => {
    const { taskId, input } = await claimed();
    await repos.approvalTasks.remove(taskId);

    await expect(steps.recordDecision(input)).rejects.toThrow(/No task row for request \d+, step FINANCE, attempt 1: it was deleted from the AI Approval Tasks list/);
  });
});
