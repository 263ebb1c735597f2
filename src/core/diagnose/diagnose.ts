import { CoreError, err, ok, type Result } from '../base/errors';
import type { Hop } from '../flows/user-agent';
import type { SamlMessageView } from '../flows/saml-message-view';
import { AADSTS, NOT_EMULATED } from '../idp/aadsts';
import { logoutIssuerNote } from '../idp/logout-issuer';
import type { IdpTrust } from '../sp/model';
import type { VendorSp } from '../vendors/vendor-sp';
import { describeKind, readArtefact, type Artefact, type ArtefactKind, type FoundMessage } from './artefact';
import { checkRequest, type RequestDirectory, type RequestFinding } from '../idp/request-check';
import { responseFacts, type ResponseFacts } from './response-facts';
import { isAddressedTo, vendorVerdict, type VendorVerdict } from './vendor-verdict';

/** The time the checks use: now, when the response was issued, or a time given. */
export type AsOf = { mode: 'now' } | { mode: 'issue-instant' } | { mode: 'given'; time: Date };

export interface EntraFinding {
  code: string;
  name?: string;
  message: string;
  /** What to change, from the harness's catalogue. */
  fix?: string;
  /** Whether the harness's tenant can produce this code (a preset reproduces it). */
  emulated: boolean;
  where: 'error page' | 'error response';
  hop?: number;
}

/**
 * The answer in one word, for exit codes and badges: the sign-in (or the request) would be taken, it would be
 * refused, it cannot be decided (signer unknown, or an encrypted assertion without its key), or the artefact
 * holds no SAML message at all.
 */
export type Conclusion = 'accepted' | 'refused' | 'undetermined' | 'no-message';

/** How much of each message's XML a diagnosis answers with (the checks read all of it). */
export const MAX_ECHO_CHARS = 256 * 1024;

export interface Diagnosis {
  conclusion: Conclusion;
  artefact: {
    kind: ArtefactKind;
    description: string;
    hops: Hop[];
    skipped: number;
    messages: Array<{ param: string; kind?: string; id?: string; hop?: number; url?: string; error?: string }>;
    /** The capture held more SAML messages than are read: what it held, what was read, said in a sentence. */
    limited?: { found: number; read: number; note: string };
  };
  asOf: { time: string; mode: AsOf['mode']; note?: string };
  response?: { id?: string; issuer?: string; destination?: string; inResponseTo?: string; status?: string; hop?: number; pretty?: string };
  /** What the response says of itself: signer, tenant, times, subject, attributes, addressee. */
  facts?: ResponseFacts;
  request?: RequestFinding;
  entra: EntraFinding[];
  verdicts: VendorVerdict[];
  /** What happened, in one line. */
  summary: string;
  /** What the harness has to say beyond the verdict: a LogoutResponse Issuer an SP will not know, with its fixes. */
  notes?: string[];
}

export interface DiagnoseOptions {
  vendors: ReadonlyArray<{ id: string; sp: VendorSp<unknown> }>;
  /** Only this vendor (workspace ID or profile); otherwise every vendor the response is addressed to, or all. */
  vendor?: string;
  asOf: AsOf;
  now: Date;
  /** Certificates (PEM) to trust besides those the vendors hold. */
  certificates?: readonly string[];
  /** The IdP's metadata, as the customer's vendor holds it: it takes the place of each vendor's own. */
  idpMetadata?: IdpTrust;
  /** The SP's private key (PEM), to read an encrypted assertion. */
  spKey?: string;
  /** Workspace vendor files that failed to load, said when a vendor asked for is not there. */
  unloaded?: readonly string[];
  /** node-saml's second opinion in each report (default on; a batch turns it off for speed). */
  crossCheck?: boolean;
  /** The workspace's tenant and apps, for Entra's lookup of an AuthnRequest. */
  directory?: RequestDirectory;
}

