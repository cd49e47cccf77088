import { collect, createRepositories, createSp } from '../../../shared/sharepoint';
import { validateR4 } from '../../unit/datix/fhirR4Validator';
import { useRuntime } from '../../support/useRuntime';
import { actionLink, answer, CLINICAL_SAFETY_OFFICER, heading, IG_MANAGER, incident, incidentBody, mails, mailsTo, reportIncident, submitPage } from './incidentClient';

// Reporting an incident and answering about it, over real HTTP against the local runtime: bad
// input is refused with a 400 that names each field and says what is expected, and nothing is
// written; answers come from signed links (pages) or from the web part (JSON, signed-in person).
describe('reporting an incident and answering about it', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-03-02T09:00:00Z' });

  const fieldsOf = (json: Record<string, unknown>): string[] => (json.errors as { field: string }[]).map((e) => e.field).sort();
  const messageFor = (json: Record<string, unknown>, field: string): string | undefined => (json.errors as { field: string; message: string }[]).find((e) => e.field === field)?.message;

  it('a bad report gets a 400 naming each field in plain English, and nothing is written', async () => {
    const bad = await reportIncident(rt, {
      ...incidentBody({ category: 'oops', occurredAt: 'yesterday', severity: undefined, relatedTool: undefined }),
      summary: '',
      reporter: { name: 'Amara Nwosu', email: 'not-an-address' },
      nhsNumber: '943 476 5919',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json)).toEqual(['category', 'nhsNumber', 'occurredAt', 'reporter.email', 'severity', 'summary']);
    expect(messageFor(bad.json, 'category')).toBe('choose a category: clinical-safety, data-protection, security, bias-or-fairness, output-quality, other');
    expect(messageFor(bad.json, 'nhsNumber')).toBe('remove this field: it is not part of this form');
    expect(messageFor(bad.json, 'occurredAt')).toMatch(/^give a date and time in ISO 8601 format/);

    const noTool = await reportIncident(rt, incidentBody({ relatedTool: undefined }));
    expect(noTool.status).toBe(400);
    expect(messageFor(noTool.json, 'relatedTool')).toMatch(/name the artificial intelligence tool involved, or give the number of the request/);

    const future = await reportIncident(rt, incidentBody({ occurredAt: '2026-03-03T09:00:00Z' }));
    expect(future.status).toBe(400);
    expect(future.json.errors).toEqual([{ field: 'occurredAt', message: 'the incident cannot have happened in the future: give when it happened' }]);

    const awareWithoutBreach = await reportIncident(rt, incidentBody({ awareAt: '2026-03-02T08:30:00Z' }));
    expect(messageFor(awareWithoutBreach.json, 'awareAt')).toBe('give awareAt only for a personal data breach (personalDataBreach: true)');

    const noSuchRequest = await reportIncident(rt, incidentBody({ relatedRequestId: 999 }));
    expect(noSuchRequest.status).toBe(400);
    expect(messageFor(noSuchRequest.json, 'relatedRequestId')).toMatch(/^there is no request 999/);

    const notJson = await fetch(`${rt.origin}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"summary":' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Record<string, unknown>).errors).toEqual([{ field: '(body)', message: 'send the incident as JSON' }]);

    // Nothing written: no list item, no orchestration, no email.
    const repos = createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));
    expect(await collect(repos.incidents.query([]))).toEqual([]);
    expect((await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/incident-1`)).status).toBe(404);
    expect(await mails(rt)).toEqual([]);
  });

  it('a good report: the list item, triage links to the Information Governance Manager and the Clinical Safety Officer', async () => {
    const reported = await reportIncident(rt, incidentBody({ category: 'clinical-safety', patientHarm: true, directorate: 'Planned care' }));
    expect(reported.status).toBe(201);
    expect(reported.json).toMatchObject({
      id: 1,
      reference: 'ai-incident-1',
      status: 'Reported',
      triage: { dueAt: '2026-03-02T13:00:00.000Z', urgent: true, explanation: 'Triage within 4 hours, because the report involves harm to a patient.' },
    });
    await rt.advance('PT1M');
    const toIg = await mailsTo(rt, IG_MANAGER);
    const toCso = await mailsTo(rt, CLINICAL_SAFETY_OFFICER);
    expect(toIg.map((m) => m.subject)).toEqual(['Urgent: triage incident 1 by Monday 2 March 2026 at 13:00']);
    expect(toCso.map((m) => m.subject)).toEqual(['Urgent: triage incident 1 by Monday 2 March 2026 at 13:00']);
    // No description, summary or names in the message: they stay behind the link.
    expect(toIg[0].text).not.toMatch(/5 mg|Ambient scribe wrote|Amara/);

    const repos = createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));
    const [item] = await collect(repos.incidents.query([]));
    expect(item).toMatchObject({ Category: 'Patient safety', Severity: 'Moderate', PatientHarm: true, Status: 'Reported', Directorate: 'Planned care', TriageDueAt: '2026-03-02T13:00:00Z', OrchestrationInstanceId: 'incident-1' });
  });

  it('the FHIR export of the incident is a valid R4 AdverseEvent', async () => {
    const res = await fetch(`${rt.origin}/api/incidents/1/fhir`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const resource = (await res.json()) as { resourceType: string; identifier: { value: string }; seriousness: unknown };
    expect(validateR4(resource)).toEqual([]);
    expect(resource.identifier.value).toBe('ai-incident-1');
    expect(resource.seriousness).toEqual({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness', code: 'Serious', display: 'Serious' }] });
    expect((await fetch(`${rt.origin}/api/incidents/77/fhir`)).status).toBe(404);
    // Behind sign-in, the details are for the reporter and the governance team only.
    const as = (email: string, path: string) => fetch(`${rt.origin}${path}`, { headers: { 'x-ms-client-principal-name': email } });
    expect((await as('tom.okafor@example.nhs.uk', '/api/incidents/1/fhir')).status).toBe(200);
    expect((await as('amara.nwosu@example.nhs.uk', '/api/incidents/1/fhir')).status).toBe(403);
    expect((await as('amara.nwosu@example.nhs.uk', '/api/incidents/1')).status).toBe(200);
    const stranger = await as('someone.else@example.nhs.uk', '/api/incidents/1');
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as { error: string }).error).toBe('Only the person who reported the incident and the AI governance team can see it.');
    expect((await fetch(`${rt.origin}/api/incidents/abc`)).status).toBe(400);
  });

  it('triage from the web part: only the roles that triage, a decision named in plain English, once', async () => {
    const stranger = await answer(rt, 1, 'triage', { decision: 'report-to-datix' }, 'amara.nwosu@example.nhs.uk');
    expect(stranger.status).toBe(403);
    expect(stranger.json.error).toMatch(/only the Information Governance Manager, .* and the AI governance lead can/);

    const nobody = await answer(rt, 1, 'triage', { decision: 'report-to-datix' });
    expect(nobody.status).toBe(400);
    expect(nobody.json.errors).toEqual([{ field: 'by', message: 'give your email address as "by": nobody is signed in' }]);

    const badDecision = await answer(rt, 1, 'triage', { decision: 'maybe' }, IG_MANAGER);
    expect(badDecision.status).toBe(400);
    expect(badDecision.json.errors?.[0]).toMatchObject({ field: 'decision', message: expect.stringContaining('"report-to-datix"') });
    const noReason = await answer(rt, 1, 'triage', { decision: 'no-datix-report' }, IG_MANAGER);
    expect(noReason.json.errors).toEqual([{ field: 'notes', message: 'say why no Datix report is needed, so the decision can be checked later' }]);
    expect((await incident(rt, 1)).triage.outcome).toBeNull();

    const fromCso = await answer(rt, 1, 'triage', { decision: 'report-to-datix', notes: 'Wrong dose in a letter: clinical safety incident.' }, CLINICAL_SAFETY_OFFICER);
    expect(fromCso.status).toBe(200);
    expect(fromCso.json.message).toBe('Your triage of incident 1 is recorded: it is being reported to Datix now.');

    const second = await answer(rt, 1, 'triage', { decision: 'no-datix-report', notes: 'Not an incident.' }, IG_MANAGER);
    expect(second.status).toBe(409);
    expect(second.json.error).toMatch(/^Incident 1 was already triaged by Helen Mbeki/);

    // The emailed link now says there is nothing left to triage; a changed link is refused.
    const link = actionLink((await mailsTo(rt, IG_MANAGER))[0]);
    const page = await fetch(link);
    expect(page.status).toBe(409);
    expect(heading(await page.text())).toBe('Incident 1 has already been triaged');
    expect((await fetch(`${link.slice(0, -3)}abc`)).status).toBe(400);
  });

  it('a triage page protects its form: no cookie, no answer', async () => {
    const reported = await reportIncident(rt, incidentBody({ summary: 'Second incident' }));
    expect(reported.status).toBe(201);
    await rt.advance('PT1M');
    const link = actionLink((await mailsTo(rt, IG_MANAGER, /incident 2/))[0]);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(heading(html)).toBe('Triage incident 2');
    expect(html).toContain('The ambient scribe transcribed 5 mg as 50 mg');

    const forged = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=x&decision=no-datix-report&notes=x' });
    expect(forged.status).toBe(403);
    expect((await incident(rt, 2)).triage.outcome).toBeNull();

    const missing = await submitPage(link, { decision: 'no-datix-report' });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('say why no Datix report is needed');
    const done = await submitPage(link, { decision: 'no-datix-report', notes: 'A near miss the team has already handled.' });
    expect(done.status).toBe(200);
    expect((await incident(rt, 2)).triage).toMatchObject({ outcome: 'No Datix report needed', by: IG_MANAGER });
  });
});
