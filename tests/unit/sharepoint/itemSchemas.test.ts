import { parseRetryAfter } from '../../../shared/sharepoint/behaviors/throttleRetryFetch';
import { describeIssues, listSchemas } from '../../../shared/sharepoint/itemSchemas';
import { aiPoliciesList } from '../../../shared/sharepoint/lists';

const policy = {
  Title: 'Artificial Intelligence Policy', PolicyVersion: '1.0', PolicyOwner: 'Chief Medical Officer', OwnerContactId: null, ApprovedOn: '2025-01-06T00:00:00Z',
  ReviewIntervalMonths: 24, NextReviewDue: '2027-01-06T00:00:00Z', Status: 'Active', LastReminderSent: null,
};

describe('list item schemas', () => {
  test('a read with a bad value is described by field, with the display name', () => {
    const r = listSchemas(aiPoliciesList).read.safeParse({ ...policy, Status: 'Retired', Id: 1, Created: policy.ApprovedOn, Modified: policy.ApprovedOn, AuthorId: 1, EditorId: 1, etag: '"1"' });

    expect(r.success).toBe(false);
    expect(describeIssues(r.error!, aiPoliciesList)).toMatch(/^field 'Status' \(Status\): Invalid option: expected one of "Draft"\|"Active"/);
  });

  test('a write refuses misspelt properties instead of dropping them', () => {
    const r = listSchemas(aiPoliciesList).create.safeParse({ ...policy, Owner: 'CMO' });

    expect(r.success).toBe(false);
    expect(describeIssues(r.error!, aiPoliciesList)).toContain('Owner');
  });

  test('optional columns may be left out of a create but required ones may not', () => {
    const { LastReminderSent: _omit, ...withoutOptional } = policy;
    const { Title: _title, ...withoutTitle } = policy;
    expect(listSchemas(aiPoliciesList).create.safeParse(withoutOptional).success).toBe(true);
    expect(listSchemas(aiPoliciesList).create.safeParse(withoutTitle).success).toBe(false);
  });
});

describe('Retry-After', () => {
  test('seconds or an HTTP date; anything else means "use the backoff"', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('2026-11-25T10:00:00Z'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
