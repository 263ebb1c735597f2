import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSpInitiated } from '../../src/core/flows/flows';
import { diagnoseMany } from '../../src/core/diagnose/diagnose';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { diagnose } from '../../src/core/diagnose/diagnose';
import { hopsToHar } from '../../src/core/trace/har';
import type { Hop } from '../../src/core/flows/user-agent';
import { cloudinaryBench } from '../fixture';

export interface DiagnosisResult {
  files: number;
  distinctResponses: number;
  /** 10,000 response files read and diagnosed. */
  totalMs: number;
  perDiagnosisMs: number;
  allDiagnosed: boolean;
  har: { entries: number; responses: number; ms: number };
}

/** Response files as customers send them: half XML, half base64; `distinct` different responses repeated. */
export async function diagnosisBench(files = 10_000, distinct = 500): Promise<DiagnosisResult> {
  const b = await cloudinaryBench();
  const dir = await mkdtemp(join(tmpdir(), 'harness-bench-diagnose-'));
  try {
    const responses: string[] = [];
    for (let i = 0; i < distinct; i++) responses.push(await b.kit.issue({ inResponseTo: null }));
    await Promise.all(
      Array.from({ length: files }, (_, i) => {
        const xml = responses[i % distinct]!;
        return i % 2 ? writeFile(join(dir, `r${i}.xml`), xml) : writeFile(join(dir, `r${i}.b64`), Buffer.from(xml).toString('base64'));
      }),
    );
    const vendors = [{ id: 'cloudinary', sp: b.box.vendor }];
    const opts = { vendors, asOf: { mode: 'now' as const }, now: new Date(), crossCheck: false };
    const t0 = performance.now();
    const names = await readdir(dir);
    const inputs = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
    const results = await diagnoseMany(inputs, opts);
    const totalMs = performance.now() - t0;
    const allDiagnosed = results.every((r) => r.result.ok && r.result.value.verdicts[0]?.report.ok === true);

    const hops: Hop[] = [];
    for (let i = 0; i < 250; i++) hops.push(...(await runSpInitiated(b.box.harness.flowEnv, b.box.vendor.site, { user: b.user, email: b.user })).hops);
    const har = JSON.stringify(hopsToHar(hops.map((h, i) => ({ ...h, index: i })), new Date().toISOString()));
    const t1 = performance.now();
    const artefact = readArtefact(har);
    if (!artefact.ok) throw artefact.error;
    const d = await diagnose(artefact.value, opts);
    const harMs = performance.now() - t1;
    if (!d.ok) throw d.error;
    return {
      files,
      distinctResponses: distinct,
      totalMs: Math.round(totalMs),
      perDiagnosisMs: Math.round((totalMs / files) * 1000) / 1000,
      allDiagnosed,
      har: { entries: hops.length, responses: artefact.value.messages.filter((m) => m.view.kind === 'Response').length, ms: Math.round(harMs) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await b.stop();
  }
}
