import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { runCli, runCliClosedEarly } from '../support/cli';
import { workspaceWithoutIdpConfig } from '../support/unconfigured-workspace';
import { hopsToHar } from '../../src/core/trace/har';
import { presetById } from '../../src/core/scenarios/presets';
import { runScenario } from '../../src/core/scenarios/runner';
import { serializeScenario } from '../../src/core/scenarios/scenario-file';
import { loadScenarioFile } from '../../src/core/scenarios/scenario-files';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const parseXml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

describe('saml-harness run', () => {
  it('runs the examples and writes JUnit XML a CI server reads', async () => {
    const out = join(dir, 'junit.xml');
    const r = await runCli(['run', 'examples/scenarios', '--reporter', 'junit', '--out', out], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/19 passed, 0 failed \(19 scenarios\)/);
    const doc = parseXml(await readFile(out, 'utf8'));
    const suites = doc.documentElement;
    expect(suites.nodeName).toBe('testsuites');
    expect(suites.getAttribute('tests')).toBe('19');
    expect(suites.getAttribute('failures')).toBe('0');
    const cases = Array.from(suites.getElementsByTagName('testcase'));
    expect(cases).toHaveLength(19);
    for (const c of cases) {
      expect(c.getAttribute('name')).toBeTruthy();
      expect(c.getAttribute('classname')).toMatch(/^examples\.scenarios\./);
      expect(Number(c.getAttribute('time'))).toBeGreaterThan(0);
    }
  });

  it('exits 1 and reports a mismatch as a failure and an unreadable file as an error', async () => {
    const folder = join(dir, 'mixed');
    const good = presetById('imagekit/INVALID_ROLE')!.build();
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a-passes.json'), serializeScenario(good));
    await writeFile(join(folder, 'b-mismatch.json'), serializeScenario({ ...good, name: 'expects a sign-in', expect: { status: 'signed-in' } }));
    await writeFile(join(folder, 'c-broken.json'), '{"format": "saml-harness/scenario", "version": 1, "name": 3}');
    const out = join(dir, 'mixed.xml');
    const r = await runCli(['run', folder, '--reporter', 'junit', '--out', out], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    const doc = parseXml(await readFile(out, 'utf8'));
    expect(doc.documentElement.getAttribute('failures')).toBe('1');
    expect(doc.documentElement.getAttribute('errors')).toBe('1');
    const failure = doc.getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('message')).toBe('expected signed in, got error INVALID_ROLE from the SP');
    expect(doc.getElementsByTagName('error')[0]!.getAttribute('type')).toBe('SCENARIO_INVALID');

    const human = await runCli(['run', folder], { timeoutMs: 60_000 });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✓ ImageKit: INVALID_ROLE/);
    expect(human.stdout).toMatch(/✗ expects a sign-in .*expected signed in, got error INVALID_ROLE from the SP/);
    expect(human.stdout).toMatch(/✗ .*c-broken\.json .*name: /);
    expect(human.stdout).toMatch(/1 passed, 2 failed \(3 scenarios\)/);

    const json = await runCli(['run', join(folder, 'a-passes.json'), '--reporter', 'json'], { timeoutMs: 60_000 });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: 1, failed: 0, results: [{ status: 'passed', actual: { status: 'error', code: 'INVALID_ROLE' } }] });
  });

  it('bad usage exits 2 with the help', async () => {
    const none = await runCli(['run']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/name at least one scenario file or folder[\s\S]*Usage: saml-harness run/);
    expect((await runCli(['run', 'examples/scenarios', '--reporter', 'xml'])).code).toBe(2);
    expect((await runCli(['run', 'no/such/folder'])).stderr).toMatch(/no such file or folder/);
  });

  it('stops quietly when its reader stops early, as `| head -1` does', async () => {
    const r = await runCliClosedEarly(['run', 'examples/scenarios']);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  });
});

