import type { Person } from '../domain/schemas/common';
import type { SPFI } from './pnp';

/**
 * Person columns hold site-user ids; people are known to the workflow by email. This maps both
 * ways through the site's user information list (`siteUsers`, `ensureUser`), caching answers for
 * the life of the directory, since ids and addresses of site users do not change.
 */
export interface PeopleDirectory {
  /** The site-user id for an email address, adding the user to the site if needed. */
  idFor(email: string): Promise<number>;
  personFor(id: number): Promise<Person>;
}

export class PnpPeopleDirectory implements PeopleDirectory {
  private readonly ids = new Map<string, Promise<number>>();
  private readonly people = new Map<number, Promise<Person>>();

  constructor(private readonly sp: SPFI) {}

  idFor(email: string): Promise<number> {
    const key = email.trim().toLowerCase();
    let id = this.ids.get(key);
    if (!id) {
      id = this.sp.web.ensureUser(`i:0#.f|membership|${key}`).then((u) => u.Id);
      id.catch(() => this.ids.delete(key));
      this.ids.set(key, id);
    }
    return id;
  }

  personFor(id: number): Promise<Person> {
    let person = this.people.get(id);
    if (!person) {
      person = this.sp.web.siteUsers.getById(id)<{ Email?: string; Title?: string; UserPrincipalName?: string }>().then((u) => {
        const email = (u.Email || u.UserPrincipalName || '').toLowerCase();
        if (!email) throw new Error(`Site user ${id} has no email address, so the workflow cannot contact them. Check the person in SharePoint.`);
        return { name: u.Title || email, email };
      });
      person.catch(() => this.people.delete(id));
      this.people.set(id, person);
    }
    return person;
  }
}
