import { z } from 'zod';

/**
 * `POST /api/tasks/{id}/handover`: the holder passes an open step to a named colleague, or the
 * governance lead reassigns it. The decision page's "pass this step on" form posts the same two
 * fields. Limits fit the audit entry and the message that tells the new holder.
 */
export const handoverRequest = z
  .object({
    to: z.email({ error: 'give the email address of the colleague who should decide instead, for example sam.oconnell@example.nhs.uk' }).max(255, 'keep the email address under 255 characters'),
    reason: z.string({ error: 'say why you are passing the step on' }).trim().min(1, 'say why you are passing the step on').max(500, 'keep the reason under 500 characters'),
  })
  .strict();
export type HandoverRequest = z.output<typeof handoverRequest>;

/** What the handover answers (200): who holds the step now. */
export const handoverResponse = z.object({
  taskId: z.string(),
  holder: z.object({ name: z.string(), email: z.string() }),
  how: z.enum(['delegated', 'reassigned']),
});
export type HandoverResponse = z.output<typeof handoverResponse>;

/** `POST /api/absences`: the signed-in person will be away; steps arriving meanwhile go to the deputy. */
export const absenceRequest = z
  .object({
    from: z.iso.datetime({ offset: true, error: 'give the first moment you are away as a date and time, for example 2026-12-10T09:00:00Z' }),
    until: z.iso.datetime({ offset: true, error: 'give the moment you are back as a date and time, for example 2026-12-17T09:00:00Z' }),
    deputy: z.email({ error: 'give the work email address of the colleague who covers for you' }).max(255, 'keep the email address under 255 characters'),
    note: z.string({ error: 'give the note as text' }).trim().max(1000, 'keep the note under 1,000 characters').optional(),
  })
  .strict()
  .refine((a) => Date.parse(a.from) < Date.parse(a.until), { message: 'the absence must end after it starts', path: ['until'] });
export type AbsenceRequest = z.output<typeof absenceRequest>;

/**
 * One recorded absence, as `POST /api/absences` (201), `GET /api/absences` (those not over yet)
 * and `POST /api/absences/{id}/end` answer. `state` is by the app's clock: `current` when the
 * person is away now, `future` when it has not started, `ended` once it is over.
 */
export const absenceResponse = z.object({
  id: z.string(),
  from: z.string(),
  until: z.string(),
  deputy: z.object({ name: z.string(), email: z.string() }),
  note: z.string().nullable(),
  state: z.enum(['current', 'future', 'ended']),
});

/** `POST /api/absences/{id}/end`: an empty JSON object (JSON, so only the app's own pages can send it). */
export const endAbsenceRequest = z.strictObject({}, { error: 'send an empty JSON object, {}' });
export type AbsenceResponse = z.output<typeof absenceResponse>;
