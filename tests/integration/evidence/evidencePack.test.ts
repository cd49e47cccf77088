import type { EvidencePackResponse, InboxTaskResponse } from '../../../shared/contract';
import { createRepositories, createSp } from '../../../shared/sharepoint';
import { exampleRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { heading, linksForOpenSteps, openDecision, submitDecision, type DecisionPage } from '../workflow/decisionClient';

type Intake = Record<string, unknown> & { title: string; requester: { email: string } };
const example = (name: string): Intake => exampleRequest<Intake>(name);

const STRANGER = 'someone.else@example.nhs.uk';
const LEAD = 'governance.lead@example.nhs.uk';
const WAIVER = 'Not relevant: the tool <em>never</em> sees patient data & is used by one team.';

// The evidence pack (issue 14 item 8) and the whole request in front of each approver (item 1),
// over HTTP against the local runtime: a request is taken to Approved from the emailed links, one
// checklist item waived with a reason; each later page shows the earlier decisions; the pack lists
// every step's checklist, the references and the audit log with its chain checked.
describe('the evidence pack of a request taken to Approved', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const used = new Set<string>();
  const as = (email?: string): Record<string, string> => (email ? { 'x-ms-client-principal-name': email } : {});
  const evidence = (id: number, email?: string, query = '?format=json'): Promise<Response> => fetch(`${rt.origin}/api/requests/${id}/evidence${query}`, { headers: as(email) });

  /** Approves from the page, every item ticked except `waive`, which is given the reason. */
  const decide = async (link: string, page: DecisionPage, waive?: string): Promise<string> =>
    heading((await submitDecision(link, page, 'approved', { comments: 'Content with the answers given.', reasons: waive ? { [waive]: WAIVER } : {} })).html);


  it('shows the whole request and earlier decisions to each approver, then lists every step, checklist, reference and audit entry', async () => {
    const base = example('public-generic');
    // Software to install adds a second step, whose approver should see the first decision.
    const body = { ...base, title: 'Chat tool <b>for</b> newsletters', use: { ...(base.use as object), installNeeded: true } };
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: number }).id;

    // The web part's inbox gets the same record, its facts ordered for the step's role.
    const firstLinks = await eventually(() => linksForOpenSteps(rt, id, body.title, used), 'the first decision links');
    const ig = firstLinks.find((l) => l.code === 'IG_NOTIFY')!;
    const igPage = await openDecision(ig.link);
    const igApprover = /You decide as<\/dt><dd>[^(]*\(([^)]+)\)/.exec(igPage.html)![1];
    const inbox = (await (await fetch(`${rt.origin}/api/tasks?assignee=${igApprover}`, { headers: as(igApprover) })).json()) as InboxTaskResponse[];
    const task = inbox.find((t) => t.requestId === String(id) && t.stepCode === 'IG_NOTIFY')!;
    expect(task.record.sections.slice(0, 2).map((s) => s.id)).toEqual(['data', 'screening']);
    expect(task.record.sections.find((s) => s.id === 'product')!.facts).toEqual([
      { label: 'The product name', value: 'Example Chat' },
      { label: 'The supplier', value: 'Example AI Inc' },
      { label: 'The estimated cost', value: '£0' },
    ]);
    expect(task.record.sections.find((s) => s.id === 'screening')!.facts).toHaveLength(10);
    expect(task.record.attachments).toEqual([]);
    expect(task.record.decisions.every((d) => d.outcome === null)).toBe(true);
    // The decision page opens with the data and screening, then documents, then decisions so far.
    const order = ['facts-data', 'facts-screening', 'facts-who', 'record-documents', 'record-decisions'].map((h) => igPage.html.indexOf(`id="${h}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(igPage.html).toContain('No documents are attached to this request.');

    const waived = igPage.checklist[igPage.checklist.length - 1];
    used.add(ig.link);
    expect(await decide(ig.link, igPage, waived)).toBe('Decision recorded');

    // Every later step's page shows the decision already made, its tick or reason, escaped.
    let laterPagesSeen = 0;
    for (let round = 0; round < 6; round++) {
      const detail = (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { status: string };
      if (detail.status === 'Approved') break;
      const links = await eventually(async () => {
        const found = await linksForOpenSteps(rt, id, body.title, used);
        if (found) return found;
        return ((await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { status: string }).status === 'Approved' ? [] : undefined;
      }, `decision links, round ${round}`);
      for (const { link } of links) {
        used.add(link);
        const page = await openDecision(link);
        if (page.status !== 200) continue;
        expect(page.html).toMatch(/Information governance notification and screening: Senior Information Governance Manager<\/h3><p><strong>Approved<\/strong> by [^ ]+@example\.nhs\.uk on /);
        expect(page.html).toContain('Not confirmed: Not relevant: the tool &lt;em&gt;never&lt;/em&gt; sees patient data &amp; is used by one team.');
        expect(page.html).not.toContain('<em>never</em>');
        laterPagesSeen++;
        expect(await decide(link, page)).toBe('Decision recorded');
      }
    }
    expect(laterPagesSeen).toBeGreaterThan(0);
    await eventually(async () => (((await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { status: string }).status === 'Approved' ? true : undefined), 'Approved');

    // A reference written to the request's column is listed with it.
    const repos = createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));
    await repos.requests.modify(id, () => ({ DpiaReference: 'DPIA-2026-014' }));

    // Fail closed: nobody signed in, or someone with no part in the request, sees nothing.
    expect((await evidence(id)).status).toBe(401);
    const refused = await evidence(id, STRANGER);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('evidence pack');
    expect((await evidence(id, body.requester.email, '?format=xml')).status).toBe(400);

    const packRes = await evidence(id, LEAD);
    expect(packRes.status).toBe(200);
    const pack = (await packRes.json()) as EvidencePackResponse;
    expect(pack.request).toMatchObject({ id, title: body.title, status: 'Approved', requester: body.requester.email });
    const planned = pack.route!.stages.flat();
    expect(planned.length).toBeGreaterThan(1);
    expect(planned.every((s) => s.reason !== '' && s.clause !== '' && s.checklist.length > 0)).toBe(true);
    // Every planned step was decided, each with its whole checklist and who decided.
    for (const step of planned) {
      const decided = pack.decisions.filter((d) => d.stepCode === step.code && d.outcome === 'Approved');
      expect(decided.length).toBeGreaterThan(0);
      for (const d of decided) {
        expect(d.decidedBy).toMatch(/@example\.nhs\.uk$/);
        expect(['Email', 'Teams']).toContain(d.channel);
        expect(d.comments).toBe('Content with the answers given.');
        expect(d.checklist.map((c) => c.itemId)).toEqual(step.checklist.map((c) => c.id));
        expect(d.checklist.map((c) => c.text)).toEqual(step.checklist.map((c) => c.text));
      }
    }
    const igDecision = pack.decisions.find((d) => d.stepCode === 'IG_NOTIFY')!;
    expect(igDecision.checklist.find((c) => c.itemId === waived)).toMatchObject({ confirmed: false, reasonIfNot: WAIVER });
    expect(pack.references).toEqual([{ label: 'Data Protection Impact Assessment (DPIA) reference', value: 'DPIA-2026-014' }]);
    expect(pack.attachments).toEqual([]);
    expect(pack.facts.map((s) => s.id)).toEqual(['who', 'product', 'purpose', 'data', 'use', 'screening', 'attestations']);
    // The audit entries, in order, with the decisions, and the whole chain checked.
    const events = pack.audit.entries.map((a) => a.event);
    expect(events[0]).toBe('request-submitted');
    expect(events.filter((e) => e === 'decision-recorded')).toHaveLength(pack.decisions.length);
    expect(events).toContain('request-approved');
    expect(pack.audit.entries.map((a) => a.sequence)).toEqual([...pack.audit.entries.map((a) => a.sequence)].sort((a, b) => a - b));
    expect(pack.audit.chain.intact).toBe(true);
    expect(pack.audit.chain.entriesChecked).toBeGreaterThanOrEqual(pack.audit.entries.length);

    // The requester may read it too; the printable page says the same, with user text escaped.
    const page = await evidence(id, body.requester.email, '');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<h1>Evidence pack: Chat tool &lt;b&gt;for&lt;/b&gt; newsletters</h1>');
    expect(html).toContain('The audit log is intact.');
    expect(html).toContain('<dd>DPIA-2026-014</dd>');
    for (const step of planned) expect(html).toContain(`${step.name}: ${step.role}`);
    expect(html).not.toContain('<em>never</em>');

    // The request page shows the whole request and the decisions too.
    const requestPage = await (await fetch(`${rt.origin}/api/requests/${id}/page`, { headers: as(body.requester.email) })).text();
    expect(requestPage).toContain('<h2 id="record-request">The request</h2>');
    expect(requestPage).toContain('<dt>The supplier</dt><dd>Example AI Inc</dd>');
    expect(requestPage).toContain('<h2 id="record-decisions">Decisions so far</h2>');
  });
});
