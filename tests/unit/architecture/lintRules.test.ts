import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The architecture rules of eslint.architecture.cjs, each shown failing on a deliberate violation
// (and staying quiet on the allowed form), so a rule that stops matching is noticed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const architecture = require('../../../eslint.architecture.cjs') as ESLint.Options['overrideConfig'][];
const root = path.join(__dirname, '..', '..', '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...(architecture as never[])],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture rules', () => {
  test.each([
    ['production code imports local/', 'shared/notify/violation.ts', "import { x } from '../../local/clock/clock';\nexport const y = x;", 'never imports local/'],
    ['a trigger imports local/', 'functions/request/violation.ts', "import { x } from '../../local/server/server';\nexport const y = x;", 'never imports local/'],
    ['the domain imports storage', 'shared/domain/violation.ts', "import { x } from '../sharepoint';\nexport const y = x;", 'The domain'],
    ['the domain imports a channel', 'shared/domain/routing/violation.ts', "import nodemailer from 'nodemailer';\nexport const y = nodemailer;", 'The domain'],
    ['the domain imports the runtime', 'shared/domain/violation.ts', "import * as df from 'durable-functions';\nexport const y = df;", 'The domain'],
    ['an orchestration imports a trigger', 'orchestrations/request/activities/violation.ts', "import { x } from '../../../functions/request/requests';\nexport const y = x;", 'never import triggers'],
    ['an orchestrator imports an activity', 'orchestrations/request/violation.ts', "import { x } from './activities/stepActivities';\nexport const y = x;", 'deterministic'],
    ['shared/ imports the composition root', 'shared/requests/violation.ts', "import { appServices } from '../../app/services';\nexport const y = appServices;", 'shared/ is below'],
  ])('%s is refused', async (_what, file, code, expected) => {
    const found = await problems(file, code);
    expect(found).toEqual([expect.stringContaining(expected)]);
    expect(found[0]).toMatch(/^no-restricted-imports: /);
  });

  test.each([
    ['new Date()', 'export const now = new Date();', 'currentUtcDateTime'],
    ['Date.now()', 'export const now = Date.now();', 'currentUtcDateTime'],
    ['Math.random', 'export const id = Math.random();', 'newGuid'],
    ['process.env', 'export const s = process.env.SMTP_HOST;', 'read no settings'],
    ['a timer', 'setTimeout(() => undefined, 10);', 'createTimer'],
    ['fetch', "export const r = fetch('http://example');", 'createTimer'],
    ['await', 'export async function f(p: Promise<number>) { return await p; }', 'generators'],
    ['a durable client', "import * as df from 'durable-functions';\nexport const c = df.getClient;", 'durable clients'],
  ])('an orchestrator using %s is refused', async (_what, code, expected) => {
    expect(await problems('orchestrations/review/violation.ts', code)).toEqual([expect.stringContaining(expected)]);
  });

  test('the same code is allowed where it belongs', async () => {
    expect(await problems('orchestrations/review/activities/fine.ts', 'export const now = new Date();\nexport const s = process.env.X;')).toEqual([]);
    expect(await problems('local/server/fine.ts', "import { x } from '../../local/clock/clock';\nexport const y = x;")).toEqual([]);
    expect(await problems('orchestrations/request/fine.ts', "import * as df from 'durable-functions';\nimport { ORCHESTRATOR } from './names';\nexport const at = (c: df.OrchestrationContext) => new Date(c.df.currentUtcDateTime.getTime());\nexport { ORCHESTRATOR };")).toEqual([]);
  });
});
