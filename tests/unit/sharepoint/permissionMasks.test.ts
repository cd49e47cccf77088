import { BUILT_IN_ROLES } from '../../../local/sharepoint/security/builtInRoles';
import { fromRest, hasPermission, Permission, toRest } from '../../../shared/sharepoint/permissionMasks';
import { ADD_WITHOUT_EDIT } from '../../../shared/sharepoint/provisionPermissions';

describe('SharePoint permission masks', () => {
  it('builds the built-in levels with the masks SharePoint Online reports', () => {
    const masks = Object.fromEntries(BUILT_IN_ROLES.map((r) => [r.name, toRest(r.mask)]));
    expect(masks).toEqual({
      'Full Control': { High: '2147483647', Low: '4294967295' },
      Design: { High: '432', Low: '1012866047' },
      Edit: { High: '432', Low: '1011030767' },
      Contribute: { High: '432', Low: '1011028719' },
      Read: { High: '176', Low: '138612833' },
      'Limited Access': { High: '48', Low: '134287360' },
    });
  });

  it('gives staff on AI Requests viewing and adding, never editing or deleting', () => {
    expect(hasPermission(ADD_WITHOUT_EDIT.mask, Permission.ViewListItems)).toBe(true);
    expect(hasPermission(ADD_WITHOUT_EDIT.mask, Permission.AddListItems)).toBe(true);
    expect(hasPermission(ADD_WITHOUT_EDIT.mask, Permission.EditListItems)).toBe(false);
    expect(hasPermission(ADD_WITHOUT_EDIT.mask, Permission.DeleteListItems)).toBe(false);
    expect(hasPermission(ADD_WITHOUT_EDIT.mask, Permission.ManageLists)).toBe(false);
  });

  it('reads the REST shape PnPjs sends (strings or numbers) and refuses anything else', () => {
    expect(fromRest({ High: '176', Low: 138612835 })).toBe(ADD_WITHOUT_EDIT.mask);
    expect(fromRest({ High: '-1', Low: '0' })).toBeUndefined();
    expect(fromRest({ High: String(2 ** 32), Low: '0' })).toBeUndefined();
    expect(fromRest('176')).toBeUndefined();
  });
});
