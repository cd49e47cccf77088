import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A short-lived self-signed certificate for localhost and 127.0.0.1, made with the openssl CLI
 * (Node can use certificates but not create them). The app trusts it through NODE_EXTRA_CA_CERTS,
 * as a deployed app trusts the relay's public certificate, so TLS is verified, not switched off.
 */
export function localCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aigov-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
