import type { UserRow } from '../store';
import { EVERYONE_CLAIM_PREFIX, type GroupRow } from './securityStore';

/** SP.User; a claim such as "Everyone except external users" is a security group (PrincipalType 4). */
export function userEntity(u: UserRow): Record<string, unknown> {
  const claim = u.loginName.toLowerCase().startsWith(EVERYONE_CLAIM_PREFIX);
  return { Id: u.id, LoginName: u.loginName, Title: claim ? 'Everyone except external users' : u.title, Email: u.email, IsSiteAdmin: u.id === 1, PrincipalType: claim ? 4 : 1, UserPrincipalName: claim ? null : u.email || null };
}

/** SP.Group, as a site group's owner (the site's owners group) manages its membership. */
export function groupEntity(g: GroupRow, ownerTitle: string): Record<string, unknown> {
  return {
    Id: g.id, IsHiddenInUI: false, LoginName: g.title, Title: g.title, PrincipalType: 8, Description: g.description,
    AllowMembersEditMembership: false, AllowRequestToJoinLeave: false, AutoAcceptRequestToJoinLeave: false,
    OnlyAllowMembersViewMembership: false, OwnerTitle: ownerTitle, RequestToJoinLeaveEmailSetting: null,
  };
}