describe('saml-harness reproduce and presets', () => {
  it('reproduces a code, saves the scenario, and the saved file replays', async () => {
    const file = join(dir, 'cloudinary-7.json');
    const r = await runCli(['reproduce', 'cloudinary/7', '--save', file], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Outcome: 7 \(HTTP 400\) from sp: ROLE_LOOKUP_ERROR/);
    expect(r.stdout).toMatch(/Reproduced 7\./);
    // It says why: the refused value beside the accepted ones, and the one change from the working set-up.
    expect(r.stdout).toMatch(
      /What collided\n {2}Claim CloudinaryRole\n {4}sent {2}Media_Library_User {2}\(The assertion's CloudinaryRole attribute\)\n {4}held {2}\S+ {2}\(Values the vendor accepts \(case-sensitive\)\)/,
    );
    expect(r.stdout).toMatch(/Changed from the working set-up\n(.*\n)* {2}The run's attribute set: \(not set\) → Media_Library_User/);
    expect((await runCli(['run', file], { timeoutMs: 60_000 })).code).toBe(0);
    expect((await runCli(['reproduce', 'nope'])).code).toBe(2);
  });

  it('lists the presets: one per code', async () => {
    const r = await runCli(['presets', '--json']);
    const list = JSON.parse(r.stdout) as Array<{ id: string }>;
    expect(list.length).toBeGreaterThanOrEqual(80);
    expect(list.map((p) => p.id)).toContain('entra/AADSTS50011');
  });
});

describe('saml-harness diagnose and decode', () => {
  let har: string;
  beforeAll(async () => {
    const run = await runScenario(presetById('imagekit/INVALID_ROLE')!.build());
    har = join(dir, 'capture.har');
    await writeFile(har, JSON.stringify(hopsToHar(run.result.hops, run.result.startedAt)));
    await workspaceWithoutIdpConfig(join(dir, 'ws'), 'imagekit');
  });

  it('diagnoses a HAR file: the vendor code, the reason and the fix; exit 1', async () => {
    const r = await runCli(['diagnose', har, '--workspace', join(dir, 'ws')], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/Diagnosis of .*capture\.har \(HAR file: 4 sign-in hops\)/);
    expect(r.stdout).toMatch(/✗ INVALID_ROLE Invalid role \(HTTP 400\)/);
    // This workspace's ImageKit holds no IdP configuration: the signer is assumed, and said to be.
    expect(r.stdout).toMatch(/Signed by CN=Microsoft Azure Federated SSO Certificate, thumbprint [0-9A-F]{40} \(assumed: nothing is known of the IdP\)/);
    expect(r.stdout).toMatch(/Entra › Attributes & Claims › claim "imagekit_role": Add a ToLowercase\(\) transformation/);
    const json = await runCli(['diagnose', '-', '--json', '--at', 'issue-instant', '--workspace', join(dir, 'ws')], { input: await readFile(har, 'utf8'), timeoutMs: 60_000 });
    expect(JSON.parse(json.stdout)).toMatchObject({ asOf: { mode: 'issue-instant' }, verdicts: [{ vendorId: 'imagekit', outcome: { kind: 'refused', error: { code: 'INVALID_ROLE' } } }] });
  });

  it('bad input exits 2 and names the problem', async () => {
    const missing = await runCli(['diagnose', 'no-such-file.har']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.har: no such file/);
    const notHar = join(dir, 'other.json');
    await writeFile(notHar, '{"hello": 1}');
    const other = await runCli(['diagnose', notHar, '--workspace', join(dir, 'ws')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/neither a HAR file .* nor a SAML-tracer export/);
    expect((await runCli(['diagnose', har, '--at', 'yesterday'])).code).toBe(2);
  });

  it('diagnoses a folder of artefacts: a line each, a count, exit 1 when any would fail or could not be read', async () => {
    const folder = join(dir, 'batch');
    await mkdir(join(folder, 'b-nested'), { recursive: true });
    const loaded = await loadScenarioFile('examples/scenarios/imagekit-sign-in.json');
    if (!loaded.ok) throw loaded.error;
    const good = await runScenario(loaded.value);
    await writeFile(join(folder, 'a-refused.har'), await readFile(har, 'utf8'));
    await writeFile(join(folder, 'b-nested', 'good.har'), JSON.stringify(hopsToHar(good.result.hops, good.result.startedAt)));
    await writeFile(join(folder, 'c-broken.xml'), 'hello, this is no SAML');
    await writeFile(join(folder, 'd-truncated.xml'), '<samlp:Response');
    await writeFile(join(folder, 'ignored.png'), 'not an artefact');
    const r = await runCli(['diagnose', folder, '--at', 'issue-instant', '--workspace', join(dir, 'ws')], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✗ .*a-refused\.har {2}.*INVALID_ROLE/);
    expect(lines[1]).toMatch(/^\? .*b-nested\/good\.har {2}Undetermined: signer unknown/);
    expect(lines[2]).toMatch(/^! .*c-broken\.xml {2}This is not a SAML message: it reads as plain text \("hello, this is no SAML"\)/);
    expect(lines[3]).toMatch(/^! .*d-truncated\.xml {2}The input is XML but cannot be read: The XML is not well-formed/);
    expect(r.stdout).toMatch(/4 artefacts in \d+ ms: 0 would sign in, 1 refused, 1 undetermined, 0 with no SAML message, 2 unreadable/);
    expect(r.stdout).not.toContain('ignored.png');
    // Spread over two worker threads (the bundle starts them), the lines are the same, in the same order.
    const threads = await runCli(['diagnose', folder, '--jobs', '2', '--at', 'issue-instant', '--workspace', join(dir, 'ws')], { timeoutMs: 60_000 });
    expect(threads.code, threads.stderr).toBe(1);
    expect(threads.stdout.trim().split('\n').slice(0, 4)).toEqual(lines.slice(0, 4));
    expect((await runCli(['diagnose', folder, '--jobs', '0'])).stderr).toMatch(/--jobs must be a whole number from 1 to 64, not "0"/);
    const json = await runCli(['diagnose', join(folder, 'a-refused.har'), join(folder, 'c-broken.xml'), '--json', '--workspace', join(dir, 'ws')], { timeoutMs: 60_000 });
    expect(JSON.parse(json.stdout)).toMatchObject([
      { file: expect.stringMatching(/a-refused\.har$/) as string, diagnosis: { verdicts: [{ outcome: { kind: 'refused' } }] } },
      { error: { code: 'ARTEFACT_UNREADABLE' } },
    ]);
  });

  it('decodes every message of a capture, and a URL', async () => {
    const r = await runCli(['decode', har]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SAMLResponse · Response _[0-9a-f-]+ · hop 4 · https:\/\/imagekit\.io\/saml\/consume/);
    expect(r.stdout).toContain('<Assertion');
    const { authnRequestXml, redirectQuery } = await import('../../src/core/scenarios/crafted-requests');
    const url = `https://login.microsoftonline.com/x/saml2?${redirectQuery(authnRequestXml({}, { issuer: 'urn:test', acsUrl: 'https://sp.test/acs', now: new Date() }))}`;
    const u = await runCli(['decode', url]);
    expect(u.stdout).toMatch(/SAMLRequest · AuthnRequest _/);
    expect(u.stdout).toContain('<saml:Issuer>urn:test</saml:Issuer>');
  });
});

describe('saml-harness attack', () => {
  it('refuses every attack against a vendor and says which check did; exit 0', async () => {
    const r = await runCli(['attack', '--sp', 'cloudinary', '--json'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const [run] = JSON.parse(r.stdout) as Array<{ displayName: string; passed: boolean; results: Array<{ id: string; refusedBy?: string; failed: string[] }> }>;
    expect(run).toMatchObject({ displayName: 'Cloudinary', passed: true });
    expect(run!.results.find((x) => x.id === 'xsw5')!.failed).toContain('signature.coverage');
    const human = await runCli(['attack', '--sp', 'imagen'], { timeoutMs: 60_000 });
    expect(human.stdout).toMatch(/✓ XSW1: .*\n\s+refused by .*a naive SP signs in the victim/);
    expect(human.stdout).toMatch(/all \d+ as they should be/);
    expect((await runCli(['attack', '--sp', 'dropbox'])).code).toBe(2);
  });
});

describe('saml-harness metadata', () => {
  it("prints an app's Federation Metadata XML; an unknown app exits 2 naming the ones there are", async () => {
    const ws = join(dir, 'ws');
    const r = await runCli(['metadata', '--app', 'cloudinary', '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(parseXml(r.stdout).documentElement.localName).toBe('EntityDescriptor');
    const bad = await runCli(['metadata', '--app', 'nope', '--workspace', ws]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no app "nope"; this workspace has .*"Cloudinary" \(cloudinary\)/);
  });
});
