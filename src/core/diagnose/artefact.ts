import { CoreError, err, ok, type Result } from '../base/errors';
import { samlMessagesIn, viewDecodedSaml, type SamlMessageView } from '../flows/saml-message-view';
import type { Hop } from '../flows/user-agent';
import { decodeAnyMessage } from '../xml/codec';
import { capturedHops, type CapturedEntry } from './captured';
import { readHar } from './read-har';
import { readSamlTracer } from './read-saml-tracer';

export type ArtefactKind = 'har' | 'saml-tracer' | 'url' | 'form' | 'xml' | 'base64';

/** A SAML message found in an artefact, with where it was. */
export interface FoundMessage {
  view: SamlMessageView;
  /** The hop that carried it (HAR, SAML-tracer, URL). */
  hop?: number;
  url?: string;
}

export interface Artefact {
  kind: ArtefactKind;
  /** The SSO hops, rebuilt from a capture; empty for a single message. */
  hops: Hop[];
  messages: FoundMessage[];
  /** Entries of a capture left out: other sites, scripts, images. */
  skipped: number;
  /** The capture held more SAML messages than are read (the newest were). */
  limited?: { found: number; read: number };
}

/** Browsers export HARs of hundreds of megabytes; past this, ask for a smaller capture rather than stall. */
export const MAX_ARTEFACT_CHARS = 200 * 1024 * 1024;

const KIND_NAMES: Record<ArtefactKind, string> = {
  har: 'HAR file',
  'saml-tracer': 'SAML-tracer export',
  url: 'URL',
  form: 'form body',
  xml: 'SAML XML',
  base64: 'base64 SAML message',
};
export const describeKind = (k: ArtefactKind): string => KIND_NAMES[k];

function fromCapture(kind: 'har' | 'saml-tracer', entries: CapturedEntry[]): Artefact {
  const { hops, skipped, limited } = capturedHops(entries);
  const messages = hops.flatMap((h) => h.saml.map((view) => ({ view, hop: h.index, url: h.url })));
  return { kind, hops, messages, skipped, ...(limited ? { limited } : {}) };
}

function fromJson(text: string): Result<Artefact> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return err(new CoreError('ARTEFACT_NOT_JSON', `The input looks like JSON but does not parse: ${(e as Error).message}`));
  }
  const o = doc as { log?: { entries?: unknown }; requests?: unknown };
  if (o && typeof o === 'object' && o.log) {
    const entries = readHar(o);
    return entries.ok ? ok(fromCapture('har', entries.value)) : entries;
  }
  if (o && typeof o === 'object' && Array.isArray(o.requests)) {
    const entries = readSamlTracer(o as Parameters<typeof readSamlTracer>[0]);
    return entries.ok ? ok(fromCapture('saml-tracer', entries.value)) : entries;
  }
  return err(new CoreError('ARTEFACT_UNKNOWN', 'The JSON is neither a HAR file (log.entries) nor a SAML-tracer export (requests).'));
}

function fromQuery(kind: 'url' | 'form', query: URLSearchParams, url?: string): Result<Artefact> {
  const form = kind === 'form' ? Object.fromEntries(query) : undefined;
  const views = kind === 'form' ? samlMessagesIn(new URLSearchParams(), form) : samlMessagesIn(query, undefined);
  if (!views.length) return err(new CoreError('NO_SAML_MESSAGE', `The ${KIND_NAMES[kind]} carries no SAMLRequest or SAMLResponse.`));
  return ok({ kind, hops: [], messages: views.map((view) => ({ view, ...(url ? { url } : {}) })), skipped: 0 });
}

const paramFor = (xml: string): 'SAMLRequest' | 'SAMLResponse' => (/^\s*(<\?xml[^>]*>\s*)?<(?:[\w-]+:)?(?:Response|LogoutResponse)\b/.test(xml) ? 'SAMLResponse' : 'SAMLRequest');

const WHAT_TO_GIVE = 'Give a HAR file, a SAML-tracer export, the URL that carries SAMLRequest or SAMLResponse, or the message itself (XML or base64).';

/** Why text that is none of the forms is not a SAML message, in the words of what it looks like. */
function notSamlMessage(t: string, error: { code: string; message: string }): string {
  if (/[^A-Za-z0-9+/=_%-]/.test(t.replace(/\s+/g, ''))) {
    const start = t.replace(/\s+/g, ' ').slice(0, 40);
    return `This is not a SAML message: it reads as plain text ("${start}${t.length > 40 ? '…' : ''}"). ${WHAT_TO_GIVE}`;
  }
  if (error.code === 'INFLATE_FAILED') return `This is not a SAML message: it is base64, but decodes neither to XML (HTTP-POST) nor to a DEFLATE-compressed message (HTTP-Redirect). ${WHAT_TO_GIVE}`;
  if (error.code === 'BASE64_INVALID') return `This is not a SAML message: it is not valid base64 (${error.message}). ${WHAT_TO_GIVE}`;
  return `The input cannot be read as a SAML message: ${error.message}`;
}

/**
 * Reads what a customer sends: a HAR file, a SAML-tracer export, a URL with a SAMLRequest, a form body, a
 * SAML message as XML or base64 (deflated or not). Errors say what the input looked like and why it failed.
 */
export function readArtefact(text: string, opts: { pretty?: boolean } = {}): Result<Artefact> {
  if (text.length > MAX_ARTEFACT_CHARS)
    return err(new CoreError('ARTEFACT_TOO_LARGE', `The input is ${Math.round(text.length / 1048576)} MB; the limit is ${MAX_ARTEFACT_CHARS / 1048576} MB. Export only the sign-in from the browser.`));
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t) return err(new CoreError('ARTEFACT_EMPTY', 'The input is empty.'));
  if (t.startsWith('{')) return fromJson(t);
  if (/^https?:\/\//i.test(t)) {
    let url: URL;
    try {
      url = new URL(t);
    } catch {
      return err(new CoreError('URL_INVALID', 'The input starts like a URL but is not one.'));
    }
    return fromQuery('url', url.searchParams, url.toString());
  }
  if (/(^|&)SAML(Request|Response)=/.test(t)) return fromQuery('form', new URLSearchParams(t));
  const decoded = decodeAnyMessage(t);
  if (!decoded.ok) return err(new CoreError('ARTEFACT_UNREADABLE', notSamlMessage(t, decoded.error)));
  const kind = decoded.value.encoding === 'xml' ? 'xml' : 'base64';
  const view = viewDecodedSaml(paramFor(decoded.value.xml), decoded.value.xml, decoded.value.encoding === 'deflate' ? 'redirect' : 'post', opts.pretty === false ? { pretty: false } : {});
  if (view.error) return err(new CoreError('ARTEFACT_UNREADABLE', `The input is ${kind === 'xml' ? 'XML' : 'a base64 SAML message'} but cannot be read: ${view.error}`));
  return ok({ kind, hops: [], messages: [{ view }], skipped: 0 });
}
