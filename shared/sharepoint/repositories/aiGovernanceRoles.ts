import { aiGovernanceRolesList } from '../lists/aiGovernanceRoles';
import type { StoredItem } from '../lists/listDefinition';
import { collect, type ListRepository } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type GovernanceRoleItem = StoredItem<typeof aiGovernanceRolesList>;

/** Far more than there are roles: the whole list in one page. */
const ROLE_ROWS_PER_PAGE = 500;

export interface GovernanceRolesRepository extends ListRepository<typeof aiGovernanceRolesList> {
  /** The role row for a code (IG, CSO, …), or undefined when nobody has set it up. */
  byRoleCode(roleCode: string): Promise<GovernanceRoleItem | undefined>;
}

export class PnpGovernanceRolesRepository extends pnpRepositoryFor(aiGovernanceRolesList) implements GovernanceRolesRepository {
  /**
   * One row per role, so the list stays small: every row is read with one query, the same for
   * every code, and the steps of a stage starting together share that one call (SharedReads).
   * A row that cannot be read does not hide the others; when the code asked for is not among
   * those read, its own query says what is wrong with its row.
   */
  async byRoleCode(roleCode: string): Promise<GovernanceRoleItem | undefined> {
    let unreadable = 0;
    const rows = await collect(this.query([], { pageSize: ROLE_ROWS_PER_PAGE, orderBy: { field: 'Id', ascending: true }, onUnreadable: () => void unreadable++ }));
    const found = rows.find((r) => r.RoleCode === roleCode);
    if (found || unreadable === 0) return found;
    return (await collect(this.query([['RoleCode', 'eq', roleCode]], { pageSize: 2 })))[0];
  }
}
