// Validates every app setting once, at start, and fails with ONE message that names each
// missing or bad setting with what was expected — so a deployment is fixed in one pass
// instead of one restart per typo. The table of settings is settingsCatalog.ts.
import { z } from 'zod';
import { PRODUCTION_MIN_KEY_BYTES, shortestKeyBytes } from './signingKeys';
import { platformSignInProblem, PLATFORM_SIGN_IN_SIGNAL } from './platformSignIn';
import { settingCombinationProblems, settingNames, settingSpec, settingsCatalog, type SettingName, type SettingsCatalog } from './settingsCatalog';

export type Settings = { readonly [K in SettingName]: z.output<SettingsCatalog[K]['schema']> };

export interface SettingProblem {
  setting: string;
  message: string;
}

export class SettingsError extends Error {
  constructor(readonly problems: readonly SettingProblem[]) {
    const count = problems.length === 1 ? '1 setting is' : `${problems.length} settings are`;
    super(`The app cannot start: ${count} missing or not valid.\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

// Set by App Service on every Azure instance; lets us refuse local rules in the cloud.
const AZURE_SIGNAL = 'WEBSITE_SITE_NAME';
const KEY_VAULT_REFERENCE = '@Microsoft.KeyVault(';

/**
 * The one schema over a set of settings: raw environment in, typed settings out, every problem
 * reported as an issue at its setting. The app checks all of them at start; a tool or a test that
 * needs only an adapter's slice (the email settings, say) checks just those, by the same rules.
 */
function schemaFor<N extends SettingName>(names: readonly N[]) {
  const inSlice = new Set<string>(names);
  const checked: readonly SettingName[] = names;
  const rawShape = Object.fromEntries([...settingNames, AZURE_SIGNAL, PLATFORM_SIGN_IN_SIGNAL].map((name) => [name, z.string().optional()]));
  return z.object(rawShape).transform((raw, ctx): Pick<Settings, N> => {
    const report = (setting: string, message: string) => {
      if (inSlice.has(setting)) ctx.addIssue({ code: 'custom', path: [setting], message });
    };
    const resolved = resolveRawValues(raw);
    const environment = resolved.ENVIRONMENT === 'production' ? 'production' : 'local';
    const parsed: Partial<Record<SettingName, unknown>> = {};

    for (const name of names) {
      const spec = settingSpec(name);
      const value = resolved[name];
      if (value?.startsWith(KEY_VAULT_REFERENCE)) {
        // App Service leaves the reference text in place when it cannot resolve it.
        report(name, `${name} is a Key Vault reference that did not resolve. Check that the secret exists and that the app's managed identity has the Key Vault Secrets User role.`);
        continue;
      }
      if (value === undefined) {
        const why = whyRequired(name, environment, resolved);
        if (why !== undefined) report(name, `${name} is missing${why}. ${spec.meaning}. Expected ${spec.expected}, e.g. ${spec.example}.`);
        continue;
      }
      const result = spec.schema.safeParse(value);
      if (!result.success) {
        const detail = result.error.issues[0]?.message ?? 'not readable';
        const got = spec.secret ? '' : ` (got "${truncate(value)}")`;
        report(name, `${name} is not valid: ${detail}${got}. Expected ${spec.expected}, e.g. ${spec.example}.`);
        continue;
      }
      parsed[name] = result.data;
      const rule = environment === 'production' ? spec.inProduction?.(result.data) : undefined;
      if (rule) report(name, `${name} is not allowed in production: ${rule}.`);
    }

    // Only settings that are otherwise fine: a bad value was reported above, once.
    const reported = new Set(checked.filter((name) => resolved[name] !== undefined && !(name in parsed)));
    for (const problem of settingCombinationProblems(resolved)) if (!reported.has(problem.setting)) report(problem.setting, problem.message);

    const settings = parsed as Settings;
    crossChecks(settings, environment).forEach((p) => report(p.setting, p.message));
    // Checked with the identity setting: the app (every setting) and any slice that decides who may act.
    const signInProblem = environment === 'production' && inSlice.has('LOCAL_ANONYMOUS_ACCESS') ? platformSignInProblem(raw) : undefined;
    if (signInProblem) ctx.addIssue({ code: 'custom', path: [PLATFORM_SIGN_IN_SIGNAL], message: signInProblem });
    if (environment === 'local' && raw[AZURE_SIGNAL]) {
      report('ENVIRONMENT', 'ENVIRONMENT is "local" but the app is running in Azure. Set ENVIRONMENT=production in the Function App settings.');
    }
    return settings;
  });
}

