import { aiAbsencesList } from '../lists/aiAbsences';
import type { StoredItem } from '../lists/listDefinition';
import { PnpListRepository, type ListRepository, type QueryOptions } from '../listRepository';

export type AbsenceItem = StoredItem<typeof aiAbsencesList>;

/** Named queries use the indexed Person column only. */
export interface AbsencesRepository extends ListRepository<typeof aiAbsencesList> {
  forPerson(userId: number, options?: QueryOptions): AsyncGenerator<AbsenceItem[]>;
}

export class PnpAbsencesRepository extends PnpListRepository<typeof aiAbsencesList> implements AbsencesRepository {
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0]) {
    super(sp, aiAbsencesList);
  }
  forPerson(userId: number, options?: QueryOptions) {
    return this.query([['PersonId', 'eq', userId]], options);
  }
}
