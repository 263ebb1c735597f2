import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { caNeedsRenewal, createLocalCa, issueServerCertificate, serverCertificateCovers, type TlsMaterial } from '../crypto/local-ca';
import { writeFileAtomic } from './atomic-write';
import { assertInsideWorkspace } from './inside';

/** Where the workspace keeps its HTTPS material; `ca.pem` is the file to trust. */
export const TLS_FILES = { ca: 'tls/ca.pem', caKey: 'tls/ca-key.pem', cert: 'tls/server.pem', key: 'tls/server-key.pem' } as const;

async function read(dir: string, rel: string): Promise<string | undefined> {
  if (!existsSync(join(dir, rel))) return undefined;
  await assertInsideWorkspace(dir, join(dir, rel));
  return readFile(join(dir, rel), 'utf8');
}

/**
 * The workspace's local CA and server certificate, made on first use and kept: the CA once trusted stays
 * trusted while it may sign the names served; the server certificate is issued again when it expires or a host
 * name is added. A CA that must be made anew says why (`renewed`): the user trusts the new one.
 */
export async function loadOrCreateTls(dir: string, now: Date, hosts: readonly string[]): Promise<TlsMaterial & { caFile: string; renewed?: string }> {
  let caPem = await read(dir, TLS_FILES.ca);
  let caKeyPem = await read(dir, TLS_FILES.caKey);
  const renewed = caPem && caKeyPem ? caNeedsRenewal(caPem, hosts, now) : undefined;
  let certPem = renewed ? undefined : await read(dir, TLS_FILES.cert);
  let keyPem = renewed ? undefined : await read(dir, TLS_FILES.key);
  if (!caPem || !caKeyPem || renewed) {
    ({ caPem, caKeyPem } = await createLocalCa(now, hosts));
    await writeFileAtomic(join(dir, TLS_FILES.caKey), caKeyPem);
    await writeFileAtomic(join(dir, TLS_FILES.ca), caPem);
  }
  if (!certPem || !keyPem || !serverCertificateCovers(certPem, hosts, now)) {
    ({ certPem, keyPem } = await issueServerCertificate({ caPem, caKeyPem }, now, hosts));
    await writeFileAtomic(join(dir, TLS_FILES.key), keyPem);
    await writeFileAtomic(join(dir, TLS_FILES.cert), certPem);
  }
  return { caPem, caKeyPem, certPem, keyPem, caFile: join(dir, TLS_FILES.ca), ...(renewed ? { renewed } : {}) };
}
