import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { loadScenarioFile } from '../../src/core/scenarios/scenario-files';
import { runScenario } from '../../src/core/scenarios/runner';
import { hopsToHar } from '../../src/core/trace/har';
import { presetById } from '../../src/core/scenarios/presets';
import { runCli } from '../support/cli';
import { postedResponse } from '../support/captures';
import { workspaceWithoutIdpConfig } from '../support/unconfigured-workspace';

let dir: string;
let good: string;
let refused: string;
let cert: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-exit-'));
  const loaded = await loadScenarioFile('examples/scenarios/imagekit-sign-in.json');
  if (!loaded.ok) throw loaded.error;
  const run = await runScenario(loaded.value);
  good = join(dir, 'good.har');
  await writeFile(good, JSON.stringify(hopsToHar(run.result.hops, run.result.startedAt)));
  const xml = Buffer.from(postedResponse(run.result.hops), 'base64').toString('utf8');
  cert = join(dir, 'idp.pem');
  await writeFile(cert, xml.match(/<(?:\w+:)?X509Certificate>([^<]+)</)![1]!);
  const bad = await runScenario(presetById('imagekit/INVALID_ROLE')!.build());
  refused = join(dir, 'refused.har');
  await writeFile(refused, JSON.stringify(hopsToHar(bad.result.hops, bad.result.startedAt)));
  await workspaceWithoutIdpConfig(ws(), 'imagekit');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const ws = () => join(dir, 'ws');
const diagnoseCli = (args: string[]) => runCli(['diagnose', ...args, '--at', 'issue-instant', '--workspace', ws()], { timeoutMs: 60_000 });

describe('saml-harness diagnose: one exit code for each answer', () => {
  it("0: trusted and accepted — the customer's certificate given with --cert", async () => {
    const r = await diagnoseCli([good, '--cert', cert]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Summary:.* ImageKit would sign in adele\.vance@contoso\.com/);
  });

  it("1: refused by the vendor's own rules — a refusal that stands whoever signed", async () => {
    const r = await diagnoseCli([refused]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/✗ INVALID_ROLE/);
  });

  it('1: refused when the signer is not the certificate given — never "would sign in"', async () => {
    const other = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=someone else' });
    const otherPem = join(dir, 'other.pem');
    await writeFile(otherPem, other.certificatePem);
    const r = await diagnoseCli([good, '--cert', otherPem]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/Summary: Signed by CN=Microsoft Azure Federated SSO Certificate, thumbprint [0-9A-F]{40} — not a certificate ImageKit holds\. ImageKit would refuse it/);
  });

  it("3: undetermined when nothing is known of the IdP (this workspace's ImageKit holds no configuration)", async () => {
    const r = await diagnoseCli([good]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/\? undetermined: signer unknown/);
    expect(r.stdout).toMatch(/Summary: Undetermined: signer unknown/);
  });

  it('4: no SAML message in the input', async () => {
    const har = join(dir, 'no-saml.har');
    const entry = {
      startedDateTime: new Date().toISOString(),
      time: 1,
      request: { method: 'GET', url: 'https://example.com/', httpVersion: 'HTTP/2', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/2', headers: [], cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    };
    await writeFile(har, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [entry] } }));
    const r = await diagnoseCli([har]);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout).toContain('No SAML message found in the artefact.');
  });

  it('2: a DTD is refused with its reason and one line of help, not the whole usage', async () => {
    const r = await diagnoseCli(['<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&x;</samlp:Response>']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DTD|DOCTYPE/);
    expect(r.stderr).toContain('Run "saml-harness diagnose --help" for the options.');
    expect(r.stderr).not.toContain('Usage:');
  });

  it('2: plain text is "not a SAML message", said as what it looks like — not a DEFLATE or base64 detail', async () => {
    const text = await runCli(['diagnose', '-', '--workspace', ws()], { input: 'Hi team, SSO is broken again\n' });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('This is not a SAML message: it reads as plain text ("Hi team, SSO is broken again").');
    expect(text.stderr).not.toMatch(/DEFLATE|base64 \(/);
    const base64 = await runCli(['diagnose', '-', '--workspace', ws()], { input: 'aGVsbG8gd29ybGQ=' });
    expect(base64.code).toBe(2);
    expect(base64.stderr).toContain('it is base64, but decodes neither to XML (HTTP-POST) nor to a DEFLATE-compressed message (HTTP-Redirect)');
  });

  it('--help states the trust rule and the exit codes', async () => {
    const r = await runCli(['diagnose', '--help']);
    expect(r.stdout).toMatch(/only when nothing at all is known of the IdP is the signer assumed/i);
    expect(r.stdout).toMatch(/3 undetermined .*\n.*4 no SAML message/);
  });
});

