// The architecture as lint rules, so the layering holds by tooling rather than by memory.
// eslint.config.mjs applies them; tests/unit/architecture/lintRules.test.ts shows each one
// failing on a deliberate violation.

const RUNTIME_AND_CHANNELS = ['durable-functions', '@azure/*', '@pnp/*', 'nodemailer', '@microsoft/*', 'node:*', 'fs', 'http', 'https', 'net'];
/** A relative import of (or into) any of these folders: `../sharepoint`, `../../app/services`… */
const at = (...folders) => `^\\.{1,2}/(?:.*/)?(?:${folders.join('|')})(?:/|$)`;

/** Forbidden relative folders (a regular expression from `at`) and packages, with the reason ESLint prints. */
const forbid = (folders, message, packages = []) => [{ regex: folders, message }, ...(packages.length ? [{ group: packages, message }] : [])];

const noLocal = forbid(at('local'), 'Production code never imports local/ (the embedded default is never deployed); take the dependency as a parameter.');

// Orchestrator files: everything under orchestrations/ except activities, their registration and the index.
const ORCHESTRATOR_FILES = ['orchestrations/**/*.ts'];
const NOT_ORCHESTRATORS = ['orchestrations/**/activities/**', 'orchestrations/**/registerActivities.ts', 'orchestrations/index.ts'];

module.exports = [
  {
    files: ['app/**/*.ts', 'functions/**/*.ts', 'orchestrations/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noLocal] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noLocal,
            ...forbid(at('app', 'functions'), 'shared/ is below the triggers and the composition root: receive services as parameters (shared/appServices.ts) instead.'),
            ...forbid(at('activities', 'registerActivities'), 'shared/ may use a workflow\'s names and contracts, never its activities.'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noLocal,
            ...forbid(
              at('app', 'functions', 'orchestrations', 'sharepoint', 'notify', 'datix', 'audit', 'security', 'web', 'changeFeeds'),
              'The domain (routing rules, schemas, deadlines) is pure: no storage, channel or runtime. Pass facts in, return decisions.',
              RUNTIME_AND_CHANNELS,
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['orchestrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noLocal, ...forbid(at('functions', 'app'), 'Orchestrations never import triggers or the composition root: app/index.ts wires activities to services.')] },
      ],
    },
  },
  {
    files: ORCHESTRATOR_FILES,
    ignores: NOT_ORCHESTRATORS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noLocal,
            ...forbid(at('functions', 'app'), 'Orchestrations never import triggers or the composition root: app/index.ts wires activities to services.'),
            ...forbid(
              at('sharepoint', 'notify', 'datix', 'audit', 'security', 'web', 'changeFeeds', 'activities'),
              'An orchestrator is deterministic and does no I/O: call an activity (import its name and contract types only).',
              RUNTIME_AND_CHANNELS.filter((p) => p !== 'durable-functions'),
            ),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Orchestrators read time from context.df.currentUtcDateTime, never the clock (replays must see the same time).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Orchestrators read time from context.df.currentUtcDateTime, never Date.now().' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Orchestrators take ids from context.df.newGuid, never Math.random (replays must make the same choices).' },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Orchestrators read no settings: pass what they need in their input, or read it in an activity.' },
        { selector: "CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate|queueMicrotask|fetch)$/]", message: 'Orchestrators wait with context.df.createTimer and do I/O only through activities.' },
        { selector: "MemberExpression[property.name='getClient']", message: 'An orchestrator does no I/O: durable clients belong to triggers and activities.' },
        { selector: "AwaitExpression", message: 'Orchestrators are generators that yield durable tasks; await means I/O outside the replay.' },
      ],
    },
  },
];
