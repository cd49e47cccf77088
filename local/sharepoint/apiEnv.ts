import type { AccessControl } from './security/access';
import type { SecurityStore } from './security/securityStore';
import type { SpStore } from './store';

/** What the REST layer needs from the webhook machinery. */
export interface ChangeHooks {
  itemsChanged(listId: string): void;
  /** Rejects with a SharePoint-shaped 400 when the endpoint does not echo the validation token. */
  validateEndpoint(notificationUrl: string): Promise<void>;
}

/** What every route module works with: storage, the site's addresses, the webhook hooks. */
export interface ApiEnv {
  store: SpStore;
  security: SecurityStore;
  access: AccessControl;
  siteUrl: string;
  sitePath: string;
  hooks: ChangeHooks;
  siteId(): string;
  webId(): string;
  /** SharePoint's list change token for change number `seq` made at `time`. */
  changeToken(listId: string, seq: number, time?: string): string;
}

/** A body property as text; anything that is not a string counts as missing. */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
