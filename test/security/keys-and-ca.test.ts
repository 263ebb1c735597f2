import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { CA_LIFETIME_DAYS, caNeedsRenewal, createLocalCa, issueServerCertificate } from '../../src/core/crypto/local-ca';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { TLS_FILES } from '../../src/core/workspace/tls-files';

// Another account on the machine must not read the keys the user's SP trusts, and the CA the user's browser
// trusts must not be able to vouch for any site but the harness's own names.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-keys-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const mode = async (p: string) => (await stat(p)).mode & 0o777;

async function walk(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const r = join(rel, e.name);
    out.push(r);
    if (e.isDirectory()) out.push(...(await walk(root, r)));
  }
  return out;
}

function opensslVerify(caFile: string, certFile: string): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('openssl', ['verify', '-CAfile', caFile, certFile], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('the workspace on disk', () => {
  it('is created 0700 with every file 0600, the keys, the CA and the sign-in logs included', async () => {
    const ws = join(dir, 'fresh');
    const rt = await HarnessRuntime.open({ dir: ws, https: {} });
    await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    await rt.close();
    expect(await mode(ws)).toBe(0o700);
    const entries = await walk(ws);
    expect(entries).toEqual(expect.arrayContaining([TLS_FILES.caKey, TLS_FILES.key, 'tenant.json', 'runs/index.jsonl']));
    for (const rel of entries) {
      const st = await stat(join(ws, rel));
      expect(st.mode & 0o777, rel).toBe(st.isDirectory() ? 0o700 : 0o600);
    }
  });

  it('found readable by others, is tightened on load, with a note saying so', async () => {
    const ws = join(dir, 'fresh');
    await chmod(ws, 0o755);
    await chmod(join(ws, TLS_FILES.caKey), 0o644);
    await chmod(join(ws, 'apps'), 0o755);
    const rt = await HarnessRuntime.open({ dir: ws });
    const note = rt.problems.find((p) => p.code === 'PERMISSIONS_TIGHTENED');
    await rt.close();
    expect(note?.message).toMatch(/3 file\(s\) or folder\(s\).*readable by you alone/);
    expect(await mode(ws)).toBe(0o700);
    expect(await mode(join(ws, TLS_FILES.caKey))).toBe(0o600);
    expect(await mode(join(ws, 'apps'))).toBe(0o700);
  });
});

describe('the local CA', () => {
  const hosts = ['login.microsoftonline.com', 'imagekit.io'];

  it('has critical Name Constraints and lives two years, not ten', async () => {
    const ca = await createLocalCa(new Date(), hosts);
    const cert = new x509.X509Certificate(ca.caPem);
    const nc = cert.getExtension('2.5.29.30');
    expect(nc?.critical).toBe(true);
    const days = (cert.notAfter.getTime() - cert.notBefore.getTime()) / 86400_000;
    expect(Math.round(days)).toBe(CA_LIFETIME_DAYS);
    expect(new X509Certificate(ca.caPem).ca).toBe(true);
  });

  it('cannot vouch for another site: openssl refuses a certificate it signed for accounts.google.com, and takes the names it serves', async () => {
    const now = new Date();
    const ca = await createLocalCa(now, hosts);
    const caFile = join(dir, 'ca.pem');
    await writeFile(caFile, ca.caPem);
    const check = async (name: string) => {
      const leaf = await issueServerCertificate(ca, now, [name]);
      const file = join(dir, `${name}.pem`);
      await writeFile(file, leaf.certPem);
      return opensslVerify(caFile, file);
    };
    const google = await check('accounts.google.com');
    expect(google.ok).toBe(false);
    expect(google.out).toMatch(/permitted subtree violation|name constraint/i);
    expect((await check('login.microsoftonline.com')).ok).toBe(true);
    expect((await check('imagekit.io')).ok).toBe(true);
  });

  it('is made anew, with a reason, when it has no constraints, expires soon, or may not sign a name now served', async () => {
    const now = new Date();
    const ca = await createLocalCa(now, hosts);
    expect(caNeedsRenewal(ca.caPem, hosts, now)).toBeUndefined();
    expect(caNeedsRenewal(ca.caPem, ['www.imagekit.io'], now)).toBeUndefined();
    expect(caNeedsRenewal(ca.caPem, [...hosts, 'cloudinary.com'], now)).toMatch(/may not sign for cloudinary\.com/);
    expect(caNeedsRenewal(ca.caPem, hosts, new Date(now.getTime() + (CA_LIFETIME_DAYS - 10) * 86400_000))).toMatch(/expires/);
  });

  it('an old unconstrained CA in a workspace is replaced at start, and the runtime says to trust the new one', async () => {
    const ws = join(dir, 'old-ca');
    const rt0 = await HarnessRuntime.open({ dir: ws, https: {} });
    await rt0.close();
    // What an earlier version wrote: a CA with no Name Constraints.
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const old = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=SAML Harness local CA',
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 3650 * 86400_000),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      keys,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
    });
    await writeFile(join(ws, TLS_FILES.ca), old.toString('pem'));
    const rt = await HarnessRuntime.open({ dir: ws, https: {} });
    const note = rt.problems.find((p) => p.code === 'CA_RENEWED');
    await rt.close();
    expect(note?.message).toMatch(/no Name Constraints.*Trust the new tls\/ca\.pem/);
    expect(new x509.X509Certificate(await readFile(join(ws, TLS_FILES.ca), 'utf8')).getExtension('2.5.29.30')).toBeTruthy();
  });
});
