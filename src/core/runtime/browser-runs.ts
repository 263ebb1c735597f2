import type { FlowOutcome, FlowResult } from '../flows/flows';
import { samlMessagesIn } from '../flows/saml-message-view';
import type { Hop } from '../flows/user-agent';
import type { VirtualRequest, VirtualResponse } from '../http/http-types';
import type { SignInRecord } from '../sites/sp-site';
import { capturedPage } from './outside-runs';

/** How long a response Entra issued to an SP the harness serves waits for the browser to post it there. */
const WAIT_MS = 60_000;
const MAX_WAITING = 200;

interface Waiting {
  vendorId: string;
  result: FlowResult;
  user: string | undefined;
  timer: ReturnType<typeof setTimeout>;
}

export interface BrowserRun {
  vendorId: string;
  result: FlowResult;
  user: string | undefined;
}

/**
 * A real browser's sign-in to an SP the harness itself serves (a My Apps tile, or the vendor's sign-in page in
 * the browser): Entra's hops are seen first; the run ends when the browser posts the response to that SP's ACS,
 * with the SP's own verdict and page, and is logged as that SP's run. A response never posted is logged as it
 * was issued, after a minute.
 */
export class BrowserRuns {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly finished: (run: BrowserRun) => void,
    private readonly neverPosted: (result: FlowResult, user: string | undefined) => void,
  ) {}

  /** Entra issued a response (its ID) to the ACS of the workspace SP `vendorId`. */
  issued(vendorId: string, responseId: string, result: FlowResult, user: string | undefined): void {
    if (this.waiting.size >= MAX_WAITING) this.expire(this.waiting.keys().next().value!);
    const timer = setTimeout(() => this.expire(responseId), WAIT_MS);
    timer.unref?.();
    this.waiting.set(responseId, { vendorId, result, user, timer });
  }

  /** A response reached the ACS of an SP the harness serves. */
  atAcs(vendorId: string, spName: string, record: SignInRecord, req: VirtualRequest, res: VirtualResponse): void {
    const w = record.responseId ? this.waiting.get(record.responseId) : undefined;
    if (!w || w.vendorId !== vendorId) return;
    this.waiting.delete(record.responseId!);
    clearTimeout(w.timer);
    this.finished({ vendorId, user: w.user, result: withAcs(w.result, spName, record, req, res) });
  }

  close(): void {
    for (const w of this.waiting.values()) clearTimeout(w.timer);
    this.waiting.clear();
  }

  private expire(responseId: string): void {
    const w = this.waiting.get(responseId);
    if (!w) return;
    this.waiting.delete(responseId);
    clearTimeout(w.timer);
    this.neverPosted(w.result, w.user);
  }
}

function outcomeOf(record: SignInRecord, spName: string): FlowOutcome {
  const o = record.outcome;
  if (o.kind === 'signed-in') return { status: 'signed-in', sp: spName, identity: o.identity, ...(o.details ? { details: o.details } : {}) };
  return { status: 'error', source: 'sp', code: o.code, message: o.message, httpStatus: o.httpStatus, ...(o.reason ? { reason: o.reason } : {}), ...(o.collided ? { collided: o.collided } : {}) };
}

/** Entra's hops, then the browser's POST to the ACS and the SP's page: one run, as a headless one reads. */
function withAcs(result: FlowResult, spName: string, record: SignInRecord, req: VirtualRequest, res: VirtualResponse): FlowResult {
  const url = req.url.toString();
  const acs: Hop = {
    index: result.hops.length,
    method: 'POST',
    url,
    status: res.status,
    cause: 'auto-post',
    cookiesSent: Object.keys(req.cookies),
    cookiesSet: (res.cookies ?? []).map((c) => `${c.name}=${c.value === null ? '' : '…'}`),
    saml: samlMessagesIn(req.url.searchParams, req.form),
    durationMs: 0,
    ...capturedPage(res, url),
  };
  // The response travels with the POST to the ACS, as in a headless run, not twice.
  const hops = result.hops.map((h, i) => (i === result.hops.length - 1 ? { ...h, saml: h.saml.filter((m) => m.param !== 'SAMLResponse') } : h));
  const started = hops.some((h) => h.saml.some((m) => m.kind === 'AuthnRequest'));
  return {
    ...result,
    flow: started ? 'sp-initiated' : 'idp-initiated',
    hops: [...hops, acs],
    outcome: outcomeOf(record, spName),
    ...(record.report ? { report: record.report } : {}),
  };
}
