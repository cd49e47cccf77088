import { exampleRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { heading, linksForOpenSteps, mailbox, openDecision, submitDecision, type DecisionPage } from './decisionClient';

interface Detail {
  status: string;
  route: { stages: { code: string; mayRecordNotRequired: boolean; reason: string }[][] } | null;
  steps: { code: string; status: string; outcome: string | null; assignee: string; checklist: { itemId: string; confirmed: boolean; reasonIfNot?: string }[] }[];
}
type Intake = Record<string, unknown> & { title: string; requester: { email: string }; data: Record<string, unknown>; use: Record<string, unknown> };
interface AuditRow { EventType: string; Details: string | null }

const example = (name: string): Intake => exampleRequest<Intake>(name);
const NO_SCREENING = [false, false, false, false, false, false, false, false, false, false];

/** A nationally bought function that uses personal data (policy §6.1 "Nationally procured"). */
function nationalWithPersonalData(title: string): Intake {
  const base = example('public-generic');
  const { attestations: _a, ...rest } = base;
  return {
    ...rest,
    type: 'national',
    title,
    purpose: 'Transcribe calls <b>verbatim</b> & summarise them for the record.',
    data: { ...base.data, personal: true, legalBasis: 'UK GDPR Article 6(1)(e), public task' },
    use: { ...base.use, supplierAssured: true },
    national: { igAware: true, nhseProcured: true, assuranceDocuments: true, nationalGuidance: true },
    dpiaScreening: NO_SCREENING,
  };
}

// The five ways a request reached Approved without an approved Data Protection Impact Assessment
// (policy §5 "MUST be completed prior to implementation", §6.1 "legally required"), each tried over
// HTTP as the approver or requester would. Bypass 4 (status typed into the list) is the status
// integrity work, tested with it.
describe('no request reaches Approved without an approved Data Protection Impact Assessment', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const used = new Set<string>();
  const detail = async (id: number): Promise<Detail> => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as Detail;
  const post = (path: string, body: unknown, as?: string): Promise<Response> =>
    fetch(`${rt.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(as ? { 'x-ms-client-principal-name': as } : {}) }, body: JSON.stringify(body) });
  const submit = async (body: Intake): Promise<number> => {
    const res = await post('/api/requests', body);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  /**
   * A decision link for this step whose page offers a decision. Roles told by email and Teams get
   * two links, and a step asked again gets new ones: links whose page says the step is decided
   * or closed are set aside.
   */
  const linkFor = (id: number, title: string, code: string): Promise<{ link: string; page: DecisionPage }> =>
    eventually(async () => {
      for (const found of (await linksForOpenSteps(rt, id, title, used)) ?? []) {
        if (found.code !== code) continue;
        const page = await openDecision(found.link);
        if (page.status === 200) return { link: found.link, page };
        used.add(found.link);
      }
      return undefined;
    }, `a decision link for ${code} of “${title}”`);
  const approve = async (id: number, title: string, code: string): Promise<void> => {
    const { link, page } = await linkFor(id, title, code);
    used.add(link);
    expect(heading((await submitDecision(link, page, 'approved')).html)).toBe('Decision recorded');
  };
  /** Posts the decision page's form with exactly these ticks and reasons. */
  const postForm = async (link: string, page: DecisionPage, outcome: string, ticks: Record<string, boolean>, reasons: Record<string, string>, comments = '') => {
    const form = new URLSearchParams({ csrf: page.csrf, outcome, comments });
    if (outcome === 'approved') form.set('dpiaReference', 'DPIA-2026-031');
    for (const id of page.checklist) if (ticks[id] ?? true) form.set(`confirm:${id}`, 'yes');
    for (const [id, reason] of Object.entries(reasons)) form.set(`reason:${id}`, reason);
    const res = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie }, body: form.toString() });
    return { status: res.status, html: await res.text() };
  };
  const auditFor = async (id: number): Promise<AuditRow[]> =>
    ((await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectItemId eq ${id}&$top=500`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { value: AuditRow[] }).value;


  it('bypasses 1 and 5: a national function with personal data cannot be "not required", and "approved" cannot be waived with a reason', async () => {
    const body = nationalWithPersonalData('National transcription with personal data');
    const id = await submit(body);
    await approve(id, body.title, 'IG_NOTIFY');

    const dpia = await linkFor(id, body.title, 'DPIA');
    const { page } = dpia;
    expect(page.html).not.toContain('value="not-required"');
    expect(page.html).toContain('Required to approve: the policy does not allow a reason instead.');
    // The whole request, the data answers and the screening first for Information Governance, all user text escaped.
    expect(page.html).toContain('<dt>The legal basis for using the data</dt><dd>UK GDPR Article 6(1)(e), public task</dd>');
    expect(page.html).toContain('Will the tool process information that identifies a person, living or dead? <strong>No</strong>');
    expect(page.html.indexOf('Data the tool uses')).toBeLessThan(page.html.indexOf('Product, supplier and cost'));
    expect(page.html).toContain('Transcribe calls &lt;b&gt;verbatim&lt;/b&gt; &amp; summarise');
    expect(page.html).not.toContain('<b>verbatim</b>');

    // Bypass 1: one person choosing "not required" is refused, and nothing is recorded.
    const notRequired = await postForm(dpia.link, page, 'not-required', {}, {}, 'Nationally assessed.');
    expect(notRequired.status).toBe(400);
    expect(notRequired.html).toContain('this step cannot be recorded as not required');

    // Bypass 5: approving with "The DPIA is approved" unticked and any reason typed.
    const waived = await postForm(dpia.link, page, 'approved', { approved: false }, { approved: 'It will be done next month.' });
    expect(waived.status).toBe(400);
    expect(waived.html).toContain('confirm “The Data Protection Impact Assessment is approved.” (approved): the policy makes it a condition of approval');

    // The inbox (JSON) is held to the same rule and names the item.
    const assignee = (await detail(id)).steps.find((s) => s.code === 'DPIA' && s.status === 'Pending')!.assignee;
    const inbox = (await (await fetch(`${rt.origin}/api/tasks?assignee=${assignee}`, { headers: { 'x-ms-client-principal-name': assignee } })).json()) as { id: string; stepCode: string; requestId: string; mayRecordNotRequired: boolean }[];
    const task = inbox.find((t) => t.requestId === String(id) && t.stepCode === 'DPIA')!;
    expect(task.mayRecordNotRequired).toBe(false);
    const checklist = ['approved', 'bias-ethics', 'regulator-toolkit', 'consent-anonymisation', 'public-engagement'].map((itemId) => ({ itemId, confirmed: itemId !== 'approved', ...(itemId === 'approved' ? { reasonIfNot: 'Later' } : {}) }));
    const json = await post('/api/decisions', { taskId: Number(task.id), outcome: 'approved', comments: '', checklist, references: { dpiaReference: 'DPIA-2026-031' } }, assignee);
    expect(json.status).toBe(400);
    expect(((await json.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([
      { field: 'checklist.0.confirmed', message: expect.stringContaining('(approved): the policy makes it a condition of approval') },
    ]);
    expect((await detail(id)).steps.find((s) => s.code === 'DPIA' && s.status === 'Pending')).toBeDefined();

    // Approved properly: each tick and reason is kept on the task row and in the audit entry.
    used.add(dpia.link);
    const ok = await postForm(dpia.link, page, 'approved', { 'public-engagement': false }, { 'public-engagement': 'No patient data is used.' });
    expect(heading(ok.html)).toBe('Decision recorded');
    const decided = await eventually(async () => (await detail(id)).steps.find((s) => s.code === 'DPIA' && s.outcome === 'Approved'), 'the DPIA decision on the task row');

    // Joint step (§5 names both): one approval does not close it; the other holder's page says who decided.
    const second = await linkFor(id, body.title, 'DPIA');
    expect(second.page.html).toMatch(/<li>(Information Governance Manager|Head of Safe Practice \(Digital\)): Approved on 1 December 2026<\/li>/);
    expect(second.page.html).toMatch(/<li>(Information Governance Manager|Head of Safe Practice \(Digital\)): still to decide<\/li>/);
    expect((await detail(id)).status).toBe('In review');
    used.add(second.link);
    expect(heading((await submitDecision(second.link, second.page, 'approved')).html)).toBe('Decision recorded');
    await approve(id, body.title, 'DIGITAL_BI');
    await eventually(async () => ((await detail(id)).status === 'Approved' ? true : undefined), 'the approval once both have approved');
    const dpiaRows = (await detail(id)).steps.filter((s) => s.code === 'DPIA');
    expect(dpiaRows.map((s) => s.outcome)).toEqual(['Approved', 'Approved']);
    expect(new Set(dpiaRows.map((s) => s.assignee)).size).toBe(2);
    // The request page shows both holders' decisions, and the reason given for an item not ticked.
    const requestPage = await (await fetch(`${rt.origin}/api/requests/${id}/page`)).text();
    expect(requestPage.match(/Approved by [^<]+ on 1 December 2026/g)?.length).toBeGreaterThanOrEqual(3);
    expect(requestPage).toContain('Checklist: 4 of 5 confirmed; public-engagement not confirmed: No patient data is used.');
    expect(decided.checklist).toEqual(expect.arrayContaining([{ itemId: 'approved', confirmed: true }, { itemId: 'public-engagement', confirmed: false, reasonIfNot: 'No patient data is used.' }]));
    const entry = await eventually(async () => (await auditFor(id)).find((e) => e.EventType === 'decision-recorded' && e.Details?.includes('"stepCode":"DPIA"')), 'the DPIA decision in the audit log');
    expect((JSON.parse(entry.Details!) as { checklist: unknown[] }).checklist).toEqual(expect.arrayContaining([{ itemId: 'public-engagement', confirmed: false, reasonIfNot: 'No patient data is used.' }]));
  });

  it('bypass 2: screening answers flipped to no after "more information needed" do not drop the step; its approvers decide', async () => {
    const body = { ...example('public-generic'), title: 'Chatbot whose screening changed', dpiaScreening: [false, false, false, false, true, false, false, false, false, false] };
    const id = await submit(body);
    const ig = await linkFor(id, body.title, 'IG_NOTIFY');
    used.add(ig.link);
    await submitDecision(ig.link, ig.page, 'more-information', { comments: 'Who gets access to the drafts?' });
    await eventually(async () => ((await detail(id)).status === 'More information needed' ? true : undefined), 'more information needed');

    expect((await post(`/api/requests/${id}/responses`, { ...body, dpiaScreening: NO_SCREENING })).status).toBe(202);
    const replanned = await eventually(async () => {
      const d = await detail(id);
      return d.status === 'In review' && d.route?.stages.flat().some((s) => s.code === 'DPIA') ? d : undefined;
    }, 'the new route');
    const step = replanned.route!.stages.flat().find((s) => s.code === 'DPIA')!;
    expect(step.mayRecordNotRequired).toBe(true);
    expect(step.reason).toContain('The answers changed after this Data Protection Impact Assessment (DPIA) step was opened.');

    await approve(id, body.title, 'IG_NOTIFY');
    // "Not required" is a decision of both DPIA approvers, each recorded.
    for (let holder = 0; holder < 2; holder++) {
      const dpia = await linkFor(id, body.title, 'DPIA');
      used.add(dpia.link);
      expect(dpia.page.html).toContain('value="not-required"');
      const recorded = await submitDecision(dpia.link, dpia.page, 'not-required', { comments: 'Suppliers see no drafts: the screening answer was wrong.' });
      expect(heading(recorded.html)).toBe('Decision recorded');
    }
    await eventually(async () => ((await detail(id)).status === 'Approved' ? true : undefined), 'the approval');
    const decisions = (await auditFor(id)).filter((e) => e.EventType === 'decision-recorded').map((e) => JSON.parse(e.Details!) as { stepCode: string; outcome: string });
    expect(decisions.filter((d) => d.stepCode === 'DPIA').map((d) => d.outcome)).toEqual(['not-required', 'not-required']);
  });

  // It moves the shared clock on by days, so it comes after the tests that decide on 1 December.
  it('a joint step says who has decided and who is still to decide, and reminds only the role still to decide', async () => {
    const body = nationalWithPersonalData('National transcription reminders');
    const id = await submit(body);
    await approve(id, body.title, 'IG_NOTIFY');
    const first = await linkFor(id, body.title, 'DPIA');
    used.add(first.link);
    expect(heading((await submitDecision(first.link, first.page, 'approved')).html)).toBe('Decision recorded');
    const rows = await eventually(async () => {
      const dpia = (await detail(id)).steps.filter((s) => s.code === 'DPIA');
      return dpia.some((s) => s.outcome === 'Approved') ? dpia : undefined;
    }, 'the first DPIA decision');
    const decidedBy = rows.find((s) => s.outcome === 'Approved')!.assignee;
    const stillToDecide = rows.find((s) => !s.outcome)!.assignee;

    // The request view and the inbox carry the facts: who decided, and who is still to decide.
    const view = (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { jointSteps: { code: string; decided: { role: string; outcome: string; by: string | null }[]; stillToDecide: string[] }[] };
    expect(view.jointSteps).toHaveLength(1);
    expect(view.jointSteps[0]).toMatchObject({ code: 'DPIA', decided: [{ outcome: 'Approved', by: decidedBy }] });
    expect(view.jointSteps[0].stillToDecide).toHaveLength(1);
    const inbox = (await (await fetch(`${rt.origin}/api/tasks?assignee=${stillToDecide}`, { headers: { 'x-ms-client-principal-name': stillToDecide } })).json()) as { requestId: string; stepCode: string; joint?: { stillToDecide: string[]; decided: { by: string | null }[] } }[];
    const task = inbox.find((t) => t.requestId === String(id) && t.stepCode === 'DPIA')!;
    expect(task.joint).toEqual(view.jointSteps[0]);

    // Half the time used (assigned Tuesday 1 December, due Tuesday 8 December): only the role still to decide is reminded.
    await rt.advanceTo('2026-12-04T09:05:00Z');
    const reminders = await eventually(async () => {
      const found = (await mailbox(rt)).filter((m) => m.subject.startsWith('Reminder: Data Protection Impact Assessment') && m.subject.includes(body.title));
      return found.length > 0 ? found : undefined;
    }, 'the DPIA reminder');
    expect(reminders.map((m) => m.to[0])).toEqual([stillToDecide]);
    const stillOpen = (await detail(id)).steps.filter((s) => s.code === 'DPIA').map((s) => [s.assignee, s.status]);
    expect(stillOpen).toEqual(expect.arrayContaining([[decidedBy, 'Completed'], [stillToDecide, 'Reminded']]));
  });

  it.each([
    ['automated decisions about people', { use: { ...example('public-generic').use, automatedDecisions: true, humanReviewer: 'Duty manager' } }, 'the tool makes automated decisions about people'],
    ['20,000 people’s records with "personal data" answered no', { data: { ...example('public-generic').data, recordCount: 20000 } }, 'the tool uses 20,000 people’s records'],
  ])('bypass 3: a free or generic tool with %s is routed to the DPIA approvers, not acknowledgement only', async (_name, overrides, because) => {
    const res = await post('/api/requests', { ...example('public-generic'), title: `Generic tool: ${_name}`, ...overrides });
    expect(res.status).toBe(201);
    const { stages } = (await res.json()) as { stages: { code: string; reason: string }[][] };
    const dpia = stages.flat().find((s) => s.code === 'DPIA');
    expect(dpia?.reason).toContain(because);
  });
});
