import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONTRACT_ALIASES, CONTRACT_TYPES, CONTRACT_VALUES } from '../shared/contract';
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
  const values = Object.entries(CONTRACT_VALUES).map(([name, value]) => `export const ${name} = ${JSON.stringify(value, null, 2)} as const;`);
  const aliases = Object.entries(CONTRACT_ALIASES).map(([name, expression]) => `export type ${name} = ${expression};`);
  const types = Object.entries(CONTRACT_TYPES).map(([name, { schema, io, what }]) => {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'throw' }) as JsonSchema;
    return `/** ${what} */\nexport type ${name} = ${typeFromJsonSchema(json)};`;
  });
  return `${HEADER}\n${values.join('\n\n')}\n\n${aliases.join('\n')}\n\n${types.join('\n\n')}\n`;
}

export function committedContract(root: string): string {
  return readFileSync(join(root, GENERATED_CONTRACT_PATH), 'utf8');
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  writeFileSync(join(root, GENERATED_CONTRACT_PATH), renderContract());
  console.log(`Wrote ${GENERATED_CONTRACT_PATH}`);
}
