import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { haveRealFixtures, REAL_DIR } from '../support/real-fixtures';

// The real 2022 Entra response is addressed to devpg.tercen.com, an SP no workspace of ours has. No vendor's
// refusal of it is advice anyone should give: the verdict is "undetermined", with what the response is addressed to.

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'harness-unaddressed-'));
});
afterAll(() => rm(ws, { recursive: true, force: true }));

describe.skipIf(!haveRealFixtures)('diagnose of a response addressed to no SP of the workspace', () => {
  it('is undetermined (exit 3), names the Destination, and blames no vendor', async () => {
    const r = await runCli(['diagnose', join(REAL_DIR, 'azure-response-5b5c94c6-2022.xml'), '--workspace', join(ws, 'demo'), '--json']);
    expect(r.code, r.stderr).toBe(3);
    const d = JSON.parse(r.stdout) as { conclusion: string; summary: string; verdicts: unknown[] };
    expect(d.conclusion).toBe('undetermined');
    expect(d.verdicts).toEqual([]);
    expect(d.summary).toContain('addressed to no SP of this workspace (Destination https://devpg.tercen.com/_service/sso/auth/saml');
    expect(d.summary).not.toMatch(/Cloudinary|ImageKit|would refuse/);
  });

  it('is checked against the vendor asked for, which says it is addressed elsewhere', async () => {
    const r = await runCli(['diagnose', join(REAL_DIR, 'azure-response-5b5c94c6-2022.xml'), '--vendor', 'cloudinary', '--workspace', join(ws, 'demo'), '--json']);
    const d = JSON.parse(r.stdout) as { verdicts: Array<{ vendorId: string; addressed: boolean }> };
    expect(d.verdicts).toMatchObject([{ vendorId: 'cloudinary', addressed: false }]);
  });
});
