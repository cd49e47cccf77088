import { z } from 'zod';

/** Small building blocks shared by the list schemas, each with a message a person can act on. */
export const isoInstant = z.iso.datetime({ offset: true, error: 'give a date and time in ISO 8601 format with a time zone, e.g. 2026-03-02T09:00:00Z' });
export const isoDate = z.iso.date({ error: 'give a date as YYYY-MM-DD' });
export const email = z.email({ error: 'give a valid email address' });
export const personSchema = z.object({
  name: z.string({ error: 'give a name' }).trim().min(1, 'give a name'),
  email,
});
export type Person = z.output<typeof personSchema>;
export const requestIdSchema = z.number({ error: 'give the request id, a whole number' }).int().positive('the request id must be positive');
