/**
 * App Service resolves Key Vault references in app settings before the app starts; the app itself
 * never calls Key Vault. This does the same from a local vault (vault name → secret name → value).
 * A reference that cannot be resolved stays as its literal text, as App Service leaves it, so the
 * app's own settings check is what reports it.
 */
export type Vaults = Record<string, Record<string, string>>;

const REFERENCE = /^@Microsoft\.KeyVault\((.*)\)$/;

export interface Resolution {
  settings: Record<string, string>;
  /** Settings whose reference could not be resolved, with the reason. */
  unresolved: { setting: string; reason: string }[];
}

export function resolveKeyVaultReferences(settings: Record<string, string>, vaults: Vaults): Resolution {
  const resolved: Record<string, string> = {};
  const unresolved: Resolution['unresolved'] = [];
  for (const [name, value] of Object.entries(settings)) {
    const match = REFERENCE.exec(value.trim());
    if (!match) {
      resolved[name] = value;
      continue;
    }
    const target = parseReference(match[1]);
    const secret = target && vaults[target.vault]?.[target.secret];
    if (secret === undefined) {
      unresolved.push({ setting: name, reason: target ? `no secret ${target.secret} in vault ${target.vault}` : 'malformed reference' });
      resolved[name] = value;
    } else {
      resolved[name] = secret;
    }
  }
  return { settings: resolved, unresolved };
}

function parseReference(inner: string): { vault: string; secret: string } | undefined {
  const parts = Object.fromEntries(
    inner.split(';').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  ) as Record<string, string | undefined>;
  if (parts.VaultName && parts.SecretName) return { vault: parts.VaultName, secret: parts.SecretName };
  // SecretUri=https://<vault>.vault.azure.net/secrets/<name>[/<version>]
  const uri = parts.SecretUri && /^https:\/\/([^.]+)\.vault\.azure\.net\/secrets\/([^/]+)/.exec(parts.SecretUri);
  return uri ? { vault: uri[1], secret: uri[2] } : undefined;
}
