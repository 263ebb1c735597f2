import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalCa, issueServerCertificate, serverCertificateCovers, type TlsMaterial } from '../crypto/local-ca';
import { writeFileAtomic } from './atomic-write';

/** Where the workspace keeps its HTTPS material; `ca.pem` is the file to trust. */
export const TLS_FILES = { ca: 'tls/ca.pem', caKey: 'tls/ca-key.pem', cert: 'tls/server.pem', key: 'tls/server-key.pem' } as const;

const read = async (dir: string, rel: string): Promise<string | undefined> => (existsSync(join(dir, rel)) ? readFile(join(dir, rel), 'utf8') : undefined);

/**
 * The workspace's local CA and server certificate, made on first use and kept: the CA once trusted stays
 * trusted; the server certificate is issued again when it expires or a host name is added.
 */
export async function loadOrCreateTls(dir: string, now: Date, hosts: readonly string[]): Promise<TlsMaterial & { caFile: string }> {
  let caPem = await read(dir, TLS_FILES.ca);
  let caKeyPem = await read(dir, TLS_FILES.caKey);
  if (!caPem || !caKeyPem) {
    ({ caPem, caKeyPem } = await createLocalCa(now));
    await writeFileAtomic(join(dir, TLS_FILES.caKey), caKeyPem);
    await writeFileAtomic(join(dir, TLS_FILES.ca), caPem);
  }
  let certPem = await read(dir, TLS_FILES.cert);
  let keyPem = await read(dir, TLS_FILES.key);
  if (!certPem || !keyPem || !serverCertificateCovers(certPem, hosts, now)) {
    ({ certPem, keyPem } = await issueServerCertificate({ caPem, caKeyPem }, now, hosts));
    await writeFileAtomic(join(dir, TLS_FILES.key), keyPem);
    await writeFileAtomic(join(dir, TLS_FILES.cert), certPem);
  }
  return { caPem, caKeyPem, certPem, keyPem, caFile: join(dir, TLS_FILES.ca) };
}