function entraCode(code: number, message: string, where: EntraFinding['where'], hop?: number): EntraFinding {
  const entry = (AADSTS as Record<number, { name: string; fix: string } | undefined>)[code];
  const known = entry ?? undefined;
  return {
    code: `AADSTS${code}`,
    message,
    emulated: Boolean(known),
    where,
    ...(known ? { name: known.name, fix: known.fix } : NOT_EMULATED[code] ? { fix: `Not emulated by the harness: ${NOT_EMULATED[code]}` } : {}),
    ...(hop !== undefined ? { hop } : {}),
  };
}

function entraFindings(artefact: Artefact, response: FoundMessage | undefined): EntraFinding[] {
  const fromPages = artefact.hops.flatMap((h) => (h.page?.aadsts ? [entraCode(h.page.aadsts, h.page.message ?? `AADSTS${h.page.aadsts}`, 'error page', h.index)] : []));
  const status = response?.view.xml ? /<(?:\w+:)?StatusMessage>([^<]*)</.exec(response.view.xml)?.[1] : undefined;
  const code = status ? /AADSTS(\d+)/.exec(status)?.[1] : undefined;
  const fromResponse = code ? [entraCode(Number(code), status!, 'error response', response?.hop)] : [];
  return [...fromPages, ...fromResponse];
}

function asOfTime(asOf: AsOf, now: Date, response: FoundMessage | undefined): Result<Date> {
  if (asOf.mode === 'now') return ok(now);
  if (asOf.mode === 'given') return ok(asOf.time);
  // With no response at all there is nothing to time; the diagnosis says so rather than refusing the input.
  if (!response) return ok(now);
  const instant = response?.view.xml ? /<(?:\w+:)?Response\b[^>]*\sIssueInstant="([^"]+)"/.exec(response.view.xml)?.[1] : undefined;
  const t = instant ? new Date(instant) : undefined;
  if (!t || Number.isNaN(t.getTime())) return err(new CoreError('NO_ISSUE_INSTANT', 'There is no SAML Response with an IssueInstant to diagnose "as of".'));
  return ok(t);
}

function pickVendors(opts: DiagnoseOptions): Result<DiagnoseOptions['vendors']> {
  if (!opts.vendor) return ok(opts.vendors);
  const key = opts.vendor.toLowerCase();
  const found = opts.vendors.filter((v) => v.id === key || v.sp.profile.id === key || v.sp.profile.displayName.toLowerCase() === key);
  if (found.length) return ok(found);
  const unloaded = opts.unloaded?.length ? ` These could not be loaded: ${opts.unloaded.join(' ')}` : '';
  return err(new CoreError('UNKNOWN_VENDOR', `No vendor "${opts.vendor}"; this workspace has ${opts.vendors.map((v) => v.id).join(', ') || 'none'}.${unloaded}`));
}

function signerFirst(v: VendorVerdict): string {
  const s = v.signer;
  const untrusted = v.report.checks.some((c) => c.id === 'signature.trusted' && c.status === 'fail');
  return s && untrusted && !s.known ? `Signed by ${s.subject}, thumbprint ${s.thumbprint} — not a certificate ${v.displayName} holds. ` : '';
}

function summarize(d: Omit<Diagnosis, 'summary' | 'conclusion'>): string {
  const page = d.entra.find((e) => e.where === 'error page');
  if (page) return `Entra stopped the sign-in: ${page.message}`;
  if (!d.response) {
    if (d.request) {
      const against = d.request.against ? ` ${d.request.against}` : '';
      if (d.request.entra.ok && d.request.otherTenant) return `Undetermined: an AuthnRequest from ${d.request.issuer} to another tenant; its form is one Entra takes.${against}`;
      return d.request.entra.ok
        ? `An AuthnRequest from ${d.request.issuer}; Entra would take it.${against || ` (${d.request.notes[0] ?? ''})`}`
        : `Entra would refuse this AuthnRequest: ${d.request.entra.message}${against}`;
    }
    return 'No SAML message found in the artefact.';
  }
  const v = d.verdicts[0];
  if (!v)
    return `Undetermined: the response is addressed to no SP of this workspace (Destination ${d.response.destination ?? '(none)'}${d.response.issuer ? `, issued by ${d.response.issuer}` : ''}). Check it against an SP you pick, or define its SP.`;
  const o = v.outcome;
  if (o.kind === 'undetermined') return o.message;
  if (o.kind === 'refused') {
    const e = o.error;
    const named = v.findings[0] ? ` Likely cause: ${v.findings[0].title.toLowerCase()}.` : '';
    return `${signerFirst(v)}${v.displayName} would refuse it: ${e.code}${e.code !== e.name ? ` ${e.name}` : ''} (HTTP ${e.httpStatus}) — ${e.reason}.${named}`;
  }
  const action = o.diff ? ` (${o.diff.action})` : '';
  return `${v.displayName} would sign in ${o.identity.nameId}${action}.`;
}

