import { CoreError } from '../errors';
import { readArtefact } from '../diagnose/artefact';
import { diagnose, type Diagnosis } from '../diagnose/diagnose';
import { describeCertificate } from '../crypto/certificate';
import { hopsToHar } from '../trace/har';
import { hopsToSamlTracer } from '../trace/saml-tracer';
import { serializeScenario } from '../scenarios/scenario-file';
import { scenarioFileName } from '../scenarios/scenario-files';
import type { HarnessRuntime } from './harness-runtime';

/** A run as a HAR file or SAML-tracer export (to hand to someone, or to diagnose), or as a scenario file. */
export function exportRun(rt: HarnessRuntime, runId: string, format: 'har' | 'saml-tracer' | 'scenario'): { fileName: string; text: string } {
  const run = rt.run(runId);
  if (!run) throw new CoreError('RUN_NOT_FOUND', `No run ${runId}; runs are kept until the app restarts (the last 50).`);
  const stamp = run.result.startedAt.replace(/[:.]/g, '-');
  if (format === 'scenario') {
    if (!run.scenario) throw new CoreError('NO_SCENARIO', 'This run has no enterprise app to replay it with.');
    return { fileName: scenarioFileName(run.scenario), text: serializeScenario(run.scenario) };
  }
  if (format === 'har') return { fileName: `${run.vendorId}-${stamp}.har`, text: `${JSON.stringify(hopsToHar(run.result.hops, run.result.startedAt), null, 2)}\n` };
  return { fileName: `SAML-tracer-export-${stamp}.json`, text: `${JSON.stringify(hopsToSamlTracer(run.result.hops, run.result.startedAt), null, 2)}\n` };
}

/** Diagnoses a pasted or loaded artefact against the workspace's vendors. */
export async function diagnoseText(rt: HarnessRuntime, text: string, opts: { vendor?: string; at: string; certificates: readonly string[] }): Promise<Diagnosis> {
  const artefact = readArtefact(text);
  if (!artefact.ok) throw artefact.error;
  const certificates = opts.certificates.map((c, i) => {
    const d = describeCertificate(c);
    if (!d.ok) throw new CoreError('CERTIFICATE_INVALID', `Certificate ${i + 1}: ${d.error.message}`);
    return d.value.pem;
  });
  const asOf = opts.at === 'now' ? ({ mode: 'now' } as const) : opts.at === 'issue-instant' ? ({ mode: 'issue-instant' } as const) : ({ mode: 'given', time: new Date(opts.at) } as const);
  const d = await diagnose(artefact.value, {
    vendors: [...rt.vendors].map(([id, sp]) => ({ id, sp })),
    asOf,
    now: rt.clock.now(),
    certificates,
    ...(opts.vendor ? { vendor: opts.vendor } : {}),
  });
  if (!d.ok) throw d.error;
  return d.value;
}
