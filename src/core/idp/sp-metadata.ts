import { isValidAt } from '../crypto/certificate';
import { CoreError, err, ok, type Result } from '../base/errors';
import { attr, childElements, elementPath, firstChild } from '../xml/dom';
import { BINDING, NS } from '../xml/namespaces';
import { parseXml, xmlProblem } from '../xml/parse';
import { signingCertificatesOf } from '../crypto/key-descriptors';
import { WEB_URL_MESSAGE, isWebUrl } from '../http/web-url';

/** What the portal's "Upload metadata file" takes from an SP's metadata into Basic SAML Configuration. */
export interface SpMetadata {
  entityId: string;
  /** AssertionConsumerService endpoints over HTTP-POST, in index order, the default first. */
  replyUrls: Array<{ url: string; index?: number; isDefault: boolean }>;
  /** Shibboleth-style RequestInitiator, when the SP publishes where sign-in starts. */
  signOnUrl?: string;
  /** SingleLogoutService over HTTP-Redirect (Entra sends logout only that way), else the first. */
  logoutUrl?: string;
  /** Certificates the SP signs AuthnRequests with: Entra's "Verification certificates". */
  signingCertificates: string[];
}

const INIT_NS = 'urn:oasis:names:tc:SAML:profiles:SSO:request-init';

/** The title of an HTML page (empty when it has none), or undefined when the text is not one. */
function htmlPageTitle(text: string): string | undefined {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (!/^(<!DOCTYPE\s+html\b|<html[\s>])/i.test(head)) return undefined;
  return (/<title[^>]*>([^<]{0,120})/i.exec(text.slice(0, 65_536))?.[1] ?? '').replace(/\s+/g, ' ').trim();
}

const refuse = (code: string, message: string, element?: Element): { ok: false; error: CoreError } => err(new CoreError(code, message, element ? { element: elementPath(element) } : {}));

function spEntity(root: Element): Element | undefined {
  if (root.namespaceURI !== NS.md) return undefined;
  if (root.localName === 'EntityDescriptor') return root;
  if (root.localName === 'EntitiesDescriptor') return childElements(root, NS.md, 'EntityDescriptor').find((e) => firstChild(e, NS.md, 'SPSSODescriptor'));
  return undefined;
}

function replyUrls(sp: Element): Result<SpMetadata['replyUrls']> {
  const acs = childElements(sp, NS.md, 'AssertionConsumerService');
  const posts = acs.filter((a) => attr(a, 'Binding') === BINDING.post);
  if (posts.length === 0) {
    return refuse(
      'SP_METADATA_NO_ACS',
      acs.length
        ? `The SPSSODescriptor has ${acs.length} AssertionConsumerService element(s), none with the HTTP-POST binding, which Entra answers with.`
        : 'The SPSSODescriptor has no AssertionConsumerService: there is no Reply URL to take.',
      sp,
    );
  }
  const out: SpMetadata['replyUrls'] = [];
  for (const a of posts) {
    const url = attr(a, 'Location') ?? '';
    if (!isWebUrl(url)) return refuse('SP_METADATA_BAD_ACS', `AssertionConsumerService Location "${url}" ${WEB_URL_MESSAGE}.`, a);
    const index = attr(a, 'index');
    out.push({ url, isDefault: attr(a, 'isDefault') === 'true', ...(index !== undefined && /^\d+$/.test(index) ? { index: Number(index) } : {}) });
  }
  const def = out.findIndex((r) => r.isDefault);
  const ordered = [...out].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const first = def >= 0 ? out[def]! : ordered[0]!;
  return ok([{ ...first, isDefault: true }, ...ordered.filter((r) => r !== first).map((r) => ({ ...r, isDefault: false }))]);
}

