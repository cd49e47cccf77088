// Reads the Bicep as text. The Bicep CLI is not available in CI, so these helpers find
// app settings by their shape: in infra/ only app settings have SCREAMING_SNAKE (or
// Platform__style) keys, e.g. `  SMTP_HOST: smtpHost` or `{ DATIX_API_KEY: '…' }`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const INFRA_DIR = join(__dirname, '..', '..', '..', 'infra');

export function readBicepFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of [INFRA_DIR, join(INFRA_DIR, 'modules')]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.bicep'))) {
      files.set(join(dir, file).slice(INFRA_DIR.length + 1), readFileSync(join(dir, file), 'utf8'));
    }
  }
  return files;
}

const SETTING_LINE = /(?:^|[{,]\s*)([A-Z][A-Z0-9_]*[A-Z0-9]|[A-Za-z]+__[A-Za-z_]+)\s*:\s*(.+?)\s*(?:}\s*)?$/;

/** Every app setting written in the given Bicep text, name → value expressions (as written). */
export function appSettingsIn(bicep: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const line of bicep.split('\n')) {
    const code = line.replace(/\s\/\/.*$/, '');
    const match = SETTING_LINE.exec(code.trim());
    if (!match) continue;
    const [, name, value] = match as unknown as [string, string, string];
    settings.set(name, [...(settings.get(name) ?? []), value]);
  }
  return settings;
}

/** A Bicep string literal without interpolation, e.g. 'production' → production. */
export function literal(expression: string): string | undefined {
  const match = /^'([^'$]*)'$/.exec(expression);
  return match?.[1];
}
