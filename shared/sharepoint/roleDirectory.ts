import { roleConfigurationSchema, type RoleConfiguration } from '../domain/schemas/roleConfiguration';
import type { RoleCode } from '../domain/schemas/stepCodes';
import type { PeopleDirectory } from './people';
import type { GovernanceRolesRepository } from './repositories/aiGovernanceRoles';

/** Thrown when a step needs a role nobody has set up; the message says where to fix it. */
export class RoleNotConfiguredError extends Error {
  constructor(readonly roleCode: string) {
    super(`Nobody is set up for the role ${roleCode}. Add a row with Role code "${roleCode}" to the AI Governance Roles list.`);
  }
}

/**
 * Reads a role's row from the AI Governance Roles list as the domain's RoleConfiguration
 * (people by email, channel preference, out-of-office window), validated with the domain schema
 * so a hand-edited row with a gap gives a clear error, not a silent wrong assignee.
 */
export class RoleDirectory {
  constructor(
    private readonly roles: GovernanceRolesRepository,
    private readonly people: PeopleDirectory,
    /** Who is escalated to when a row names no escalation contact. */
    private readonly governanceLead: { name: string; email: string },
  ) {}

  async get(roleCode: RoleCode): Promise<RoleConfiguration> {
    const row = await this.roles.byRoleCode(roleCode);
    if (!row) throw new RoleNotConfiguredError(roleCode);
    const [primary, deputies, escalationContact] = await Promise.all([
      this.people.personFor(row.PrimaryPersonId),
      Promise.all((row.DeputiesId ?? []).map((id) => this.people.personFor(id))),
      row.EscalationContactId ? this.people.personFor(row.EscalationContactId) : Promise.resolve(this.governanceLead),
    ]);
    const parsed = roleConfigurationSchema.safeParse({
      roleCode,
      primary,
      deputies,
      escalationContact,
      channel: row.ChannelPreference.toLowerCase(),
      outOfOffice: row.OutOfOfficeFrom && row.OutOfOfficeTo ? { from: row.OutOfOfficeFrom, until: row.OutOfOfficeTo } : undefined,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`The AI Governance Roles row for ${roleCode} (item ${row.Id}) cannot be used: ${problems}.`);
    }
    return parsed.data;
  }
}
