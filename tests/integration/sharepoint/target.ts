import { ClientCertificateCredential, DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

/**
 * Where the repository tests run. Set SHAREPOINT_TEST_SITE_URL (a throw-away site) and app-only
 * credentials to run them against SharePoint Online:
 *   AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (PEM with the private key)
 *   — or nothing more, to use DefaultAzureCredential (managed identity, az login, …).
 * The app needs Sites.Selected (write) on that site. Without the variable the tests say so once
 * and run against the in-process emulator; they are never skipped.
 */
export interface SharePointTarget {
  kind: 'emulator' | 'sharepoint-online';
  siteUrl: string;
  sp: SPFI;
  /** Present when the target is the emulator. */
  harness?: EmulatorHarness;
  close(): Promise<void>;
}

let warned = false;

export async function openTarget(): Promise<SharePointTarget> {
  const siteUrl = process.env.SHAREPOINT_TEST_SITE_URL;
  if (siteUrl) {
    const credential: TokenCredential =
      process.env.AZURE_CLIENT_CERTIFICATE_PATH && process.env.AZURE_TENANT_ID && process.env.AZURE_CLIENT_ID
        ? new ClientCertificateCredential(process.env.AZURE_TENANT_ID, process.env.AZURE_CLIENT_ID, { certificatePath: process.env.AZURE_CLIENT_CERTIFICATE_PATH })
        : new DefaultAzureCredential();
    return { kind: 'sharepoint-online', siteUrl, sp: createSp({ siteUrl, credential }), close: () => Promise.resolve() };
  }
  if (!warned) {
    warned = true;
    console.warn('SHAREPOINT_TEST_SITE_URL is not set: SharePoint repository tests run against the local emulator. See tests/integration/sharepoint/target.ts to run them against a real site.');
  }
  const harness = await startEmulator();
  return { kind: 'emulator', siteUrl: harness.siteUrl, sp: createSp({ siteUrl: harness.siteUrl }), harness, close: () => harness.close() };
}
