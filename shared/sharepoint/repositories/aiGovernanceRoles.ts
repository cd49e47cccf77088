import { aiGovernanceRolesList } from '../lists/aiGovernanceRoles';
import type { StoredItem } from '../lists/listDefinition';
import { collect, type ListRepository } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type GovernanceRoleItem = StoredItem<typeof aiGovernanceRolesList>;

export interface GovernanceRolesRepository extends ListRepository<typeof aiGovernanceRolesList> {
  /** The role row for a code (IG, CSO, …), or undefined when nobody has set it up. */
  byRoleCode(roleCode: string): Promise<GovernanceRoleItem | undefined>;
}

export class PnpGovernanceRolesRepository extends pnpRepositoryFor(aiGovernanceRolesList) implements GovernanceRolesRepository {
  async byRoleCode(roleCode: string): Promise<GovernanceRoleItem | undefined> {
    const rows = await collect(this.query([['RoleCode', 'eq', roleCode]], { pageSize: 2 }));
    return rows[0];
  }
}
