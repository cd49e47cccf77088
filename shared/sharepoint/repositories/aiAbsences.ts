import { aiAbsencesList } from '../lists/aiAbsences';
import type { StoredItem } from '../lists/listDefinition';
import type { ListRepository, QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type AbsenceItem = StoredItem<typeof aiAbsencesList>;

/** Named queries use the indexed Person column only. */
export interface AbsencesRepository extends ListRepository<typeof aiAbsencesList> {
  forPerson(userId: number, options?: QueryOptions): AsyncGenerator<AbsenceItem[]>;
}

export class PnpAbsencesRepository extends pnpRepositoryFor(aiAbsencesList) implements AbsencesRepository {
  forPerson(userId: number, options?: QueryOptions) {
    return this.query([['PersonId', 'eq', userId]], options);
  }
}