function conclude(d: Omit<Diagnosis, 'summary' | 'conclusion'>): Conclusion {
  if (d.entra.length > 0) return 'refused';
  if (!d.response) return d.request ? (!d.request.entra.ok ? 'refused' : d.request.otherTenant ? 'undetermined' : 'accepted') : 'no-message';
  const v = d.verdicts[0];
  if (!v) return 'undetermined';
  if (v.outcome.kind === 'refused') return 'refused';
  return v.outcome.kind === 'undetermined' ? 'undetermined' : 'accepted';
}

/**
 * What Entra or each vendor would answer to what a capture shows, why, and what to change. The response is
 * checked by each vendor's own rules, as of the chosen time; nothing in the workspace changes.
 */
export async function diagnose(artefact: Artefact, opts: DiagnoseOptions): Promise<Result<Diagnosis>> {
  const responses = artefact.messages.filter((m) => m.view.kind === 'Response');
  const response = responses.at(-1);
  const requests = artefact.messages.filter((m) => m.view.kind === 'AuthnRequest');
  const answered = response?.view.inResponseTo ? requests.find((r) => r.view.id === response.view.inResponseTo) : undefined;
  const request = answered ?? requests.at(-1);
  const at = asOfTime(opts.asOf, opts.now, response);
  if (!at.ok) return at;
  const vendors = pickVendors(opts);
  if (!vendors.ok) return vendors;
  const verdicts: VendorVerdict[] = [];
  if (response?.view.xml) {
    // Only the vendors the response is addressed to are checked, or the one asked for. A response addressed to no
    // SP of the workspace gets no verdict: any vendor's refusal of it would be advice about the wrong SP.
    const xml = response.view.xml;
    const checked = opts.vendor ? vendors.value : vendors.value.filter((v) => isAddressedTo(v.sp, xml));
    for (const v of checked) {
      verdicts.push(
        await vendorVerdict({
          id: v.id,
          sp: v.sp,
          xml: response.view.xml,
          at: at.value,
          given: { certificates: opts.certificates ?? [], ...(opts.idpMetadata ? { metadata: opts.idpMetadata } : {}) },
          ...(opts.spKey ? { spKey: opts.spKey } : {}),
          ...(opts.crossCheck === false ? { crossCheck: false } : {}),
          ...(answered?.view.id ? { request: { id: answered.view.id } } : {}),
        }),
      );
    }
  }
  const shown = verdicts;
  const primary = shown[0];
  const requestFinding = request?.view.xml
    ? checkRequest(request.view.xml, primary, [], opts.directory ? { directory: opts.directory, ...(request.url ? { url: request.url } : {}) } : undefined)
    : undefined;
  const facts = response?.view.xml ? responseFacts(response.view.xml) : undefined;
  const expired = shown.some((v) => v.report.checks.some((c) => (c.id === 'assertion.time' || c.id === 'subject.bearer') && c.status === 'fail' && /expired|after|NotOnOrAfter/i.test(c.reason)));
  const base: Omit<Diagnosis, 'summary' | 'conclusion'> = {
    artefact: {
      kind: artefact.kind,
      description: describeKind(artefact.kind),
      hops: artefact.hops.map((h) => ({ ...h, saml: h.saml.map(bounded) })),
      skipped: artefact.skipped,
      ...(artefact.limited
        ? {
            limited: {
              ...artefact.limited,
              note: `The capture holds ${artefact.limited.found.toLocaleString('en')} SAML messages; the last ${artefact.limited.read} were diagnosed and the earlier ones left out.`,
            },
          }
        : {}),
      messages: artefact.messages.map((m) => ({
        param: m.view.param,
        ...(m.view.kind ? { kind: m.view.kind } : {}),
        ...(m.view.id ? { id: m.view.id } : {}),
        ...(m.hop !== undefined ? { hop: m.hop } : {}),
        ...(m.url ? { url: m.url } : {}),
        ...(m.view.error ? { error: m.view.error } : {}),
      })),
    },
    asOf: {
      time: at.value.toISOString(),
      mode: opts.asOf.mode,
      ...(opts.asOf.mode === 'issue-instant'
        ? { note: "Checked as of the response's IssueInstant, by choice: expiry is judged as when it was issued." }
        : expired && opts.asOf.mode === 'now'
          ? { note: 'The response has expired by now; diagnose it as of its IssueInstant to check everything else.' }
          : {}),
    },
    ...(response ? { response: { ...pick(response), ...(response.view.pretty ? { pretty: cut(response.view.pretty) } : {}) } } : {}),
    ...(facts ? { facts } : {}),
    ...(requestFinding ? { request: requestFinding } : {}),
    entra: entraFindings(artefact, response),
    verdicts: shown,
  };
  const notes = logoutNotes(artefact);
  return ok({ conclusion: conclude(base), ...base, summary: summarize(base), ...(notes.length ? { notes } : {}) });
}

