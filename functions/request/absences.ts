import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { absenceRequest, endAbsenceRequest, type AbsenceResponse } from '../../shared/contract';
import { toFieldMessages } from '../../shared/domain';
import { collect, ItemNotFoundError, type AbsenceItem } from '../../shared/sharepoint';
import { samePerson } from '../../shared/access/people';
import { fitText } from '../../shared/domain/schemas/limits';
import { appClock } from '../../shared/time';
import { appServices, type AppServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { readJsonAs } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';

/** One ended before it began keeps its start as its end, so it covers no moment at all. */
function stateAt(row: AbsenceItem, now: Date): AbsenceResponse['state'] {
  if (Date.parse(row.AwayUntil) <= Math.max(now.getTime(), Date.parse(row.AwayFrom))) return 'ended';
  return Date.parse(row.AwayFrom) <= now.getTime() ? 'current' : 'future';
}

async function toResponse(services: AppServices, row: AbsenceItem, now: Date): Promise<AbsenceResponse> {
  const deputy = await services.people.personFor(row.DeputyId);
  return { id: String(row.Id), from: row.AwayFrom, until: row.AwayUntil, deputy: { name: deputy.name, email: deputy.email }, note: row.Note, state: stateAt(row, now) };
}

/**
 * `POST /api/absences`: the signed-in person records an absence and who covers it. Steps that
 * arrive for them while they are away go to that deputy (stepRecipients), and the audit log says so.
 */
export async function recordAbsence(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const parsed = await readJsonAs(request, services.settings, absenceRequest, 'send the absence as JSON: from, until, deputy');
  if (isResponse(parsed)) return parsed;
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
  return { status: 201, jsonBody: await toResponse(services, row, appClock.now()) };
}

/** `GET /api/absences`: the signed-in person's absences that are not over yet, soonest first. */
export async function listAbsences(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const now = appClock.now();
  const rows = (await collect(services.repos.absences.forPerson(await services.people.idFor(email)))).filter((r) => stateAt(r, now) !== 'ended');
  const body = await Promise.all(rows.sort((a, b) => a.AwayFrom.localeCompare(b.AwayFrom)).map((r) => toResponse(services, r, now)));
  return { status: 200, jsonBody: body, headers: { 'cache-control': 'no-store' } };
}

const idSchema = z.object({ id: z.coerce.number({ error: 'give the absence id, a whole number' }).int('give the absence id, a whole number').positive('give the absence id, a whole number') });

/**
 * `POST /api/absences/{id}/end`: the person back early ends their own absence now (one not
 * started yet ends before it begins). Steps that arrive from now on come to them again; steps
 * already sent to the deputy stay with the deputy. The row is kept, with its new end, and audited.
 */
export async function endAbsence(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const params = idSchema.safeParse(request.params);
  if (!params.success) return badRequest(toFieldMessages(params.error));
  const services = appServices();
  const body = await readJsonAs(request, services.settings, endAbsenceRequest, 'send an empty JSON object, {}');
  if (isResponse(body)) return body;

  const { id } = params.data;
  let row: AbsenceItem;
  try {
    row = await services.repos.absences.get(id);
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `There is no absence ${id}.` } };
    throw err;
  }
  // Someone else's absence is answered as if it did not exist: its dates are theirs.
  if (row.PersonId !== (await services.people.idFor(email))) return { status: 404, jsonBody: { error: `There is no absence ${id}.` } };
  const now = appClock.now();
  if (stateAt(row, now) === 'ended') return { status: 409, jsonBody: { error: 'That absence is already over.' } };

  const endsAt = stateAt(row, now) === 'future' ? row.AwayFrom : now.toISOString();
  const ended = await services.repos.absences.modify(id, (current) => (Date.parse(current.AwayUntil) <= Date.parse(endsAt) ? null : { AwayUntil: endsAt }));
  await services.audit.append({
    title: `Absence ended early: ${email} ${stateAt(row, now) === 'future' ? 'will not be away' : 'is back'}`,
    eventType: 'absence-ended',
    subjectList: 'AI Absences',
    subjectItemId: id,
    actor: email,
    channel: 'Web',
    occurredAt: now.toISOString(),
    details: { from: row.AwayFrom, plannedUntil: row.AwayUntil, until: ended.AwayUntil },
    key: `absence-${id}/ended`,
  });
  return { status: 200, jsonBody: await toResponse(services, ended, now) };
}

app.http('recordAbsence', { methods: ['POST'], route: 'absences', authLevel: 'anonymous', handler: recordAbsence });
app.http('listAbsences', { methods: ['GET'], route: 'absences', authLevel: 'anonymous', handler: listAbsences });
app.http('endAbsence', { methods: ['POST'], route: 'absences/{id}/end', authLevel: 'anonymous', handler: endAbsence });
