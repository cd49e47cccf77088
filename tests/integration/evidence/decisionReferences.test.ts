import { createHash } from 'node:crypto';
import { exampleRequest, submitRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { heading, linksForOpenSteps, openDecision, submitDecision, type DecisionPage } from '../workflow/decisionClient';

type Row = Record<string, unknown>;
const odata = { accept: 'application/json;odata=nometadata' };

// References are typed fields of the decision: the approver of the DPIA, DTAC or research step
// enters them on the decision page, a bad one is a 400 naming the field, and a good one is kept
// on the task row, in the decision's audit entry and in the AI Requests columns. The decision page
// also takes documents from the approver, as a plain HTML form.
describe('references and documents recorded with decisions', () => {
  const rt = useRuntime();
  const used = new Set<string>();

  const submit = async (example: string, title: string): Promise<number> => {
    const res = await submitRequest(rt, { ...exampleRequest(example), title });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const item = async (list: string, filter: string): Promise<Row[]> =>
    ((await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('${encodeURIComponent(list)}')/items?$filter=${encodeURIComponent(filter)}&$top=500`, { headers: odata })).json()) as { value: Row[] }).value;
  const request = async (id: number): Promise<Row> => (await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/items(${id})`, { headers: odata })).json()) as Row;

  /** Approves every open step (with well-formed references) until `code` is open; returns its link and page. */
  async function walkTo(id: number, title: string, code: string): Promise<{ link: string; page: DecisionPage }> {
    for (;;) {
      const open = await eventually(() => linksForOpenSteps(rt, id, title, used), `open steps of “${title}”`);
      const target = open.find((s) => s.code === code);
      if (target) {
        const page = await openDecision(target.link);
        if (page.status === 200) return { link: target.link, page };
        used.add(target.link);
        continue;
      }
      for (const step of open) {
        used.add(step.link);
        const page = await openDecision(step.link);
        if (page.status === 200) expect(heading((await submitDecision(step.link, page, 'approved')).html)).toBe('Decision recorded');
      }
    }
  }

  it('refuses a bad IRAS number and ethics committee reference naming each, then writes good ones to the request', async () => {
    const title = 'References: frailty prediction study';
    const id = await submit('research', title);
    const { link, page } = await walkTo(id, title, 'RESEARCH');
    expect(page.references).toEqual(['irasNumber', 'ethicsCommitteeReference']);
    expect(page.html).toContain('<label for="irasNumber">Integrated Research Application System (IRAS) number</label>');

    const bad = await submitDecision(link, page, 'approved', { references: { irasNumber: 'IRAS-12', ethicsCommitteeReference: 'London 5' } });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('<a href="#irasNumber">give the IRAS number: 4 to 7 digits, for example 312345</a>');
    expect(bad.html).toContain('<a href="#ethicsCommitteeReference">give the Research Ethics Committee reference as year/committee/number');
    const missing = await submitDecision(link, page, 'approved', { references: {} });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('href="#irasNumber"');
    expect((await request(id)).IrasNumber ?? null).toBeNull();

    const ok = await submitDecision(link, page, 'approved', { references: { irasNumber: ' 312345 ', ethicsCommitteeReference: '24/lo/0123' } });
    expect(heading(ok.html)).toBe('Decision recorded');
    await eventually(async () => ((await request(id)).IrasNumber === '312345' ? true : undefined), 'the IRAS number on the request');
    expect((await request(id)).EthicsCommitteeReference).toBe('24/LO/0123');
    const task = (await item('AI Approval Tasks', `RequestId eq ${id}`)).find((t) => t.StepCode === 'RESEARCH');
    expect(JSON.parse(String(task?.ReferencesJson))).toEqual({ irasNumber: '312345', ethicsCommitteeReference: '24/LO/0123' });
    const audit = (await item('AI Audit Log', `SubjectItemId eq ${id}`)).filter((e) => e.EventType === 'decision-recorded').map((e) => JSON.parse(String(e.Details)) as Row);
    expect(audit.find((d) => d.stepCode === 'RESEARCH')?.references).toEqual({ irasNumber: '312345', ethicsCommitteeReference: '24/LO/0123' });

    const shown = await (await fetch(`${rt.origin}/api/requests/${id}/page`)).text();
    expect(shown).toContain('<dt>Integrated Research Application System (IRAS) number</dt><dd>312345</dd>');
    expect(shown).toContain('<dt>Research Ethics Committee reference</dt><dd>24/LO/0123</dd>');
  });

  it('takes the DPIA and DTAC references with the five areas, and refuses a DTAC approval with an area not met', async () => {
    const title = 'References: chest X-ray triage';
    const id = await submit('healthcare-service-change', title);
    const dpia = await walkTo(id, title, 'DPIA');
    used.add(dpia.link);
    expect(dpia.page.references).toEqual(['dpiaReference']);
    expect(heading((await submitDecision(dpia.link, dpia.page, 'approved')).html)).toBe('Decision recorded');
    const dtac = await walkTo(id, title, 'DTAC');
    const notMet = await submitDecision(dtac.link, dtac.page, 'approved', {
      references: { dtacReference: 'DTAC-77', dtacDate: '2026-10-01', dtacClinicalSafety: 'met', dtacDataProtection: 'met', dtacTechnicalSecurity: 'not-met', dtacInteroperability: 'met', dtacUsabilityAccessibility: 'met' },
    });
    expect(notMet.status).toBe(400);
    expect(notMet.html).toContain('href="#dtacTechnicalSecurity">the DTAC is passed only when every area is met');
    const future = await submitDecision(dtac.link, dtac.page, 'approved', { references: { dtacReference: 'DTAC-77', dtacDate: '2099-01-01' } });
    expect(future.html).toContain('href="#dtacDate">the DTAC assessment date cannot be in the future');
    expect(future.html).toContain('href="#dtacClinicalSafety"');
    expect(heading((await submitDecision(dtac.link, dtac.page, 'approved')).html)).toBe('Decision recorded');

    await eventually(async () => ((await request(id)).DtacReference === 'DTAC-2026-007' ? true : undefined), 'the DTAC reference on the request');
    const row = await request(id);
    expect(row).toEqual(expect.objectContaining({ DtacDate: '2026-11-02T00:00:00Z', DtacClinicalSafety: 'Met', DtacDataProtection: 'Met', DtacTechnicalSecurity: 'Met', DtacInteroperability: 'Met', DtacUsabilityAccessibility: 'Met' }));
    // The DPIA step's own activity writes its column, after the page says "Decision recorded" and
    // independently of the DTAC step beside it in the stage: its write may land after DTAC's.
    await eventually(async () => ((await request(id)).DpiaReference === 'DPIA-2026-014' ? true : undefined), 'the DPIA reference on the request');
    const shown = await (await fetch(`${rt.origin}/api/requests/${id}/page`)).text();
    expect(shown).toContain('<dt>DTAC technical security</dt><dd>Met</dd>');
    expect(shown).toContain('<dt>Date of the DTAC assessment</dt><dd>2 November 2026</dd>');
  });

  it('the approver inbox asks for the same references: the task names them and a decision without them is refused naming each', async () => {
    const title = 'References: from the approver inbox';
    const id = await submit('research', title);
    const { page } = await walkTo(id, title, 'RESEARCH');
    const approver = page.html.match(/You decide as<\/dt><dd>[^(]*\(([^)]+)\)/)![1];
    const as = { 'x-ms-client-principal-name': approver, 'content-type': 'application/json' };
    const inbox = (await (await fetch(`${rt.origin}/api/tasks?assignee=${encodeURIComponent(approver)}`, { headers: as })).json()) as { id: string; requestId: string; stepCode: string; references: string[]; checklist: { id: string; mandatory?: true }[] }[];
    const task = inbox.find((t) => t.requestId === String(id) && t.stepCode === 'RESEARCH')!;
    expect(task.references).toEqual(['irasNumber', 'ethicsCommitteeReference']);
    expect(task.checklist.filter((c) => c.mandatory).map((c) => c.id).length).toBeGreaterThan(0);
    const decide = (references: Record<string, string>) =>
      fetch(`${rt.origin}/api/decisions`, { method: 'POST', headers: as, body: JSON.stringify({ taskId: Number(task.id), outcome: 'approved', checklist: task.checklist.map((c) => ({ itemId: c.id, confirmed: true })), references, channel: 'web' }) });
    const missing = await decide({});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['irasNumber', 'ethicsCommitteeReference']);
    expect((await decide({ irasNumber: '412345', ethicsCommitteeReference: '25/NW/0042' })).status).toBe(200);
    await eventually(async () => ((await request(id)).IrasNumber === '412345' ? true : undefined), 'the IRAS number on the request');
  });

  it('lets the approver attach a document from the decision page (a plain form post), audited as theirs', async () => {
    const title = 'References: decision page upload';
    const id = await submit('research', title);
    const { link, page } = await walkTo(id, title, 'RESEARCH');
    expect(page.html).toContain('enctype="multipart/form-data"');
    const letter = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40_000, 0x41), Buffer.from('\n%%EOF\n')]);
    const form = new FormData();
    form.set('csrf', page.csrf);
    form.set('kind', 'hra-approval');
    form.set('file', new Blob([new Uint8Array(letter)]), 'HRA approval letter.pdf');
    const posted = await fetch(`${link}/attachments`, { method: 'POST', headers: { cookie: page.cookie, origin: rt.origin }, body: form, redirect: 'manual' });
    expect(posted.status).toBe(303);
    const after = await openDecision(new URL(posted.headers.get('location')!, rt.origin).toString());
    expect(after.html).toContain('HRA approval letter.pdf</a> – Health Research Authority (HRA) approval letter');
    expect(after.html).toContain(createHash('sha256').update(letter).digest('hex'));

    const noToken = new FormData();
    noToken.set('kind', 'other');
    noToken.set('file', new Blob([new Uint8Array(letter)]), 'other.pdf');
    expect((await fetch(`${link}/attachments`, { method: 'POST', headers: { cookie: page.cookie }, body: noToken })).status).toBe(403);

    const entry = (await item('AI Audit Log', `SubjectItemId eq ${id}`)).find((e) => e.EventType === 'attachment-added');
    expect(JSON.parse(String(entry?.Details))).toEqual(expect.objectContaining({ role: 'approver', stepCode: 'RESEARCH', kind: 'hra-approval' }));
    expect(entry?.Actor).toBe(page.html.match(/You decide as<\/dt><dd>[^(]*\(([^)]+)\)/)?.[1]);
  });
});
