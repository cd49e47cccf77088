import type { ListDefinition } from '../lists/listDefinition';
import { PnpListRepository } from '../listRepository';

type SharePointClient = ConstructorParameters<typeof PnpListRepository>[0];

/** The base of one list's repository: PnpListRepository bound to that list, built from the SharePoint client alone. */
export function pnpRepositoryFor<L extends ListDefinition>(list: L): new (sp: SharePointClient) => PnpListRepository<L> {
  return class extends PnpListRepository<L> {
    constructor(sp: SharePointClient) {
      super(sp, list);
    }
  };
}
