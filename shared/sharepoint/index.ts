/**
 * SharePoint data access for the app: list definitions, a PnPjs root with our behaviours,
 * repositories per list, provisioning and the change dispatcher for webhooks.
 */
export * from './lists';
export * from './errors';
export { createSp, type SharePointConnection } from './spClient';
export { provisionSite, type ProvisionReport } from './provision';
export { collect, type ListRepository, type QueryOptions, type ItemUpdate, type UpdateOutcome, BatchWriteError } from './listRepository';
export * from './repositories';
export { ChangeDispatcher, notificationSchema, type ItemChange, type ChangeKind, type DispatchReport } from './changeDispatcher';
export { FileChangeTokenStore, InMemoryChangeTokenStore, type ChangeTokenStore } from './changeTokenStore';
export type { Condition, FilterOp } from './odataLiteral';
export { PnpPeopleDirectory, type PeopleDirectory } from './people';
export { RoleDirectory, RoleNotConfiguredError } from './roleDirectory';
export { ListChangeTokenStore } from './listChangeTokenStore';
export type { SPFI } from './pnp';
export { batchedReads, readSideBySide, type ReadTogether } from './readTogether';
