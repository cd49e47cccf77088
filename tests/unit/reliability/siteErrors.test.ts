import { missingFromSite, SiteNotProvisionedError } from '../../../shared/sharepoint/errors';
import { toHttpResponse } from '../../../shared/web/siteErrors';

// In Azure a list or column that is not there yet must be a 503 naming it, never a 500.
describe('a site that is not provisioned', () => {
  test.each([
    ["List 'AI Requests' does not exist at site with URL 'https://x/sites/aigov'.", { list: 'AI Requests' }],
    ["Column 'IdempotencyKey' does not exist. It may have been deleted by another user.", { column: 'IdempotencyKey' }],
    ["The property 'Purpose' does not exist on type 'SP.Data.AIRequestsListItem'.", { column: 'Purpose' }],
    ['Item does not exist. It may have been deleted by another user.', undefined],
  ])('%s', (message, expected) => {
    expect(missingFromSite(message)).toEqual(expected);
  });

  test('is answered 503 with Retry-After, naming the list and column', () => {
    const response = toHttpResponse(new SiteNotProvisionedError('AI Requests', 'Purpose'));
    expect(response).toMatchObject({ status: 503, headers: { 'retry-after': '30' }, jsonBody: { list: 'AI Requests', column: 'Purpose' } });
    expect((response?.jsonBody as { error: string }).error).toMatch(/column 'Purpose' is missing from list 'AI Requests'/);
    expect(toHttpResponse(new Error('a bug'))).toBeUndefined();
  });
});