describe('saml-harness diagnose leaves the workspace as it is', () => {
  it('a vendor file that fails to load is reported and skipped, never renamed; the message says why the vendor is missing', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'harness-ro-'));
    try {
      (await HarnessRuntime.open({ dir: broken })).close();
      await writeFile(join(broken, 'vendors', 'generic.json'), '{ "format": "saml-harness/vendor", "version": 1, "data": ');
      const before = await readdir(join(broken, 'vendors'));
      const r = await runCli(['diagnose', good, '--vendor', 'generic', '--workspace', broken], { timeoutMs: 60_000 });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/vendors\/generic\.json is not valid JSON.*left as it is and skipped/);
      expect(r.stderr).toMatch(/No vendor "generic"; .*These could not be loaded: vendors\/generic\.json is not valid JSON/);
      expect(await readdir(join(broken, 'vendors'))).toEqual(before);
      expect(await readFile(join(broken, 'vendors', 'generic.json'), 'utf8')).toBe('{ "format": "saml-harness/vendor", "version": 1, "data": ');
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});

describe('saml-harness diagnose on an encrypted response', () => {
  it('without the SP key it says the assertion could not be read (exit 3); with --sp-key it decrypts and checks the signature inside (exit 0)', async () => {
    const wsDir = await mkdtemp(join(tmpdir(), 'harness-enc-'));
    try {
      const rt = await HarnessRuntime.open({ dir: wsDir });
      const spKey = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=acme sp encryption' });
      const entry = rt.ws.vendors.find((v) => v.id === 'generic')!;
      const app = rt.ws.apps.find((a) => a.objectId === entry.appObjectId)!;
      app.encryption = { active: true, certificatePem: spKey.certificatePem };
      await rt.store.saveApp(app);
      const run = await rt.runFlow({ vendorId: 'generic', flow: 'idp-initiated', user: 'adele.vance@contoso.com' });
      await rt.close();
      const posted = postedResponse(run.result.hops);
      expect(Buffer.from(posted, 'base64').toString('utf8')).toContain('EncryptedAssertion');
      const keyFile = join(wsDir, 'sp-key.pem');
      await writeFile(keyFile, spKey.privateKeyPem);
      const without = await runCli(['diagnose', posted, '--vendor', 'generic', '--at', 'issue-instant', '--workspace', wsDir], { timeoutMs: 60_000 });
      expect(without.code, without.stdout).toBe(3);
      expect(without.stdout).toMatch(/undetermined: the assertion is encrypted/);
      expect(without.stdout).not.toMatch(/nothing is signed/);
      const withKey = await runCli(['diagnose', posted, '--vendor', 'generic', '--at', 'issue-instant', '--sp-key', keyFile, '--workspace', wsDir, '--json'], { timeoutMs: 60_000 });
      expect(withKey.code, withKey.stderr).toBe(0);
      const d = JSON.parse(withKey.stdout) as { verdicts: Array<{ report: { checks: Array<{ id: string; status: string; reason: string }> } }> };
      const checks = Object.fromEntries(d.verdicts[0]!.report.checks.map((c) => [c.id, c]));
      expect(checks['assertion.decryption']!.status).toBe('pass');
      expect(checks['signature.required']).toMatchObject({ status: 'pass', reason: expect.stringContaining('Assertion') as string });
      expect(checks['signature.trusted']!.status).toBe('pass');
      expect(withKey.stdout).not.toContain('PRIVATE KEY');
    } finally {
      await rm(wsDir, { recursive: true, force: true });
    }
  });
});
