/**
 * `npm run route -- <file.json> [--json]`: shows the route a request would take, or why it is
 * refused at intake.
 *
 * Exit codes: 0 routed; 2 refused at intake by a policy rule (stdout names each field);
 * 1 the file could not be used: missing, not JSON, or not in the intake format. A file that is
 * not in the intake format is treated as unreadable rather than refused, because its problem is
 * the form, not the policy; the message still lists every field to fix.
 */
import { readFileSync } from 'node:fs';
import { describeRefusal, describeRoute, formatFieldMessages, planRouteFromJson, routeSummary } from '../shared/domain';

const USAGE = 'Usage: npm run route -- <request.json> [--json]';

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0].startsWith('--')) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const file = files[0];

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`${file} is not valid JSON: ${(error as Error).message}\n`);
    return 1;
  }

  const plan = planRouteFromJson(input);
  if (plan.outcome === 'invalid') {
    process.stderr.write(`${file} is not an intake request (version 1). Fix these fields:\n${formatFieldMessages(plan.invalid)}\n`);
    return 1;
  }
  if (plan.outcome === 'refused') {
    process.stdout.write(json ? `${JSON.stringify({ refused: plan.refused })}\n` : `${describeRefusal(plan.refused)}\n`);
    return 2;
  }
  process.stdout.write(json ? `${JSON.stringify(routeSummary(plan))}\n` : `${describeRoute(plan)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
