/**
 * SharePoint's permission masks (SP.BasePermissions): a 64-bit set where permission kind k is
 * bit k−1 (PnPjs's PermissionKind numbers). The built-in permission levels are the kinds
 * SharePoint documents for each; their masks come out as SharePoint reports them (Read is
 * High 176, Low 138612833; Full Control is every bit). Provisioning builds its own level from
 * them, and the emulator its built-in levels.
 */
export const Permission = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  CreateSSCSite: 23,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  ManageWeb: 31,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63,
} as const;
export type PermissionKind = (typeof Permission)[keyof typeof Permission];

export const EMPTY_MASK = 0n;
export const FULL_MASK = (0x7fffffffn << 32n) | 0xffffffffn;

export function maskOf(kinds: readonly number[]): bigint {
  return kinds.reduce((m, k) => m | (1n << BigInt(k - 1)), 0n);
}

export function hasPermission(mask: bigint, kind: number): boolean {
  return (mask & (1n << BigInt(kind - 1))) !== 0n;
}

/** The REST shape: Int64 halves as strings, as SharePoint serialises them. */
export function toRest(mask: bigint): { High: string; Low: string } {
  return { High: String(mask >> 32n), Low: String(mask & 0xffffffffn) };
}

/** Accepts numbers or strings for each half (PnPjs sends strings). */
export function fromRest(value: unknown): bigint | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { High, Low } = value as { High?: unknown; Low?: unknown };
  const half = (v: unknown): bigint | undefined => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? BigInt(v.trim()) : typeof v === 'number' && Number.isInteger(v) && v >= 0 ? BigInt(v) : undefined);
  const high = half(High);
  const low = half(Low);
  if (high === undefined || low === undefined || high > 0xffffffffn || low > 0xffffffffn) return undefined;
  return (high << 32n) | low;
}

const P = Permission;
export const LIMITED_KINDS = [P.ViewFormPages, P.Open, P.BrowseUserInfo, P.UseClientIntegration, P.UseRemoteAPIs];
export const READ_KINDS = [...LIMITED_KINDS, P.ViewListItems, P.OpenItems, P.ViewVersions, P.ViewPages, P.CreateSSCSite, P.CreateAlerts];
export const CONTRIBUTE_KINDS = [...READ_KINDS, P.AddListItems, P.EditListItems, P.DeleteListItems, P.DeleteVersions, P.ManagePersonalViews, P.BrowseDirectories, P.AddDelPrivateWebParts, P.UpdatePersonalWebParts, P.EditMyUserInfo];
export const EDIT_KINDS = [...CONTRIBUTE_KINDS, P.ManageLists];
export const DESIGN_KINDS = [...EDIT_KINDS, P.ApproveItems, P.CancelCheckout, P.AddAndCustomizePages, P.ApplyThemeAndBorder, P.ApplyStyleSheets];
