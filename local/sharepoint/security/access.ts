import { SpError } from '../errors';
import type { SpStore } from '../store';
import { FULL_MASK, hasPermission, Permission } from '../../../shared/sharepoint/permissionMasks';
import type { Caller } from './caller';
import { EVERYONE_CLAIM_PREFIX, WEB_SCOPE, type SecurityStore } from './securityStore';

export const ACCESS_DENIED_CODE = '-2147024891, System.UnauthorizedAccessException';
export const ACCESS_DENIED_MESSAGE = 'Access denied. You do not have permission to perform this action or access this resource.';

export function accessDenied(): SpError {
  return new SpError(403, ACCESS_DENIED_CODE, ACCESS_DENIED_MESSAGE);
}

/**
 * What a caller may do where. The app acts with its site permission, which SharePoint applies
 * site-wide whatever a list's role assignments say (the rehearsal's gate checks read or write
 * before the call gets here); a person holds the union of the permission levels assigned, at the
 * list's scope, to them, to a claim that includes them ("Everyone except external users") or to
 * a site group with either as a member.
 */
export class AccessControl {
  constructor(
    private readonly store: SpStore,
    private readonly security: SecurityStore,
  ) {}

  maskFor(caller: Caller, scope: string): bigint {
    if (caller.kind === 'app') return FULL_MASK;
    const claims = this.store.users().filter((u) => u.loginName.toLowerCase().startsWith(EVERYONE_CLAIM_PREFIX)).map((u) => u.id);
    const selves = [caller.userId, ...claims];
    return this.security.maskAt(scope, [...selves, ...this.security.groupsOf(selves)]);
  }

  listMask(caller: Caller, listId: string): bigint {
    return caller.kind === 'app' ? FULL_MASK : this.maskFor(caller, this.security.scopeOf(listId));
  }

  /** SharePoint hides a list from someone who holds nothing on it: "does not exist", not "denied". */
  canSeeList(caller: Caller, listId: string): boolean {
    return this.listMask(caller, listId) !== 0n;
  }

  requireOnList(caller: Caller, listId: string, kind: number): void {
    if (!hasPermission(this.listMask(caller, listId), kind)) throw accessDenied();
  }

  requireOnWeb(caller: Caller, kind: number): void {
    if (!hasPermission(this.maskFor(caller, WEB_SCOPE), kind)) throw accessDenied();
  }

  /** ReadSecurity / WriteSecurity bind only those who cannot manage the list. */
  managesList(caller: Caller, listId: string): boolean {
    return hasPermission(this.listMask(caller, listId), Permission.ManageLists);
  }
}
