import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAML } from '@node-saml/node-saml';
import { parse } from 'node-html-parser';
import { CLI } from '../support/cli';
import { GENERIC_SP } from '../../src/core/sites/generic-defaults';

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Starts `saml-harness serve` and reads what it prints until it is ready. */
async function serve(args: string[]): Promise<{ lines: string[]; exited: Promise<number | null> }> {
  dir = await mkdtemp(join(tmpdir(), 'harness-serve-'));
  const c = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workspace', dir, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  child = c;
  const exited = new Promise<number | null>((done) => c.on('exit', (code) => done(code)));
  let out = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${out}`)), 20_000);
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        ready();
      }
    });
  });
  return { lines: out.split('\n'), exited };
}

const field = (lines: string[], label: string) =>
  lines
    .find((l) => l.trim().startsWith(label))!
    .split(/\s+/)
    .pop()!;

describe('saml-harness serve', () => {
  it('answers an AuthnRequest from @node-saml/node-saml over HTTP, and node-saml accepts the response', async () => {
    const { lines, exited } = await serve(['--user', 'adele.vance@contoso.com']);
    const loginUrl = field(lines, 'Login URL:');
    expect(loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/vh\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/saml2$/);
    const metadataUrl = lines.find((l) => l.includes('Generic SAML SP'))!.split('metadata: ')[1]!;
    const metadata = await (await fetch(metadataUrl)).text();
    const cert = /<(?:\w+:)?X509Certificate>([^<]+)</.exec(metadata)![1]!;

    const sp = new SAML({
      entryPoint: loginUrl,
      issuer: GENERIC_SP.entityId,
      callbackUrl: GENERIC_SP.acsUrl,
      idpCert: cert,
      wantAuthnResponseSigned: false,
      wantAssertionsSigned: true,
      disableRequestedAuthnContext: true,
    });
    const res = await fetch(await sp.getAuthorizeUrlAsync('', undefined, {}), { redirect: 'manual' });
    expect(res.status).toBe(200);
    const form = parse(await res.text()).querySelector('form')!;
    expect(form.getAttribute('action')).toMatch(/sp\.example\.com\/saml\/acs$/);
    const samlResponse = form.querySelector('input[name=SAMLResponse]')!.getAttribute('value')!;
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile?.nameID).toBe('adele.vance@contoso.com');

    child!.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('a bad port is bad usage', async () => {
    const c = spawn(process.execPath, [CLI, 'serve', '--port', 'eighty'], { env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((done) => c.on('exit', done));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be a port number/);
  });
});
