import { createPrivateKey } from 'node:crypto';
import { CoreError } from '../base/errors';
import { parseIdpMetadata } from '../sp/idp-metadata';
import { readArtefact } from '../diagnose/artefact';
import { diagnose, diagnoseMany, type DiagnoseOptions, type Diagnosis } from '../diagnose/diagnose';
import type { RequestDirectory } from '../idp/request-check';
import { describeCertificate } from '../crypto/certificate';
import { hopsToHar } from '../trace/har';
import { hopsToSamlTracer } from '../trace/saml-tracer';
import { serializeScenario } from '../scenarios/scenario-file';
import { scenarioFileName } from '../scenarios/scenario-files';
import type { HarnessRuntime } from './harness-runtime';
import { DEFAULT_MAX_RUNS } from '../runs/run-log';

/** A run's capture, and what a diagnosis checks against: the vendors, the directory, the clock: what these operations read of the runtime, and no more. */
export type TraceContext = Pick<HarnessRuntime, 'findRun' | 'ws' | 'vendors' | 'clock' | 'problems'>;

/** A run as a HAR file or SAML-tracer export (to hand to someone, or to diagnose), or as a scenario file. */
export async function exportRun(rt: TraceContext, runId: string, format: 'har' | 'saml-tracer' | 'scenario'): Promise<{ fileName: string; text: string }> {
  const run = await rt.findRun(runId);
  if (!run) throw new CoreError('RUN_NOT_FOUND', `No run ${runId} in the sign-in logs (it may have been pruned: the newest ${DEFAULT_MAX_RUNS.toLocaleString('en')} are kept).`);
  const stamp = run.result.startedAt.replace(/[:.]/g, '-');
  if (format === 'scenario') {
    if (!run.scenario) throw new CoreError('NO_SCENARIO', 'This run has no enterprise app to replay it with.');
    return { fileName: scenarioFileName(run.scenario), text: serializeScenario(run.scenario) };
  }
  if (format === 'har') return { fileName: `${run.vendorId}-${stamp}.har`, text: `${JSON.stringify(hopsToHar(run.result.hops, run.result.startedAt), null, 2)}\n` };
  return { fileName: `SAML-tracer-export-${stamp}.json`, text: `${JSON.stringify(hopsToSamlTracer(run.result.hops, run.result.startedAt), null, 2)}\n` };
}

export interface DiagnoseRequest {
  vendor?: string;
  /** 'now', 'issue-instant' or an ISO time. */
  at: string;
  /** PEM or Base64 certificates to trust too. */
  certificates: readonly string[];
  /** The IdP's metadata XML, as the customer's vendor holds it. */
  idpMetadata?: string;
  /** The SP's private key (PEM), to read an encrypted assertion. */
  spKey?: string;
  crossCheck?: boolean;
}

function checkPrivateKey(pem: string): void {
  try {
    createPrivateKey(pem);
  } catch (e) {
    throw new CoreError('SP_KEY_INVALID', `The SP's private key cannot be read (PEM, PKCS#8 or PKCS#1 expected): ${(e as Error).message}`);
  }
}

/** The tenant and its apps, as Entra looks up an AuthnRequest a capture shows. */
function requestDirectory(rt: TraceContext): RequestDirectory {
  const { tenant, apps } = rt.ws;
  return {
    tenantId: tenant.id,
    tenantName: tenant.displayName,
    domains: tenant.domains,
    apps: apps.map((a) => ({ displayName: a.displayName, appId: a.appId, identifiers: a.saml.identifiers.map((i) => i.value), replyUrls: a.saml.replyUrls.map((r) => r.url) })),
  };
}

function diagnoseOptions(rt: TraceContext, req: DiagnoseRequest): DiagnoseOptions {
  const certificates = req.certificates.map((c, i) => {
    const d = describeCertificate(c);
    if (!d.ok) throw new CoreError('CERTIFICATE_INVALID', `Certificate ${i + 1}: ${d.error.message}`);
    return d.value.pem;
  });
  const metadata = req.idpMetadata === undefined ? undefined : parseIdpMetadata(req.idpMetadata);
  if (metadata && !metadata.ok) throw new CoreError(metadata.error.code, `The IdP metadata: ${metadata.error.message}`);
  if (req.spKey !== undefined) checkPrivateKey(req.spKey);
  const asOf = req.at === 'now' ? ({ mode: 'now' } as const) : req.at === 'issue-instant' ? ({ mode: 'issue-instant' } as const) : ({ mode: 'given', time: new Date(req.at) } as const);
  return {
    vendors: [...rt.vendors].map(([id, sp]) => ({ id, sp })),
    asOf,
    now: rt.clock.now(),
    certificates,
    unloaded: rt.problems.filter((p) => p.file.startsWith('vendors/')).map((p) => p.message),
    ...(metadata?.ok ? { idpMetadata: metadata.value.trust } : {}),
    ...(req.spKey ? { spKey: req.spKey } : {}),
    ...(req.vendor ? { vendor: req.vendor } : {}),
    ...(req.crossCheck === false ? { crossCheck: false } : {}),
    directory: requestDirectory(rt),
  };
}

/** Diagnoses a pasted or loaded artefact against the workspace's vendors. */
export async function diagnoseText(rt: TraceContext, text: string, req: DiagnoseRequest): Promise<Diagnosis> {
  // A turn of the event loop before and after reading the capture: the host answers other requests meanwhile.
  await yieldToHost();
  const artefact = readArtefact(text);
  if (!artefact.ok) throw artefact.error;
  await yieldToHost();
  const d = await diagnose(artefact.value, diagnoseOptions(rt, req));
  if (!d.ok) throw d.error;
  return d.value;
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Many artefacts against the workspace's vendors, each with its diagnosis or its error. */
export function diagnoseBatch(rt: TraceContext, inputs: ReadonlyArray<{ name: string; text: string }>, req: DiagnoseRequest) {
  return diagnoseMany(inputs, diagnoseOptions(rt, req));
}
