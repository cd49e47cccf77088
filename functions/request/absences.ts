import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { absenceRequest, type AbsenceResponse } from '../../shared/contract';
import { toFieldMessages } from '../../shared/domain';
import { collect, type AbsenceItem } from '../../shared/sharepoint';
import { samePerson } from '../../shared/access/people';
import { fitText } from '../../shared/domain/schemas/limits';
import { appServices, type AppServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { readJsonBody } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';

async function toResponse(services: AppServices, row: AbsenceItem): Promise<AbsenceResponse> {
  const deputy = await services.people.personFor(row.DeputyId);
  return { id: String(row.Id), from: row.AwayFrom, until: row.AwayUntil, deputy: { name: deputy.name, email: deputy.email }, note: row.Note };
}

/**
 * `POST /api/absences`: the signed-in person records an absence and who covers it. Steps that
 * arrive for them while they are away go to that deputy (stepRecipients), and the audit log says so.
 */
export async function recordAbsence(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const read = await readJsonBody(request, services.settings, 'send the absence as JSON: from, until, deputy');
  if (isResponse(read)) return read;
  const parsed = absenceRequest.safeParse(read.body);
  if (!parsed.success) return badRequest(toFieldMessages(parsed.error));
  const absence = parsed.data;
  if (samePerson(absence.deputy, email)) return badRequest([{ field: 'deputy', message: 'name a colleague other than yourself' }]);

  const [personId, deputyId] = await Promise.all([services.people.idFor(email), services.people.idFor(absence.deputy)]);
  const [me, deputy] = await Promise.all([services.people.personFor(personId), services.people.personFor(deputyId)]);
  const row = await services.repos.absences.create({
    Title: fitText(`${me.name} away, covered by ${deputy.name}`),
    PersonId: personId,
    AwayFrom: new Date(absence.from).toISOString(),
    AwayUntil: new Date(absence.until).toISOString(),
    DeputyId: deputyId,
    Note: absence.note || null,
  });
  await services.audit.append({
    title: `Absence recorded: ${me.email} away, covered by ${deputy.email}`,
    eventType: 'absence-recorded',
    subjectList: 'AI Absences',
    subjectItemId: row.Id,
    actor: email,
    channel: 'Web',
    occurredAt: row.Created,
    details: { from: row.AwayFrom, until: row.AwayUntil, deputy: deputy.email },
    key: `absence-${row.Id}/recorded`,
  });
  return { status: 201, jsonBody: await toResponse(services, row) };
}

/** `GET /api/absences`: the signed-in person's recorded absences. */
export async function listAbsences(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const rows = await collect(services.repos.absences.forPerson(await services.people.idFor(email)));
  const body = await Promise.all(rows.sort((a, b) => a.AwayFrom.localeCompare(b.AwayFrom)).map((r) => toResponse(services, r)));
  return { status: 200, jsonBody: body, headers: { 'cache-control': 'no-store' } };
}

app.http('recordAbsence', { methods: ['POST'], route: 'absences', authLevel: 'anonymous', handler: recordAbsence });
app.http('listAbsences', { methods: ['GET'], route: 'absences', authLevel: 'anonymous', handler: listAbsences });
