import { personActingFor, type Person, type RoleConfiguration } from '../../../shared/domain';
import type { ChannelPreference } from '../../../shared/notify';
import { collect, RoleNotConfiguredError, type PeopleDirectory, type Repositories, type RoleDirectory } from '../../../shared/sharepoint';
import type { AbsenceItem } from '../../../shared/sharepoint/repositories/aiAbsences';
import { firstWhoIsNotTheRequester, samePerson } from '../../../shared/access/people';
import { formatDate } from '../../../shared/notify/email/format';

export interface Recipient {
  person: Person;
  channel: ChannelPreference;
  /** Why the step reached this person rather than the role's own (an absence), in plain English. */
  note?: string;
}

export interface StepRecipientDeps {
  repos: Pick<Repositories, 'absences'>;
  people: PeopleDirectory;
  roles: RoleDirectory;
}

/**
 * Who a step's messages go to. No self-approval (AI Policy, section 5): the requester is skipped
 * at every turn, down the role's people (acting person, deputies, escalation contact) and then the
 * governance lead's team (the AI governance lead role's row), so an escalation always reaches
 * someone who may act. A person who recorded an absence covering the moment hands new steps to
 * the deputy they named.
 */
export function makeStepRecipients(deps: StepRecipientDeps) {
  /** The governance lead's team: the AI governance lead role's primary, deputies and escalation contact. */
  async function governanceTeam(): Promise<Person[]> {
    try {
      const lead = await deps.roles.get('GOVERNANCE_LEAD');
      return [lead.primary, ...lead.deputies, lead.escalationContact];
    } catch (err) {
      if (err instanceof RoleNotConfiguredError) return [];
      throw err;
    }
  }

  /** The first of `candidates`, then of the governance team, who is not the requester. */
  async function firstWhoMayAct(candidates: readonly Person[], requesterEmail: string): Promise<Person> {
    const found = firstWhoIsNotTheRequester(candidates, requesterEmail) ?? firstWhoIsNotTheRequester(await governanceTeam(), requesterEmail);
    // Only when the requester is the whole governance team: the lead still hears, and sees the refusal of self-approval on the page.
    return found ?? candidates[candidates.length - 1];
  }

  /**
   * The absence `person` recorded that covers `at`, with the deputy they named; from `running`
   * (everyone's absences not ended by `at`, read once beside the step's other reads) when given.
   */
  async function absenceCovering(person: Person, at: string, running?: Promise<AbsenceItem[]>): Promise<{ deputy: Person; until: string } | undefined> {
    const id = await deps.people.idFor(person.email);
    const rows = running ? (await running).filter((r) => r.PersonId === id) : await collect(deps.repos.absences.forPerson(id));
    const ms = Date.parse(at);
    const row = rows.find((r) => Date.parse(r.AwayFrom) <= ms && ms < Date.parse(r.AwayUntil));
    return row && { deputy: await deps.people.personFor(row.DeputyId), until: row.AwayUntil };
  }

  /** The person a new step goes to for one role at `at`, after absences, never the requester. */
  async function assigneeFor(role: RoleConfiguration, at: string, requesterEmail: string, running?: Promise<AbsenceItem[]>): Promise<Recipient> {
    const person = await firstWhoMayAct([personActingFor(role, at), ...role.deputies, role.escalationContact], requesterEmail);
    const away = await absenceCovering(person, at, running);
    if (away && !samePerson(away.deputy.email, requesterEmail) && !samePerson(away.deputy.email, person.email)) {
      return { person: away.deputy, channel: role.channel, note: `${person.name} is away until ${formatDate(away.until)} and named you as their deputy, so this step comes to you.` };
    }
    return { person, channel: role.channel };
  }

  /** The people who act for the step's roles at `at`, one each, without repeats. */
  async function actingPeople(roles: RoleConfiguration[], at: string, requesterEmail: string, running?: Promise<AbsenceItem[]>): Promise<Recipient[]> {
    const people = await Promise.all(roles.map((role) => assigneeFor(role, at, requesterEmail, running)));
    return people.filter((p, i) => people.findIndex((q) => samePerson(q.person.email, p.person.email)) === i);
  }

  /** Escalation to the deputy: the role's first deputy who is not the requester, else on down the chain. */
  const deputyFor = (role: RoleConfiguration, requesterEmail: string): Promise<Person> => firstWhoMayAct([...role.deputies, role.escalationContact], requesterEmail);

  /** Escalation to the governance lead: the role's escalation contact, else the governance lead's team. */
  const leadFor = (role: RoleConfiguration, requesterEmail: string): Promise<Person> => firstWhoMayAct([role.escalationContact], requesterEmail);

  /** Everyone's absences not ended by `at`, to read beside other work and give to `actingPeople`. */
  const absencesRunningAt = (at: string): Promise<AbsenceItem[]> => {
    const read = collect(deps.repos.absences.notEndedBy(at, { pageSize: 500 }));
    read.catch(() => undefined);
    return read;
  };

  return { actingPeople, deputyFor, leadFor, absencesRunningAt };
}
