import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import { writePrivateFile } from './private-write.js';

export interface Certificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, for the README's "check it matches" step and the control center. */
  fingerprint: string;
  context: SecureContext;
}

const KEY_FILE = 'mail-tls-key.pem';
const CERT_FILE = 'mail-tls-cert.pem';

/**
 * The STARTTLS certificate: made on first start (selfsigned: RSA 2048, SHA-256, ten years, for
 * localhost and 127.0.0.1) and kept in the data folder beside the store, 0600 like it, so a
 * client that accepted it once keeps accepting it.
 */
export async function loadOrCreateCertificate(dataDir: string): Promise<Certificate> {
  const keyPath = join(dataDir, KEY_FILE);
  const certPath = join(dataDir, CERT_FILE);
  let key: string;
  let cert: string;
  if (existsSync(keyPath) && existsSync(certPath)) {
    key = readFileSync(keyPath, 'utf8');
    cert = readFileSync(certPath, 'utf8');
  } else {
    // Loaded only to make the certificate, once: its X.509 libraries cost memory every start otherwise.
    const { generate } = await import('selfsigned');
    const notBeforeDate = new Date();
    const made = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'TwoStep (local simulation)' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 10 * 365 * 24 * 60 * 60 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
      ],
    });
    key = made.private;
    cert = made.cert;
    writePrivateFile(keyPath, key);
    writePrivateFile(certPath, cert);
  }
  const { X509Certificate } = await import('node:crypto');
  const fingerprint = new X509Certificate(cert).fingerprint256;
  return { key, cert, fingerprint, context: createSecureContext({ key, cert }) };
}
