import { aiAbsencesList } from '../lists/aiAbsences';
import type { StoredItem } from '../lists/listDefinition';
import type { ListRepository, QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type AbsenceItem = StoredItem<typeof aiAbsencesList>;

/** Named queries use the indexed Person and Away until columns only. */
export interface AbsencesRepository extends ListRepository<typeof aiAbsencesList> {
  forPerson(userId: number, options?: QueryOptions): AsyncGenerator<AbsenceItem[]>;
  /** Everyone's absences that have not ended by `at` (some may not have begun). */
  notEndedBy(at: string, options?: QueryOptions): AsyncGenerator<AbsenceItem[]>;
}

export class PnpAbsencesRepository extends pnpRepositoryFor(aiAbsencesList) implements AbsencesRepository {
  forPerson(userId: number, options?: QueryOptions) {
    return this.query([['PersonId', 'eq', userId]], options);
  }

  notEndedBy(at: string, options?: QueryOptions) {
    return this.query([['AwayUntil', 'gt', at]], options);
  }
}
