import { z } from 'zod';
import { email, isoDate } from './common';

export const REGISTER_KINDS = ['tool', 'research'] as const;
export const DPIA_STATUSES = ['approved', 'not-required', 'in-progress'] as const;

/**
 * One row of the public AI Register (§6.1 Reporting and Transparency). Public fields only: the
 * schema is strict so nothing internal can slip onto the public page.
 */
export const registerEntrySchema = z.strictObject({
  kind: z.enum(REGISTER_KINDS, { error: 'choose tool or research' }),
  name: z.string().trim().min(1, 'give the tool or initiative name'),
  supplier: z.string().trim().min(1, 'give the supplier or research partner'),
  description: z.string().trim().min(1, 'describe the tool in plain English'),
  purpose: z.string().trim().min(1, 'say what it is used for'),
  humanOversight: z.string().trim().min(1, 'say how people check its outputs'),
  dataUsed: z.string().trim().min(1, 'say what kind of data it uses'),
  dpiaStatus: z.enum(DPIA_STATUSES, { error: `choose the data protection assessment status: ${DPIA_STATUSES.join(', ')}` }),
  contact: email,
  reviewDate: isoDate,
});
export type RegisterEntry = z.output<typeof registerEntrySchema>;
