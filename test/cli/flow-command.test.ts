import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

describe('saml-harness flow', () => {
  it('prints the trace, the report and the outcome of an SP-initiated sign-in', async () => {
    const { code, stdout } = await runCli(['flow', '--sandbox', '--sp', 'generic', '--mode', 'sp-initiated']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SP-initiated sign-in — 4 hops/);
    expect(stdout).toMatch(/GET {2}https:\/\/sp\.example\.com\/login {2}302/);
    expect(stdout).toContain('SAMLRequest (HTTP-Redirect) AuthnRequest');
    expect(stdout).toContain('picked adele.vance@contoso.com');
    expect(stdout).toContain('SAMLResponse (HTTP-POST) Response');
    expect(stdout).toContain('✓ The signature covers the assertion used (no wrapping)');
    expect(stdout).toContain('Outcome: Signed in to Generic SAML SP as adele.vance@contoso.com');
  });

  it("--account-picker: the SP names no account, so the user picks one on Entra's picker", async () => {
    const hinted = await runCli(['flow', '--sandbox', '--sp', 'cloudinary', '--user', 'megan.bowen@contoso.com']);
    expect(hinted.code, hinted.stderr).toBe(0);
    expect(hinted.stdout).not.toContain('picked megan.bowen@contoso.com');
    const picked = await runCli(['flow', '--sandbox', '--sp', 'cloudinary', '--user', 'megan.bowen@contoso.com', '--account-picker']);
    expect(picked.code, picked.stderr).toBe(0);
    expect(picked.stdout).toContain('picked megan.bowen@contoso.com');
    expect(picked.stdout).toContain('Outcome: Signed in to Cloudinary as megan.bowen@contoso.com');
  });

  it('--json gives the same result for machines', async () => {
    const { code, stdout } = await runCli(['flow', '--sandbox', '--mode', 'idp-initiated', '--signing', 'response-and-assertion', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { flow: string; outcome: { status: string }; report: { ok: boolean; checks: Array<{ id: string; status: string }> } };
    expect(result.flow).toBe('idp-initiated');
    expect(result.outcome.status).toBe('signed-in');
    expect(result.report.checks.find((c) => c.id === 'signature.required')?.status).toBe('pass');
  });

  it('a failing flow exits 1; bad usage exits 2 with the help', async () => {
    const failing = await runCli(['flow', '--sandbox', '--user', 'nestor.wilke@contoso.com']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('AADSTS50057');
    const bad = await runCli(['flow', '--sandbox', '--mode', 'sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mode must be one of sp-initiated, idp-initiated, logout');
    expect(bad.stderr).toContain('Usage: saml-harness flow');
  });

  it('uses the same workspace as web, serve and the desktop app unless told --sandbox, and says which', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'flow-ws-')), 'workspace');
    try {
      const env = { SAML_HARNESS_WORKSPACE: dir };
      const signed = await runCli(['flow', '--mode', 'idp-initiated', '--signing', 'response'], { env });
      expect(signed.code, signed.stderr).toBe(0);
      expect(signed.stderr).toContain(`saml-harness: workspace ${dir}`);
      expect(existsSync(join(dir, 'apps'))).toBe(true);
      // The signing option set by the first run stays in that workspace: the next run's response is signed, the assertion is not.
      const again = await runCli(['flow', '--mode', 'idp-initiated', '--json'], { env });
      const { hops } = JSON.parse(again.stdout) as { hops: Array<{ saml?: Array<{ param: string; signatures: Array<{ element: string }> }> }> };
      const response = hops.flatMap((h) => h.saml ?? []).find((m) => m.param === 'SAMLResponse');
      expect(response?.signatures.map((s) => s.element)).toEqual(['Response']);
      // The commands that read a workspace say the same line.
      const metadata = await runCli(['metadata', '--app', 'imagekit'], { env });
      expect(metadata.stderr).toContain(`saml-harness: workspace ${dir}\n`);
      const diagnose = await runCli(['diagnose', '-'], { env, input: 'not a message' });
      expect(diagnose.stderr).toContain(`saml-harness: workspace ${dir} (read only)\n`);
      const sandbox = await runCli(['flow', '--sandbox', '--mode', 'idp-initiated'], { env });
      expect(sandbox.stderr).toContain('a fresh demo workspace (--sandbox), removed afterwards');
      // Both runs are in that workspace's sign-in logs; the sandbox's is not.
      const logged = (await readFile(join(dir, 'runs', 'index.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { source: string; flow: string; status: string });
      expect(logged.map((e) => [e.source, e.flow, e.status])).toEqual([
        ['run', 'idp-initiated', 'success'],
        ['run', 'idp-initiated', 'success'],
      ]);
      const both = await runCli(['flow', '--sandbox', '--workspace', dir]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('--sandbox and --workspace do not go together');
    } finally {
      await rm(dirname(dir), { recursive: true, force: true });
    }
  });
});
