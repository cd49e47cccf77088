import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONTRACT_ALIASES, CONTRACT_PARTS, CONTRACT_TYPES, CONTRACT_VALUES } from '../shared/contract';
import { typeFromJsonSchema, type JsonSchema } from './contract/typeFromJsonSchema';

/**
 * Writes the contract (shared/contract) into the SPFx package, which cannot import from outside
 * its folder: `npm run -s contract`. tests/unit/contract checks that the committed copy is what
 * this writes, so an edit on either side alone fails.
 */
export const GENERATED_CONTRACT_PATH = join('sharepoint-spfx', 'src', 'contract', 'generated', 'contract.ts');

const HEADER = `/* eslint-disable */
// Generated from shared/contract by scripts/generateContract.ts: do not edit. Change the source
// and run \`npm run -s contract\`; tests/unit/contract fails while this copy differs.
`;

export function renderContract(): string {
  const values = Object.entries(CONTRACT_VALUES).map(([name, value]) => `export const ${name} = ${valueText(value)} as const;`);
  const aliases = Object.entries(CONTRACT_ALIASES).map(([name, expression]) => `export type ${name} = ${expression};`);
  // A registered part is written into each type's $defs under its name, and referred to there by $ref.
  const registry = z.registry<{ id: string }>();
  for (const [name, { schema }] of Object.entries(CONTRACT_PARTS)) registry.add(schema, { id: name });
  const partTypes = new Map<string, string>();
  const types = Object.entries(CONTRACT_TYPES).map(([name, { schema, io, what }]) => {
    const { $defs = {}, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'throw', metadata: registry }) as JsonSchema;
    for (const [part, definition] of Object.entries($defs)) keepPart(partTypes, part, typeFromJsonSchema(definition));
    return `/** ${what} */\nexport type ${name} = ${typeFromJsonSchema(json)};`;
  });
  const parts = Object.entries(CONTRACT_PARTS).map(([name, { what }]) => {
    const type = partTypes.get(name);
    if (type === undefined) throw new Error(`Contract part ${name} is used by no contract type: remove it from CONTRACT_PARTS`);
    return `/** ${what} */\nexport type ${name} = ${type};`;
  });
  return `${HEADER}\n${values.join('\n\n')}\n\n${aliases.join('\n')}\n\n${parts.join('\n\n')}\n\n${types.join('\n\n')}\n`;
}

// A list of codes reads best on one line (as in the source); anything else as indented JSON.
function valueText(value: unknown): string {
  if (!Array.isArray(value) || value.some((item) => typeof item === 'object' && item !== null)) return JSON.stringify(value, null, 2);
  const line = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  return line.length <= 160 ? line : JSON.stringify(value, null, 2);
}

// A part is one type: one that reads differently where it is used (an input's defaults are
// optional, an output's are not) cannot be written once, so it must not be named.
function keepPart(parts: Map<string, string>, name: string, type: string): void {
  const before = parts.get(name);
  if (before !== undefined && before !== type) throw new Error(`Contract part ${name} differs between the types that use it (input and output?): name it in one only`);
  parts.set(name, type);
}

export function committedContract(root: string): string {
  return readFileSync(join(root, GENERATED_CONTRACT_PATH), 'utf8');
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  writeFileSync(join(root, GENERATED_CONTRACT_PATH), renderContract());
  console.log(`Wrote ${GENERATED_CONTRACT_PATH}`);
}
