import * as vm from 'node:vm';
import { runningUnderJest } from '../config/processFacts';
import type * as CoreModule from '@pnp/core' with { 'resolution-mode': 'import' };
import type * as QueryableModule from '@pnp/queryable' with { 'resolution-mode': 'import' };
import type * as SpModule from '@pnp/sp' with { 'resolution-mode': 'import' };
import type * as BatchingModule from '@pnp/sp/batching.js' with { 'resolution-mode': 'import' };
// Type-only imports of the selective modules bring their typings (web.lists, list.items, …) into scope.
import type {} from '@pnp/sp/webs/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/lists/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/items/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/fields/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/views/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/subscriptions/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/site-users/web.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/attachments/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/security/index.js' with { 'resolution-mode': 'import' };
import type {} from '@pnp/sp/site-groups/index.js' with { 'resolution-mode': 'import' };

export type { SPFI } from '@pnp/sp' with { 'resolution-mode': 'import' };
export type { IList } from '@pnp/sp/lists/types.js' with { 'resolution-mode': 'import' };
export type { Queryable } from '@pnp/queryable' with { 'resolution-mode': 'import' };

/**
 * PnPjs v4 ships ES modules only and this app compiles to CommonJS. Node ≥ 20.19 (package.json
 * engines) loads ES modules through require(), so production simply requires them. Jest's module
 * registry refuses require(esm) before Node 24.9, so under Jest we borrow the process's own
 * require (the test still runs our TypeScript through ts-jest; only PnPjs loads natively).
 * Everything PnPjs is loaded here, once, with the selective imports the style guide asks for.
 */
function nodeRequire(): NodeJS.Require {
  if (runningUnderJest()) {
    const realProcess = vm.runInThisContext('process') as NodeJS.Process & { mainModule?: { constructor: { createRequire(f: string): NodeJS.Require } } };
    if (realProcess.mainModule) return realProcess.mainModule.constructor.createRequire(__filename);
  }
  return require;
}

const load = nodeRequire();
export const pnpCore = load('@pnp/core') as typeof CoreModule;
export const pnpQueryable = load('@pnp/queryable') as typeof QueryableModule;
export const pnpSp = load('@pnp/sp') as typeof SpModule;
export const pnpBatching = load('@pnp/sp/batching') as typeof BatchingModule;
for (const m of ['webs', 'lists', 'items', 'fields', 'views', 'subscriptions', 'site-users/web', 'attachments', 'security', 'site-groups/web']) load(`@pnp/sp/${m}`);
