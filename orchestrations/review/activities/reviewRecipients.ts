import { personActingFor, type Person } from '../../../shared/domain';
import { RoleNotConfiguredError, type RoleDirectory } from '../../../shared/sharepoint';

export interface ReviewContacts {
  roles: Pick<RoleDirectory, 'get'>;
  /** GOVERNANCE_LEAD_EMAIL: the governance lead's mailbox. */
  governanceLeadEmail: string;
  /** AUDIT_RISK_COMMITTEE_EMAIL; absent locally only if someone removed it. */
  committeeEmail?: string;
}

/** The committee as messages name it. */
export const COMMITTEE_NAME = 'Audit and Risk Assurance Committee';

/**
 * The governance leads told about reviews: the mailbox from the settings and whoever acts for the
 * GOVERNANCE_LEAD role at `at` (if the role is set up), each once.
 */
export async function governanceLeads(contacts: ReviewContacts, at: string): Promise<string[]> {
  const emails = [contacts.governanceLeadEmail];
  try {
    emails.push(personActingFor(await contacts.roles.get('GOVERNANCE_LEAD'), at).email);
  } catch (err) {
    if (!(err instanceof RoleNotConfiguredError)) throw err;
  }
  return unique(emails);
}

/** Who answers for Information Governance at `at`: never the requester themselves. */
export async function informationGovernancePerson(contacts: ReviewContacts, at: string, requesterEmail: string): Promise<Person> {
  const role = await contacts.roles.get('IG_MANAGER');
  const acting = personActingFor(role, at);
  if (acting.email.toLowerCase() !== requesterEmail.toLowerCase()) return acting;
  return role.deputies.find((d) => d.email.toLowerCase() !== requesterEmail.toLowerCase()) ?? role.escalationContact;
}

export function unique(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((e) => {
    const key = e.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