export const settingsSchema = schemaFor(settingNames);

/** Reads and checks every setting; throws one SettingsError listing all problems. */
export function loadSettings(env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  return loadSettingSlice(settingNames, env);
}

/**
 * Reads and checks only the named settings, by the same rules as the start-up check (for tools
 * and tests that need one adapter's slice); throws one SettingsError listing all problems.
 */
export function loadSettingSlice<N extends SettingName>(names: readonly N[], env: Readonly<Record<string, string | undefined>> = process.env): Pick<Settings, N> {
  const result = schemaFor(names).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ setting: String(issue.path[0] ?? ''), message: issue.message }));
  throw new SettingsError(problems);
}

/** Names of settings a production deployment must always provide (the Bicep test checks these). */
export function settingsRequiredInProduction(): SettingName[] {
  return settingNames.filter((name) => {
    const { required, default: fallback } = settingSpec(name);
    return (required === 'always' || required === 'production') && fallback === undefined;
  });
}

function resolveRawValues(raw: Record<string, string | undefined>): Partial<Record<SettingName, string>> {
  const resolved: Partial<Record<SettingName, string>> = {};
  for (const name of settingNames) {
    const value = raw[name]?.trim();
    // Blank counts as absent: Bicep writes '' for parameters left empty.
    const chosen = value ? value : settingsCatalog[name].default;
    if (chosen !== undefined) resolved[name] = chosen;
  }
  return resolved;
}

function whyRequired(name: SettingName, environment: string, resolved: Partial<Record<SettingName, string>>): string | undefined {
  const spec = settingSpec(name);
  if (spec.required === 'always') return '';
  if (spec.required === 'production' && environment === 'production') return '; production needs it';
  const when = spec.requiredWhen;
  const trigger = when ? resolved[when.setting as SettingName] : undefined;
  if (when && trigger !== undefined && when.oneOf.includes(trigger)) return `; it is needed because ${when.setting} is "${trigger}"`;
  return undefined;
}

// Plain SMTP is for the local mail sink on this computer only.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

function crossChecks(s: Settings, environment: 'local' | 'production'): SettingProblem[] {
  if (environment === 'production') return productionCrossChecks(s);
  if (s.SMTP_REQUIRE_TLS === false && s.SMTP_SECURE === false && s.SMTP_HOST && !LOOPBACK_HOSTS.has(s.SMTP_HOST.toLowerCase())) {
    return [
      {
        setting: 'SMTP_REQUIRE_TLS',
        message: `SMTP_REQUIRE_TLS may be false only for the local mail sink on this computer (127.0.0.1), not for ${s.SMTP_HOST}.`,
      },
    ];
  }
  return [];
}

function productionCrossChecks(s: Settings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const keys = s.DECISION_SIGNING_KEYS;
  if (keys && shortestKeyBytes(keys) < PRODUCTION_MIN_KEY_BYTES) {
    problems.push({
      setting: 'DECISION_SIGNING_KEYS',
      message: `DECISION_SIGNING_KEYS is not allowed in production: every key must be at least ${PRODUCTION_MIN_KEY_BYTES} bytes (the shortest is ${shortestKeyBytes(keys)}). Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))".`,
    });
  }
  // Same rule as shared/notify/email: STARTTLS required, or implicit TLS.
  if (s.SMTP_REQUIRE_TLS === false && s.SMTP_SECURE === false) {
    problems.push({
      setting: 'SMTP_REQUIRE_TLS',
      message: 'SMTP_REQUIRE_TLS is not allowed in production: mail must go over TLS (set SMTP_REQUIRE_TLS=true, or SMTP_SECURE=true for implicit TLS).',
    });
  }
  // One identity for everything: a different client id here means the app would authenticate
  // as an identity that holds none of the role assignments.
  const identity = s.AZURE_CLIENT_ID?.toLowerCase();
  const dtsClient = s.DURABLE_TASK_SCHEDULER_CONNECTION_STRING?.clientId?.toLowerCase();
  if (identity && dtsClient && identity !== dtsClient) {
    problems.push({
      setting: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING',
      message: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING names a ClientID different from AZURE_CLIENT_ID; both must be the user-assigned identity.',
    });
  }
  const telemetryClient = s.APPLICATIONINSIGHTS_AUTHENTICATION_STRING?.clientId.toLowerCase();
  if (identity && telemetryClient && identity !== telemetryClient) {
    problems.push({
      setting: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
      message: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING names a ClientId different from AZURE_CLIENT_ID; both must be the user-assigned identity.',
    });
  }
  return problems;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
