/**
 * PnPjs adds `web`, `lists`, `items`… to its classes with module augmentations written as
 * `declare module "../fi"`. Under this repo's Node16 resolution those relative, extension-less
 * specifiers do not resolve from PnPjs's ES-module typings, so the augmentations are lost. This
 * file restates the ones we use (same shapes, pointing at the real .js typings). It is an .mts
 * declaration file because only an ES-module file may augment an ES module.
 */
interface ISPBatchProps {
  maxRequests?: number;
  headersCopyPattern?: RegExp;
}

import type { IWeb } from '@pnp/sp/webs/types.js';
import type { ILists } from '@pnp/sp/lists/types.js';
import type { IItems } from '@pnp/sp/items/types.js';
import type { IFields } from '@pnp/sp/fields/types.js';
import type { IViews, IView } from '@pnp/sp/views/types.js';
import type { ISubscriptions } from '@pnp/sp/subscriptions/types.js';
import type { ISiteUsers, ISiteUser, ISiteUserInfo } from '@pnp/sp/site-users/types.js';
import type { IAttachments } from '@pnp/sp/attachments/types.js';
import type { IRoleDefinitions, ISecurableMethods } from '@pnp/sp/security/types.js';
import type { ISiteGroups, ISiteGroup } from '@pnp/sp/site-groups/types.js';

declare module '@pnp/sp/fi.js' {
  interface SPFI {
    readonly web: IWeb;
    batched(props?: ISPBatchProps): [SPFI, () => Promise<void>];
  }
}

/** What the app uses on a web that PnPjs's selective imports do not declare; both of PnPjs's web types get it. */
interface WebMembers {
  readonly roleDefinitions: IRoleDefinitions;
  readonly siteGroups: ISiteGroups;
  readonly associatedOwnerGroup: ISiteGroup;
  readonly lists: ILists;
  readonly siteUsers: ISiteUsers;
  readonly currentUser: ISiteUser;
  ensureUser(loginName: string): Promise<ISiteUserInfo>;
  batched(props?: ISPBatchProps): [IWeb, () => Promise<void>];
}

declare module '@pnp/sp/webs/types.js' {
  interface _Web extends ISecurableMethods, WebMembers {}
  interface IWeb extends ISecurableMethods, WebMembers {}
}

declare module '@pnp/sp/items/types.js' {
  interface _Item {
    readonly attachmentFiles: IAttachments;
  }
  interface IItem {
    readonly attachmentFiles: IAttachments;
  }
}

declare module '@pnp/sp/lists/types.js' {
  interface _List extends ISecurableMethods {
    readonly items: IItems;
    readonly fields: IFields;
    readonly views: IViews;
    readonly defaultView: IView;
    readonly subscriptions: ISubscriptions;
  }
  interface IList extends ISecurableMethods {
    readonly items: IItems;
    readonly fields: IFields;
    readonly views: IViews;
    readonly defaultView: IView;
    readonly subscriptions: ISubscriptions;
  }
}

export {};
