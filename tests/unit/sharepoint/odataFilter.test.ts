import { filterFields, parseFilter } from '../../../local/sharepoint/odataFilter';

describe('the emulator\'s $filter parser', () => {
  test('and binds tighter than or; parentheses override', () => {
    expect(parseFilter("Status eq 'A' or Status eq 'B' and RequesterId eq 3")).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', field: 'Status', value: { type: 'string', value: 'A' } },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'eq', field: 'Status', value: { type: 'string', value: 'B' } },
        right: { kind: 'compare', op: 'eq', field: 'RequesterId', value: { type: 'number', value: 3 } },
      },
    });
    expect(parseFilter("(Status eq 'A' or Status eq 'B') and Id gt 5").kind).toBe('and');
  });

  test('reads every literal SharePoint clients send', () => {
    const f = parseFilter("Title eq 'O''Brien' and Modified ge datetime'2026-01-01T00:00:00Z' and Flag eq true and X eq null and N le -1.5 and Requester/Id eq 7");
    expect(filterFields(f)).toEqual(['Title', 'Modified', 'Flag', 'X', 'N', 'Requester/Id']);
    expect(JSON.stringify(f)).toContain('"value":"O\'Brien"');
    expect(JSON.stringify(f)).toContain('{"type":"datetime","value":"2026-01-01T00:00:00Z"}');
  });

  test('startswith and substringof, with or without "eq true"', () => {
    expect(parseFilter("startswith(Title,'Dict')")).toEqual({ kind: 'startswith', field: 'Title', value: { type: 'string', value: 'Dict' }, negate: false });
    expect(parseFilter("substringof('scribe',Title) eq false")).toEqual({ kind: 'substringof', field: 'Title', value: { type: 'string', value: 'scribe' }, negate: true });
  });

  test.each([
    ["Status eq 'open", /not closed/],
    ['Status eq', /Expected a literal/],
    ["Status like 'x'", /Expected a comparison/],
    ["Modified ge datetime'yesterday'", /not a valid date-time/],
    ["(Status eq 'A'", /Expected \)/],
  ])('refuses %s with a reason', (filter, reason) => {
    expect(() => parseFilter(filter)).toThrow(reason);
  });
});
