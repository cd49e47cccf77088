import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestRecord } from '../../../shared/contract';
import { intakeRequestShapeSchema, type IntakeRequest } from '../../../shared/domain';
import { requestFactSections } from '../../../shared/requests/requestFacts';
import { requestRecordHtml } from '../../../shared/web/requestRecordHtml';

const intake = (name: string): IntakeRequest =>
  intakeRequestShapeSchema.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', `${name}.json`), 'utf8')));

describe('the request facts, ordered for the deciding role', () => {
  const healthcare = intake('healthcare-service-change');

  it('puts first what each role needs: Finance the product and cost, Information Governance the data and screening, clinical safety the use', () => {
    expect(requestFactSections(healthcare, 'FINANCE')[0].id).toBe('product');
    expect(requestFactSections(healthcare, 'DPIA').slice(0, 2).map((s) => s.id)).toEqual(['data', 'screening']);
    expect(requestFactSections(healthcare, 'CSO')[0].id).toBe('use');
    expect(requestFactSections(healthcare).map((s) => s.id)).toEqual(['who', 'product', 'purpose', 'data', 'use', 'screening']);
  });

  it('shows the Caldicott Guardian confidential patient information and the legal basis first', () => {
    const [data] = requestFactSections(healthcare, 'CALDICOTT');
    expect(data.id).toBe('data');
    expect(data.facts.slice(0, 2).map((f) => f.label)).toEqual(['Whether the tool uses confidential patient information', 'The legal basis for using the data']);
  });

  it('lists the equality screening when the answers carry it, and leaves it out when they do not', () => {
    const groups = Object.fromEntries(
      ['age', 'disability', 'genderReassignment', 'marriageCivilPartnership', 'pregnancyMaternity', 'race', 'religionBelief', 'sex', 'sexualOrientation', 'carers'].map((k) => [k, { disadvantage: k === 'disability', ...(k === 'disability' ? { mitigation: 'Screen reader tested' } : {}) }]),
    );
    const withEquality = { ...healthcare, equalityScreening: groups } as unknown as IntakeRequest;
    const equality = requestFactSections(withEquality).find((s) => s.id === 'equality')!;
    expect(equality.kind).toBe('questions');
    expect(equality.facts).toHaveLength(10);
    expect(equality.facts[1]).toEqual({ label: expect.stringMatching(/^Disability: Could the tool/) as string, value: 'Yes. How it is reduced: Screen reader tested' });
    expect(requestFactSections(healthcare).some((s) => s.id === 'equality')).toBe(false);
  });
});

describe('the request record as HTML', () => {
  const record: RequestRecord = {
    sections: requestFactSections({ ...intake('public-generic'), purpose: '<script>x</script> & more' }),
    decisions: [
      {
        stepCode: 'DPIA',
        stepName: 'Data Protection Impact Assessment',
        role: 'Information Governance Manager',
        attempt: 1,
        status: 'Completed',
        outcome: 'Approved',
        assignee: 'ig@example.nhs.uk',
        decidedBy: 'deputy@example.nhs.uk',
        decidedAt: '2026-12-02T10:00:00Z',
        channel: 'Email',
        comments: '<b>fine</b>',
        checklist: [
          { itemId: 'approved', text: 'The DPIA is approved.', confirmed: true },
          { itemId: 'public-engagement', text: 'Public engagement was considered.', confirmed: false, reasonIfNot: 'Staff tool <i>only</i>' },
        ],
      },
      { stepCode: 'DPIA', stepName: 'Data Protection Impact Assessment', role: 'Head of Safe Practice (Digital)', attempt: 1, status: 'Pending', outcome: null, assignee: 'hsp@example.nhs.uk', decidedBy: null, decidedAt: null, channel: null, comments: null, checklist: [] },
    ],
    attachments: [],
    references: [],
  };
  const html = requestRecordHtml(record, 2);

  it('says who decided each role of a joint step and who is still to decide, with every tick and reason, user text escaped', () => {
    expect(html).toContain('<h3>Data Protection Impact Assessment: Information Governance Manager</h3><p><strong>Approved</strong> by deputy@example.nhs.uk on Wednesday 2 December 2026 at 10:00 (Email)</p>');
    expect(html).toContain('<li>The DPIA is approved. <strong>Confirmed</strong></li>');
    expect(html).toContain('<li>Public engagement was considered. <strong>Not confirmed: Staff tool &lt;i&gt;only&lt;/i&gt;</strong></li>');
    expect(html).toContain('<h3>Data Protection Impact Assessment: Head of Safe Practice (Digital)</h3><p><strong>Still to decide</strong>: hsp@example.nhs.uk</p>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; more');
    expect(html).not.toMatch(/<script>|<b>fine|<i>only/);
  });

  it('has a place for documents and references that says plainly when there are none', () => {
    expect(html).toContain('<h2 id="record-documents">Documents and references</h2>');
    expect(html).toContain('No documents are attached to this request.');
    expect(html).toContain('No assessment references have been recorded for this request.');
    const withFile = requestRecordHtml({ ...record, attachments: [{ fileName: 'dpia<1>.pdf', sizeBytes: 5 * 1024 * 1024, sha256: 'ab'.repeat(32) }] }, 2);
    expect(withFile).toContain(`dpia&lt;1&gt;.pdf (5,120 kilobytes)<br><span class="hint hash">SHA-256 fingerprint: ${'ab'.repeat(32)}</span>`);
  });
});
