import { DEMO_PEOPLE, DEMO_ROLES } from '../sharepoint/seed';

export interface WorkbenchPerson {
  email: string;
  name: string;
  /** What they do in the demo, e.g. "requester" or "Clinical Safety Officer". */
  roles: string[];
  group: 'Requester' | 'Approvers' | 'Governance lead';
}

const REQUESTER = 'amara.nwosu@example.nhs.uk';
const LEAD_ROLE = 'GOVERNANCE_LEAD';

/**
 * Who the workbench can sign in as: the demo requester, each approver (by the roles the seed
 * gives them) and the governance lead. From the same seed as the SharePoint emulator's roles.
 */
export function workbenchPeople(): WorkbenchPerson[] {
  const roleTitles = new Map<string, string[]>();
  let lead = '';
  for (const [code, title, primary] of DEMO_ROLES) {
    if (code === LEAD_ROLE) lead = primary;
    else roleTitles.set(primary, [...(roleTitles.get(primary) ?? []), title]);
  }
  const people: WorkbenchPerson[] = [];
  for (const p of DEMO_PEOPLE) {
    if (p.email === REQUESTER) people.push({ ...p, roles: ['requester'], group: 'Requester' });
    else if (p.email === lead) people.push({ ...p, roles: ['AI governance lead'], group: 'Governance lead' });
    else if (roleTitles.has(p.email)) people.push({ ...p, roles: roleTitles.get(p.email)!, group: 'Approvers' });
  }
  const order = { Requester: 0, Approvers: 1, 'Governance lead': 2 };
  return people.sort((a, b) => order[a.group] - order[b.group]);
}
