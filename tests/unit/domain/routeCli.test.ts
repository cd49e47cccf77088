import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the compiled CLI exactly as `npm run route` does. `npm test` builds first; when run
// alone, this rebuilds if the compiled file is missing or older than its sources (tsc still
// writes our files if someone else's work in progress has type errors).
const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'scripts', 'route.js');
const EXAMPLES = join(ROOT, 'examples', 'requests');

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)),
  );
}

beforeAll(() => {
  const sources = Math.max(newestSource(join(ROOT, 'shared', 'domain')), statSync(join(ROOT, 'scripts', 'route.ts')).mtimeMs);
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(CLI)) throw error;
  }
});

function route(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'route-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run route', () => {
  test('healthcare with a service change: high risk, four stages, consultation third, risk owner last', () => {
    const { code, stdout } = route(join(EXAMPLES, 'healthcare-service-change.json'), '--json');

    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.risk).toBe('high');
    expect(out.stages.map((s: Array<{ code: string }>) => s.map((step) => step.code))).toEqual([
      ['IG_NOTIFY', 'FINANCE'],
      ['DIGITAL_BI', 'DPIA', 'CSO', 'MDSO', 'DTAC', 'CALDICOTT'],
      ['WORKFORCE'],
      ['SIRO'],
    ]);
    expect(Object.keys(out.stages[0][0]).sort()).toEqual(['clause', 'code', 'reason', 'role']);
    expect(out.stages[0][0].clause).toMatch(/^AI Policy, section 5: /);
  });

  test('public generic tool: notification only', () => {
    const { code, stdout } = route(join(EXAMPLES, 'public-generic.json'), '--json');

    expect(code).toBe(0);
    expect(JSON.parse(stdout).stages.map((s: Array<{ code: string }>) => s.map((step) => step.code))).toEqual([['IG_NOTIFY']]);
  });

  test('research: Research and Innovation and the install permission join the assessment stage', () => {
    const { code, stdout } = route(join(EXAMPLES, 'research.json'), '--json');

    expect(code).toBe(0);
    expect(JSON.parse(stdout).stages[1].map((step: { code: string }) => step.code)).toEqual(['DIGITAL_BI', 'DPIA', 'CSO', 'RESEARCH', 'IT_INSTALL']);
  });

  test('without --json it prints plain English for a reader', () => {
    const { code, stdout } = route(join(EXAMPLES, 'research.json'));

    expect(code).toBe(0);
    expect(stdout).toContain('Risk rating: medium.');
    expect(stdout).toContain('Stage 2 (these run at the same time):');
    expect(stdout).toContain('Why: This is a research request, so Research and Innovation must see Health Research Authority approval');
  });

  test('a request refused at intake prints the fields and exits 2', () => {
    const request = JSON.parse(readFileSync(join(EXAMPLES, 'public-generic.json'), 'utf8'));
    request.use.clinical = true;
    const file = join(scratch, 'clinical-chatbot.json');
    writeFileSync(file, JSON.stringify(request));

    const json = route(file, '--json');
    const text = route(file);

    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ refused: [{ field: 'use.clinical', message: expect.stringContaining('Use a healthcare or procured request instead.') }] });
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('use.clinical (whether the tool has a clinical use):');
  });

  test('unreadable input exits 1 with a message: missing file, bad JSON, not an intake request, no file given', () => {
    const badJson = join(scratch, 'bad.json');
    writeFileSync(badJson, '{ "type": ');
    const wrongShape = join(scratch, 'wrong.json');
    writeFileSync(wrongShape, JSON.stringify({ type: 'procured', title: 'Only a title' }));

    const missing = route(join(scratch, 'nope.json'), '--json');
    const notJson = route(badJson, '--json');
    const notRequest = route(wrongShape, '--json');
    const noFile = route('--json');

    expect([missing.code, notJson.code, notRequest.code, noFile.code]).toEqual([1, 1, 1, 1]);
    expect(missing.stderr).toMatch(/^Cannot read .*nope\.json/);
    expect(notJson.stderr).toContain('is not valid JSON');
    expect(notRequest.stderr).toContain('is not an intake request (version 1)');
    expect(notRequest.stderr).toContain('data: answer the questions about data');
    expect(noFile.stderr).toContain('Usage: npm run route');
    expect(missing.stdout + notJson.stdout + notRequest.stdout).toBe('');
  });
});
