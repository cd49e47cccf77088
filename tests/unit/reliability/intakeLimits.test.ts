import { intakeRequestShapeSchema, toFieldMessages } from '../../../shared/domain';
import { fitText, LIMITS } from '../../../shared/domain/schemas/limits';
import { draftSchema } from '../../../shared/requests/draftSchema';
import { requestOf } from '../domain/support/requests';

const fieldsOf = (input: unknown): string[] => {
  const result = intakeRequestShapeSchema.safeParse(input);
  return result.success ? [] : toFieldMessages(result.error).map((m) => m.field);
};

// Defect: a 237–255 character title passed intake and then overflowed the audit title; 256+ gave a 500.
describe('intake text limits fit where the answers are stored', () => {
  test.each([
    ['title', 255, (r: Record<string, unknown>, v: string) => ({ ...r, title: v })],
    ['directorate', 255, (r: Record<string, unknown>, v: string) => ({ ...r, directorate: v })],
    ['product.name', 255, (r: Record<string, unknown>, v: string) => ({ ...r, product: { ...(r.product as object), name: v } })],
    ['requester.name', 255, (r: Record<string, unknown>, v: string) => ({ ...r, requester: { ...(r.requester as object), name: v } })],
    ['purpose', LIMITS.longAnswer, (r: Record<string, unknown>, v: string) => ({ ...r, purpose: v })],
    ['data.legalBasis', LIMITS.shortAnswer, (r: Record<string, unknown>, v: string) => ({ ...r, data: { ...(r.data as object), legalBasis: v } })],
  ])('%s: %i characters pass, one more is refused by name', (field, max, put) => {
    const base = requestOf('procured') as unknown as Record<string, unknown>;
    expect(fieldsOf(put(base, 'x'.repeat(max)))).toEqual([]);
    expect(fieldsOf(put(base, 'x'.repeat(max + 1)))).toEqual([field]);
  });

  test('a 10 MB purpose is refused, naming purpose', () => {
    expect(fieldsOf({ ...requestOf('procured'), purpose: 'a'.repeat(10_000_000) })).toEqual(['purpose']);
  });

  test('control characters are refused; ordinary unicode and line breaks are kept', () => {
    expect(fieldsOf({ ...requestOf('procured'), title: 'bad\u0000title' })).toEqual(['title']);
    expect(fieldsOf({ ...requestOf('procured'), purpose: 'Ysbyty 🏥 ✓\nline two\ttabbed' })).toEqual([]);
  });
});

describe('unknown fields are refused by name on every intake form', () => {
  test('a request with an extra top-level or nested field names each one', () => {
    const r = requestOf('procured');
    const result = intakeRequestShapeSchema.safeParse({ ...r, nhsNumber: '943 476 5919', data: { ...r.data, extra: 1 } });
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldMessages(result.error).map((m) => m.field).sort()).toEqual(['data.extra', 'nhsNumber']);
  });

  test('a draft with an extra field names it', () => {
    const result = draftSchema.safeParse({ type: 'procured', nhsNumber: '1' });
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldMessages(result.error)).toEqual([{ field: 'nhsNumber', message: 'remove this field: it is not part of this form' }]);
  });
});

describe('derived titles are cut to fit their column', () => {
  test('a title made from a 255-character title fits 255 and says it was cut', () => {
    const fitted = fitText(`Request submitted: ${'t'.repeat(255)}`);
    expect(fitted).toHaveLength(255);
    expect(fitted.endsWith('…')).toBe(true);
  });

  test('short titles are untouched; cutting never splits a surrogate pair', () => {
    expect(fitText('Request submitted: Scribe')).toBe('Request submitted: Scribe');
    const fitted = fitText('🏥'.repeat(200));
    expect(fitted.length).toBeLessThanOrEqual(255);
    expect(fitted).toBe(`${'🏥'.repeat(127)}…`);
  });
});
