import { collect, createRepositories, createSp } from '../../../shared/sharepoint';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { datixRecords, IG_MANAGER, mails, mailsTo } from './incidentClient';

// The plain "raise a concern" page, over real HTTP against the local runtime and its SMTP sink: a
// member of staff signs in, reports, and the existing incident workflow takes it from there.
const STAFF = 'amara.nwosu@example.nhs.uk';
const signedIn = { 'x-ms-client-principal-name': STAFF };

const goodForm = (over: Record<string, string> = {}): Record<string, string> => ({
  category: 'output-quality',
  summary: 'Discharge summary left out a new allergy',
  description: 'The AI summary of a discharge letter left out the penicillin allergy <script>alert(1)</script> recorded that morning.',
  occurredAt: '2026-12-01T08:15',
  location: 'Ward 7, Main Hospital',
  directorate: '',
  relatedTool: 'Microsoft Copilot',
  immediateActionTaken: 'Letter corrected by hand before it was sent.',
  severity: 'moderate',
  patientHarm: 'no',
  personalDataBreach: 'no',
  researchRelated: 'no',
  ...over,
});

describe('raising a concern from the plain page', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const repos = () => createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));
  const incidentRows = async () => collect(repos().incidents.query([]));

  /** What a browser does: GET the form (keeping its cookie), then POST it. */
  async function send(fields: Record<string, string>, headers: Record<string, string> = signedIn) {
    const form = await fetch(`${rt.origin}/api/concerns`, { headers });
    const html = await form.text();
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const res = await fetch(`${rt.origin}/api/concerns`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
    return { form: { status: form.status, html }, status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  it('no sign-in: the form is not shown and nothing can be sent', async () => {
    const page = await fetch(`${rt.origin}/api/concerns`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Sign in to raise a concern');
    const posted = await send(goodForm(), {});
    expect(posted.status).toBe(401);
    expect((await fetch(`${rt.origin}/api/concerns/1`)).status).toBe(401);
    expect(await incidentRows()).toEqual([]);
  });

  it('bad input: 400 naming each field on the page, and nothing written', async () => {
    const bad = await send(goodForm({ category: '', description: '  ', relatedTool: '', patientHarm: '', occurredAt: 'yesterday' }));
    expect(bad.status).toBe(400);
    for (const [field, message] of [
      ['category', 'choose what it is about'],
      ['description', 'give a description of what happened'],
      ['relatedTool', 'give the name of the AI tool involved'],
      ['patientHarm', 'choose Yes or No: was a patient harmed, or could a patient have been harmed?'],
      ['occurredAt', 'give the date and time it happened'],
    ]) {
      expect(bad.html).toContain(`<a href="#${field}">${message}`);
    }
    // What was typed is kept, escaped.
    expect(bad.html).toContain('value="Discharge summary left out a new allergy"');

    const tooLong = await send(goodForm({ summary: 'x'.repeat(256) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain('<a href="#summary">keep a one-line summary (no names or other personal details) to 255 characters or fewer');
    const future = await send(goodForm({ occurredAt: '2026-12-02T09:00' }));
    expect(future.status).toBe(400);
    expect(future.html).toContain('<a href="#occurredAt">the incident cannot have happened in the future');

    // A post that did not come from our form (no cookie) is refused.
    const forged = await fetch(`${rt.origin}/api/concerns`, {
      method: 'POST',
      headers: { ...signedIn, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: 'x', ...goodForm() }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await incidentRows()).toEqual([]);
    expect(await mails(rt)).toEqual([]);
  });

  it('a good report: the incident item, Information Governance told, the reporter acknowledged with the reference', async () => {
    const sent = await send(goodForm());
    expect(sent.form.status).toBe(200);
    // The register's tools are offered as the tool is typed.
    expect(sent.form.html).toContain('<option value="Microsoft Copilot"></option>');
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/api/concerns/1');

    const received = await fetch(`${rt.origin}${sent.location!}`, { headers: signedIn });
    expect(received.status).toBe(200);
    const page = await received.text();
    expect(page).toContain('Its reference is <strong>ai-incident-1</strong>');
    expect(page).toContain('If nobody triages it by then, it is reported to Datix automatically.');
    // Someone else's report is not shown to them.
    expect((await fetch(`${rt.origin}${sent.location!}`, { headers: { 'x-ms-client-principal-name': 'someone.else@example.nhs.uk' } })).status).toBe(404);

    const [item] = await incidentRows();
    expect(item).toMatchObject({
      Title: 'Discharge summary left out a new allergy',
      Category: 'Accuracy or performance',
      Severity: 'Moderate',
      RelatedTool: 'Microsoft Copilot',
      OccurredAt: '2026-12-01T08:15:00Z',
      PatientHarm: false,
      PersonalDataBreach: false,
      ResearchRelated: false,
      Status: 'Reported',
      OrchestrationInstanceId: 'incident-1',
    });
    expect(item.Description).toContain('<script>alert(1)</script>');

    await rt.advance('PT1M');
    const toIg = await eventually(async () => ((await mailsTo(rt, IG_MANAGER, /incident 1/)).length ? mailsTo(rt, IG_MANAGER, /incident 1/) : undefined), 'the note to Information Governance');
    expect(toIg.map((m) => m.subject)).toEqual(['Triage needed: incident 1 by Wednesday 2 December 2026 at 09:00']);
    const [ack] = await mailsTo(rt, STAFF);
    expect(ack.subject).toBe('Report received: ai-incident-1');
    expect(ack.text).toContain('Its reference is ai-incident-1');
    expect(ack.text).toContain('The Information Governance Manager is told and asked to triage it by Wednesday 2 December 2026 at 09:00');
    // Like every incident message, no description in it.
    expect(ack.text).not.toContain('penicillin');
  });

  it('a research concern reaches the Datix stand-in at once', async () => {
    const sent = await send(goodForm({ summary: 'Research model scored one group lower', category: 'bias-or-fairness', researchRelated: 'yes' }));
    expect(sent.status).toBe(303);
    const page = await (await fetch(`${rt.origin}${sent.location!}`, { headers: signedIn })).text();
    expect(page).toContain('Because it concerns research, it is reported to Datix straight away');
    const records = await eventually(async () => {
      const found = (await datixRecords(rt)).filter((r) => r.incident.incidentId === 'ai-incident-2');
      return found.length ? found : undefined;
    }, 'the research concern in Datix');
    expect(records.map((r) => r.idempotencyKey)).toEqual(['ai-incident-2-datix']);
    const [ack] = await eventually(async () => ((await mailsTo(rt, STAFF, /ai-incident-2/)).length ? mailsTo(rt, STAFF, /ai-incident-2/) : undefined), 'the acknowledgement');
    expect(ack.text).toContain('Because it concerns research, it is reported to Datix straight away');
  });
});