function signingCertificates(sp: Element, now: Date): Result<string[]> {
  const read = signingCertificatesOf(sp);
  if (!read.ok) {
    const e = read.error;
    return e.kind === 'no-certificate'
      ? refuse('SP_METADATA_KEY_WITHOUT_CERTIFICATE', e.message, e.element)
      : refuse('SP_METADATA_CERTIFICATE_UNREADABLE', `The signing certificate cannot be read: ${e.message}`, e.element);
  }
  const stale = read.value.find((c) => !isValidAt(c.info, now));
  if (stale) {
    const i = stale.info;
    return refuse(
      'SP_METADATA_CERTIFICATE_EXPIRED',
      `The signing certificate ${i.subject} (thumbprint ${i.thumbprint}) is valid ${i.notBefore.slice(0, 10)} to ${i.notAfter.slice(0, 10)}, not now.`,
      stale.element,
    );
  }
  return ok(read.value.map((c) => c.info.pem));
}

/**
 * Reads an SP's metadata as the portal's "Upload metadata file" does. Anything it cannot use is refused with
 * the element it is about; nothing is half-applied.
 */
export function parseSpMetadata(xml: string, now: Date): Result<SpMetadata> {
  const html = htmlPageTitle(xml);
  if (html !== undefined) {
    return err(
      new CoreError(
        'SP_METADATA_HTML',
        `This is an HTML page${html ? ` ("${html}")` : ''}, not SAML metadata: the address answered with a web page (a sign-in or error page) instead of the SP's metadata. Download the metadata document itself (Shibboleth: /Shibboleth.sso/Metadata; mellon: the metadata file it was set up with; SimpleSAMLphp: /module.php/saml/sp/metadata.php/default-sp).`,
      ),
    );
  }
  const parsed = parseXml(xml.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const at = parsed.error.location ? ` (line ${parsed.error.location.line}, column ${parsed.error.location.column})` : '';
    return err(new CoreError(parsed.error.code === 'XML_DTD_FORBIDDEN' ? 'SP_METADATA_DTD' : 'SP_METADATA_NOT_XML', `${xmlProblem(parsed.error, 'The file is not metadata that can be read: ')}${at}`));
  }
  const root = parsed.value.documentElement;
  const entity = spEntity(root);
  if (!entity)
    return refuse('SP_METADATA_WRONG_ROOT', `The document is a <${root.localName}>${root.namespaceURI ? ` in ${root.namespaceURI}` : ''}, not SAML 2.0 metadata (an md:EntityDescriptor).`, root);
  const sp = firstChild(entity, NS.md, 'SPSSODescriptor');
  if (!sp)
    return refuse(
      'SP_METADATA_NOT_SP',
      firstChild(entity, NS.md, 'IDPSSODescriptor') ? "This is an identity provider's metadata (IDPSSODescriptor); upload the service provider's." : 'The EntityDescriptor has no SPSSODescriptor.',
      entity,
    );
  const entityId = attr(entity, 'entityID') ?? '';
  if (!entityId.trim()) return refuse('SP_METADATA_NO_ENTITY_ID', 'The EntityDescriptor has no entityID.', entity);
  if (/\s/.test(entityId)) return refuse('SP_METADATA_BAD_ENTITY_ID', `The entityID "${entityId}" contains spaces; Entra refuses it as an Identifier.`, entity);
  const urls = replyUrls(sp);
  if (!urls.ok) return urls;
  const certs = signingCertificates(sp, now);
  if (!certs.ok) return certs;
  const slo = childElements(sp, NS.md, 'SingleLogoutService');
  const logoutService = slo.find((s) => attr(s, 'Binding') === BINDING.redirect) ?? slo[0];
  const logout = attr(logoutService, 'Location');
  if (logoutService && logout !== undefined && !isWebUrl(logout)) return refuse('SP_METADATA_BAD_LOGOUT_URL', `SingleLogoutService Location "${logout}" ${WEB_URL_MESSAGE}.`, logoutService);
  const extensions = firstChild(sp, NS.md, 'Extensions');
  const initiator = extensions ? childElements(extensions, INIT_NS, 'RequestInitiator')[0] : undefined;
  const signOn = attr(initiator, 'Location');
  if (initiator && signOn !== undefined && !isWebUrl(signOn)) return refuse('SP_METADATA_BAD_SIGN_ON_URL', `RequestInitiator Location "${signOn}" ${WEB_URL_MESSAGE}.`, initiator);
  return ok({ entityId, replyUrls: urls.value, signingCertificates: certs.value, ...(logout ? { logoutUrl: logout } : {}), ...(signOn ? { signOnUrl: signOn } : {}) });
}
