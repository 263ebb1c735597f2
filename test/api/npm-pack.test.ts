import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });

let project: string;

/**
 * The package as another project gets it: `npm pack`, installed from the tarball into a fresh project next to
 * the SP library that project tests with. The bin, the API bundle and the UI are what test/global-setup.ts
 * built for this run; prepack would build them again under the other tests' feet, so only the declarations
 * are built here and pack skips its scripts.
 */
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'uses-saml-harness-'));
  await npm(['run', 'build:types'], ROOT);
  await npm(['pack', '--ignore-scripts', '--pack-destination', project], ROOT);
  const tarball = (await readdir(project)).find((f) => f.endsWith('.tgz'))!;
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-app-tests', private: true, type: 'module' }));
  await npm(['install', `./${tarball}`, '@node-saml/node-saml@^5.1.0'], project);
}, 600_000);
afterAll(() => rm(project, { recursive: true, force: true }));

// The other project's own test: its SP library checks what the mock issued.
const SP_TEST = `
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAML } from '@node-saml/node-saml';
import { startMockEntra } from 'saml-harness';

test('my SP signs in through the mock Entra tenant', async () => {
  const entra = await startMockEntra({ users: [{ upn: 'dev@contoso.com', attributes: { mail: 'dev@contoso.com' } }] });
  try {
    const app = await entra.addApp({ name: 'My app', identifier: 'urn:my-app', replyUrl: 'http://127.0.0.1:3000/acs' });
    const cert = /<X509Certificate>([^<]+)</.exec(app.metadataXml)[1];
    const sp = new SAML({ entryPoint: entra.loginUrl, idpIssuer: entra.issuer, issuer: 'urn:my-app', callbackUrl: 'http://127.0.0.1:3000/acs', idpCert: cert, wantAuthnResponseSigned: false, audience: 'urn:my-app' });
    const page = await (await fetch(await sp.getAuthorizeUrlAsync('', undefined, {}))).text();
    const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)[1];
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    assert.equal(profile.nameID, 'dev@contoso.com');
    assert.equal(entra.issued().length, 1);
  } finally {
    await entra.stop();
  }
});
`;

const TYPED = `
import { startMockEntra, type MockEntra, type MockAppInput } from 'saml-harness';
const input: MockAppInput = { name: 'x', identifier: 'urn:x', replyUrl: 'http://127.0.0.1/acs', signing: { option: 'response-and-assertion' } };
export async function f(): Promise<string> {
  const e: MockEntra = await startMockEntra({ https: true });
  const app = await e.addApp(input);
  e.fault('AADSTS50105', { appId: app.appId });
  return app.metadataUrl;
}
`;

describe('the npm pack tarball in another project', () => {
  it('its own test imports startMockEntra and its SP library accepts the response', async () => {
    await writeFile(join(project, 'sp.test.mjs'), SP_TEST);
    const { stdout } = await run(process.execPath, ['--test', 'sp.test.mjs'], { cwd: project, timeout: 120_000 });
    expect(stdout).toMatch(/# pass 1/);
    expect(stdout).toMatch(/# fail 0/);
  }, 180_000);

  it('the types resolve for a TypeScript project (NodeNext)', async () => {
    await writeFile(join(project, 'typed.ts'), TYPED);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const check = (file: string) =>
      run(
        process.execPath,
        [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), file],
        { cwd: project },
      ).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
      );
    expect(await check('typed.ts')).toEqual({ code: 0, out: '' });
    // And the types can see a mistake: an option the API does not have.
    await writeFile(join(project, 'wrong.ts'), `import { startMockEntra } from 'saml-harness';\nvoid startMockEntra({ prot: 1 });\n`);
    const wrong = await check('wrong.ts');
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/'prot' does not exist in type 'MockEntraOptions'/);
  }, 120_000);

  it('the bin works there: saml-harness presets and diagnose --help', async () => {
    const bin = join(project, 'node_modules/.bin/saml-harness');
    const { stdout } = await run(bin, ['presets', '--json'], { cwd: project });
    expect((JSON.parse(stdout) as unknown[]).length).toBeGreaterThanOrEqual(88);
    expect((await run(bin, ['diagnose', '--help'], { cwd: project })).stdout).toMatch(/Exit codes: 0/);
  }, 120_000);
});
