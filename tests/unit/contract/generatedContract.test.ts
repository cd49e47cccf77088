import { join } from 'node:path';
import { committedContract, renderContract } from '../../../scripts/generateContract';
import { typeFromJsonSchema } from '../../../scripts/contract/typeFromJsonSchema';
import { contractProblems } from '../../support/contractResponses';

const root = join(__dirname, '..', '..', '..');

describe('the contract the web part is built with', () => {
  it('is exactly what shared/contract generates (run `npm run -s contract` after changing either side)', () => {
    // One assertion on the whole text: the diff jest prints shows which side moved.
    expect(committedContract(root)).toBe(renderContract());
  });

  it('carries the DPIA screening questions in the API’s wording, one per answer the API takes', () => {
    const text = renderContract();
    expect(text).toContain('"question": "Will the tool process information that identifies a person, living or dead?"');
    expect(text).toContain('"question": "Will people be contacted in ways they may not expect and may find intrusive?"');
  });
});

describe('types written from JSON Schema', () => {
  it('writes optional and nullable properties, records, and arrays of unions in brackets', () => {
    const type = typeFromJsonSchema({
      type: 'object',
      properties: {
        a: { type: 'string' },
        'b-c': { anyOf: [{ type: 'number' }, { type: 'null' }] },
        d: { type: 'array', items: { enum: ['x', 'y'] } },
        e: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} },
      },
      required: ['a', 'b-c'],
    });
    expect(type).toBe('{\n  a: string;\n  "b-c": number | null;\n  d?: ("x" | "y")[];\n  e?: Record<string, unknown>;\n}');
  });

  it('names a registered part by its name, and writes the properties a union’s members share once', () => {
    const person = { $ref: '#/$defs/Person' };
    const type = typeFromJsonSchema({
      oneOf: [
        { type: 'object', properties: { kind: { const: 'a' }, who: person, note: { type: 'string' } }, required: ['kind', 'who'] },
        { type: 'object', properties: { kind: { const: 'b' }, who: person, note: { type: 'string' }, extra: { type: 'number' } }, required: ['kind', 'who', 'extra'] },
      ],
    });
    expect(type).toBe('{ who: Person; note?: string } & (\n  | { kind: "a" }\n  | { kind: "b"; extra: number }\n)');
    expect(() => typeFromJsonSchema({ $ref: 'https://example.org/person' })).toThrow('only #/$defs/Name');
  });

  it('refuses a JSON Schema keyword it cannot express, rather than widening the type', () => {
    expect(() => typeFromJsonSchema({ type: 'object', patternProperties: { '^x': { type: 'string' } } })).toThrow('"patternProperties" is not supported');
  });
});

describe('answers checked against the contract', () => {
  it('names the field an answer dropped or changed, and accepts one that keeps the contract', () => {
    expect(contractProblems('GET', '/api/me', 200, { name: 'Amara Nwosu' })).toEqual(['GET /api/me 200: email: Invalid input: expected string, received undefined']);
    expect(contractProblems('GET', '/api/requests?mine=true', 200, [{ id: '1', title: 'T', type: 'procured', status: 'In review', modifiedAt: 'x' }])[0]).toMatch(/^GET \/api\/requests\?mine=true 200: 0\.status: /);
    expect(contractProblems('GET', '/api/me', 200, { name: 'Amara Nwosu', email: 'amara@example.nhs.uk' })).toEqual([]);
  });
});
