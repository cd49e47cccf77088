import { aiIncidentsList, type INCIDENT_STATUSES } from '../lists/aiIncidents';
import type { StoredItem } from '../lists/listDefinition';
import type { ListRepository, QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type IncidentItem = StoredItem<typeof aiIncidentsList>;

export interface IncidentsRepository extends ListRepository<typeof aiIncidentsList> {
  byStatus(status: (typeof INCIDENT_STATUSES)[number], options?: QueryOptions): AsyncGenerator<IncidentItem[]>;
  reportedBy(userId: number, options?: QueryOptions): AsyncGenerator<IncidentItem[]>;
  /** Breaches whose regulator deadline falls on or before the instant (indexed IcoDeadline). */
  icoDeadlineBy(isoDateTime: string, options?: QueryOptions): AsyncGenerator<IncidentItem[]>;
}

export class PnpIncidentsRepository extends pnpRepositoryFor(aiIncidentsList) implements IncidentsRepository {
  byStatus(status: (typeof INCIDENT_STATUSES)[number], options?: QueryOptions) {
    return this.query([['Status', 'eq', status]], options);
  }
  reportedBy(userId: number, options?: QueryOptions) {
    return this.query([['ReporterId', 'eq', userId]], options);
  }
  icoDeadlineBy(isoDateTime: string, options?: QueryOptions) {
    return this.query([['IcoDeadline', 'le', isoDateTime]], options);
  }
}
