import { z } from 'zod';
import { isoInstant, personSchema, type Person } from './common';
import { roleCodeSchema } from './stepCodes';

export const CHANNEL_PREFERENCES = ['email', 'teams', 'both'] as const;

/** One row of the AI Governance Roles list: who acts for a role, and who covers when they are away. */
export const roleConfigurationSchema = z
  .object({
    roleCode: roleCodeSchema,
    primary: personSchema,
    deputies: z.array(personSchema).default(() => []),
    escalationContact: personSchema,
    channel: z.enum(CHANNEL_PREFERENCES, { error: 'choose how to contact them: email, teams or both' }).default('email'),
    outOfOffice: z
      .object({ from: isoInstant, until: isoInstant })
      .refine((w) => Date.parse(w.from) < Date.parse(w.until), { message: 'the out-of-office window must end after it starts', path: ['until'] })
      .optional(),
  })
  .refine((r) => r.outOfOffice === undefined || r.deputies.length > 0, {
    message: 'name at least one deputy to cover the out-of-office window',
    path: ['deputies'],
  });
export type RoleConfiguration = z.output<typeof roleConfigurationSchema>;

/** Who should act at `at`: the primary, or the first deputy while the primary is out of office. */
export function personActingFor(role: RoleConfiguration, at: Date | string): Person {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const away = role.outOfOffice !== undefined && Date.parse(role.outOfOffice.from) <= ms && ms < Date.parse(role.outOfOffice.until);
  return away && role.deputies.length > 0 ? role.deputies[0] : role.primary;
}
