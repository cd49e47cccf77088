import { count, formatDate } from '../../../shared/notify/email/format';

describe('email wording helpers', () => {
  it('writes dates in full, in UK style, without a comma after the weekday', () => {
    expect(formatDate('2027-01-06')).toBe('Wednesday 6 January 2027');
  });

  it('shows an instant as its date in the UK (late evening UTC in summer is the next day)', () => {
    expect(formatDate('2026-07-01T23:30:00Z')).toBe('Thursday 2 July 2026');
    expect(formatDate('2026-12-01T23:30:00Z')).toBe('Tuesday 1 December 2026');
  });

  it('counts with the right plural', () => {
    expect(count(1, 'open incident')).toBe('1 open incident');
    expect(count(0, 'review')).toBe('0 reviews');
  });
});