/** Entra's LogoutResponses in the capture whose Issuer is the login host: the logout pitfall, said with its fixes. */
function logoutNotes(artefact: Artefact): string[] {
  const notes = artefact.messages.flatMap((m) => {
    const tenant = m.view.kind === 'LogoutResponse' ? /^https:\/\/login\.microsoftonline\.com\/([0-9a-f-]{36})\/$/i.exec(m.view.issuer ?? '')?.[1] : undefined;
    const note = tenant ? logoutIssuerNote(m.view.issuer, tenant) : undefined;
    return note ? [note] : [];
  });
  return [...new Set(notes)];
}

const cut = (s: string): string => (s.length > MAX_ECHO_CHARS ? `${s.slice(0, MAX_ECHO_CHARS)}\n<!-- … cut at ${MAX_ECHO_CHARS / 1024} KB of ${Math.round(s.length / 1024)} KB -->` : s);

/** A message as the answer carries it: at most MAX_ECHO_CHARS of its XML, said when cut. */
function bounded(v: SamlMessageView): SamlMessageView {
  if ((v.xml?.length ?? 0) <= MAX_ECHO_CHARS && (v.pretty?.length ?? 0) <= MAX_ECHO_CHARS) return v;
  return { ...v, ...(v.xml ? { xml: cut(v.xml) } : {}), ...(v.pretty ? { pretty: cut(v.pretty) } : {}), truncated: true };
}

function pick(m: FoundMessage): NonNullable<Diagnosis['response']> {
  const v = m.view;
  return {
    ...(v.id ? { id: v.id } : {}),
    ...(v.issuer ? { issuer: v.issuer } : {}),
    ...(v.destination ? { destination: v.destination } : {}),
    ...(v.inResponseTo ? { inResponseTo: v.inResponseTo } : {}),
    ...(v.status ? { status: v.status } : {}),
    ...(m.hop !== undefined ? { hop: m.hop } : {}),
  };
}

/** Many artefacts, each with its diagnosis or the error that stopped it, in the order given. */
export async function diagnoseMany(inputs: ReadonlyArray<{ name: string; text: string }>, opts: DiagnoseOptions): Promise<Array<{ name: string; result: Result<Diagnosis> }>> {
  const out: Array<{ name: string; result: Result<Diagnosis> }> = [];
  for (const { name, text } of inputs) {
    // A batch shows no XML, so its views skip pretty-printing (a third of a view's cost).
    const artefact = readArtefact(text, { pretty: false });
    out.push({ name, result: artefact.ok ? await diagnose(artefact.value, opts) : artefact });
  }
  return out;
}
