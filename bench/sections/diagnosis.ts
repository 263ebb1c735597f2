import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { diagnose } from '../../src/core/diagnose/diagnose';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { hopsToHar } from '../../src/core/trace/har';
import type { Hop } from '../../src/core/flows/user-agent';
import { defaultJobs } from '../../src/cli/diagnose-batch';
import { TOKEN_HEADER, startWebUi } from '../../src/core/runtime/web-api';
import { hostileHar } from '../hostile-har';

const CLI = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const USER = 'adele.vance@contoso.com';

export interface DiagnosisResult {
  files: number;
  distinctResponses: number;
  /** `saml-harness diagnose <folder>` over the files, from process start to exit. */
  totalMs: number;
  perDiagnosisMs: number;
  /** Threads the command spread the batch over (one per core). */
  jobs: number;
  /** The same command on one thread. */
  oneThreadMs: number;
  allDiagnosed: boolean;
  har: { entries: number; responses: number; ms: number };
  /** A hostile HAR through the web API: its size, the time to the answer, the answer's size, the host's longest stall. */
  hostileHar: { entries: number; mb: number; ms: number; answerMb: number; longestStallMs: number };
}

/**
 * Diagnoses a HAR of `entries` SAML requests through web mode's API while the tenant's status page is asked for
 * every 20 ms: how long the answer takes, how big it is, and the longest the host kept another request waiting.
 */
async function hostileHarBench(rt: HarnessRuntime, entries: number): Promise<DiagnosisResult['hostileHar']> {
  const ui = await startWebUi(rt, { uiDir: tmpdir() });
  const text = hostileHar(entries);
  const waits: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      await (await fetch(`${rt.origin}/status`)).text();
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const t0 = performance.now();
    const res = await fetch(`${ui.origin}/api/rpc/diagnose.run`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: ui.token }, body: JSON.stringify({ text }) });
    const answer = await res.text();
    const ms = performance.now() - t0;
    if (!(JSON.parse(answer) as { ok: boolean }).ok) throw new Error(`the hostile HAR was not diagnosed: ${answer.slice(0, 300)}`);
    return { entries, mb: Math.round(text.length / 1e5) / 10, ms: Math.round(ms), answerMb: Math.round(answer.length / 1e4) / 100, longestStallMs: Math.round(Math.max(...waits, 0)) };
  } finally {
    done = true;
    await probe;
    await ui.stop();
  }
}

/** Runs the command line's batch diagnose; returns its wall time and how many would sign in. */
async function runDiagnose(dir: string, workspace: string, jobs: number | undefined): Promise<{ ms: number; signedIn: number; total: number }> {
  const t0 = performance.now();
  const args = [CLI, 'diagnose', dir, '--workspace', workspace, ...(jobs ? ['--jobs', String(jobs)] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }).catch((e: { stdout?: string; code?: number }) => {
    if (e.code === 1 && e.stdout) return { stdout: e.stdout };
    throw e;
  });
  const ms = performance.now() - t0;
  const m = /(\d+) artefacts in \d+ ms: (\d+) would sign in/.exec(stdout);
  if (!m) throw new Error(`diagnose printed no summary:\n${stdout.slice(-500)}`);
  return { ms, total: Number(m[1]), signedIn: Number(m[2]) };
}

/**
 * Response files as customers send them (half XML, half base64): `distinct` IdP-initiated Cloudinary sign-ins
 * of the demo workspace, repeated to `files`, diagnosed by `saml-harness diagnose <folder>` against it.
 */
export async function diagnosisBench(files = 10_000, distinct = 500): Promise<DiagnosisResult> {
  const workspace = await mkdtemp(join(tmpdir(), 'harness-bench-ws-'));
  const dir = await mkdtemp(join(tmpdir(), 'harness-bench-diagnose-'));
  const rt = await HarnessRuntime.open({ dir: workspace });
  try {
    const responses: string[] = [];
    const hops: Hop[] = [];
    for (let i = 0; i < distinct; i++) {
      const run = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: USER });
      if (run.result.outcome.status !== 'signed-in') throw new Error(`the bench flow did not sign in: ${JSON.stringify(run.result.outcome)}`);
      const posted = run.result.hops.find((h) => h.form?.SAMLResponse)?.form?.SAMLResponse;
      if (!posted) throw new Error('the bench flow posted no SAMLResponse');
      responses.push(Buffer.from(posted, 'base64').toString('utf8'));
      if (i < 250) hops.push(...run.result.hops);
    }
    await Promise.all(
      Array.from({ length: files }, (_, i) => {
        const xml = responses[i % distinct]!;
        return i % 2 ? writeFile(join(dir, `r${i}.xml`), xml) : writeFile(join(dir, `r${i}.b64`), Buffer.from(xml).toString('base64'));
      }),
    );
    const parallel = await runDiagnose(dir, workspace, undefined);
    const single = await runDiagnose(dir, workspace, 1);

    const har = JSON.stringify(
      hopsToHar(
        hops.map((h, i) => ({ ...h, index: i })),
        new Date().toISOString(),
      ),
    );
    const vendors = [{ id: 'cloudinary', sp: rt.vendor('cloudinary') }];
    const t1 = performance.now();
    const artefact = readArtefact(har);
    if (!artefact.ok) throw artefact.error;
    const d = await diagnose(artefact.value, { vendors, asOf: { mode: 'now' }, now: new Date() });
    const harMs = performance.now() - t1;
    if (!d.ok) throw d.error;
    const hostile = await hostileHarBench(rt, files >= 1000 ? 100_000 : 2_000);
    return {
      files,
      distinctResponses: distinct,
      totalMs: Math.round(parallel.ms),
      perDiagnosisMs: Math.round((parallel.ms / files) * 1000) / 1000,
      jobs: defaultJobs(files),
      oneThreadMs: Math.round(single.ms),
      allDiagnosed: parallel.total === files && parallel.signedIn === files && single.signedIn === files,
      har: { entries: hops.length, responses: artefact.value.messages.filter((m) => m.view.kind === 'Response').length, ms: Math.round(harMs) },
      hostileHar: hostile,
    };
  } finally {
    await rt.close();
    await rm(dir, { recursive: true, force: true });
    await rm(workspace, { recursive: true, force: true });
  }
}
