import { SignedXml } from 'xml-crypto';
import { describeCertificate } from '../crypto/certificate';
import { CoreError, err, ok, type Result } from '../base/errors';
import { attr, childElements, elementPath, firstChild } from '../xml/dom';
import { BINDING, NS } from '../xml/namespaces';
import { parseXml, xmlProblem } from '../xml/parse';
import { signingCertificatesOf } from '../crypto/key-descriptors';
import type { IdpTrust } from './model';

export interface MetadataSignature {
  status: 'valid' | 'invalid' | 'unsigned';
  /** Thumbprint of the published certificate that signed the document, when one did. */
  signerThumbprint?: string;
}

export interface ParsedIdpMetadata {
  trust: IdpTrust;
  signature: MetadataSignature;
  /** Things worth knowing that do not stop the metadata from being used. */
  notes: string[];
}

const fail = (code: string, message: string, element?: Element): { ok: false; error: CoreError } => err(new CoreError(code, message, element ? { element: elementPath(element) } : {}));

function pickEntity(root: Element): Element | undefined {
  if (root.namespaceURI === NS.md && root.localName === 'EntityDescriptor') return root;
  if (root.namespaceURI === NS.md && root.localName === 'EntitiesDescriptor') {
    return childElements(root, NS.md, 'EntityDescriptor').find((e) => firstChild(e, NS.md, 'IDPSSODescriptor'));
  }
  return undefined;
}

function signingCertificates(idp: Element): Result<string[]> {
  const read = signingCertificatesOf(idp);
  if (!read.ok) {
    const e = read.error;
    return e.kind === 'no-certificate'
      ? fail('METADATA_KEY_WITHOUT_CERTIFICATE', e.message, e.element)
      : fail('METADATA_CERTIFICATE_UNREADABLE', `A signing certificate in the metadata cannot be read: ${e.message}`, e.element);
  }
  return ok(read.value.map((c) => c.info.pem));
}

/** Checks the document signature against the certificates the document itself publishes. */
function metadataSignature(xml: string, entity: Element, certificates: string[]): MetadataSignature {
  const sig = firstChild(entity, NS.ds, 'Signature');
  if (!sig) return { status: 'unsigned' };
  for (const pem of certificates) {
    const v = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
    try {
      v.loadSignature(sig);
      if (v.checkSignature(xml)) {
        const info = describeCertificate(pem);
        return { status: 'valid', ...(info.ok ? { signerThumbprint: info.value.thumbprint } : {}) };
      }
    } catch {
      // Not this certificate.
    }
  }
  return { status: 'invalid' };
}

/**
 * Reads IdP metadata (Entra's Federation Metadata XML or any SAML 2.0 IdP metadata): entity ID, the SSO and
 * SLO endpoints, and every signing certificate, ignoring the WS-Fed RoleDescriptors Entra adds.
 */
export function parseIdpMetadata(xml: string, source: IdpTrust['source'] = 'metadata-xml', metadataUrl?: string): Result<ParsedIdpMetadata> {
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    const at = parsed.error.location ? ` (line ${parsed.error.location.line}, column ${parsed.error.location.column})` : '';
    return err(new CoreError('METADATA_NOT_XML', `${xmlProblem(parsed.error, 'The metadata is not XML that can be read: ')}${at}`));
  }
  const root = parsed.value.documentElement;
  const entity = pickEntity(root);
  if (!entity) return fail('METADATA_NO_ENTITY', `The document is a <${root.localName}>, not SAML 2.0 metadata (an md:EntityDescriptor).`, root);
  const entityId = attr(entity, 'entityID');
  if (!entityId) return fail('METADATA_NO_ENTITY_ID', 'The EntityDescriptor has no entityID.', entity);
  const idp = firstChild(entity, NS.md, 'IDPSSODescriptor');
  if (!idp) return fail('METADATA_NOT_IDP', `The metadata of ${entityId} has no IDPSSODescriptor: it does not describe an identity provider.`, entity);
  const certs = signingCertificates(idp);
  if (!certs.ok) return certs;
  if (certs.value.length === 0) return fail('METADATA_NO_SIGNING_CERTIFICATE', 'The IDPSSODescriptor publishes no signing certificate.', idp);
  const sso = childElements(idp, NS.md, 'SingleSignOnService');
  const ssoUrl = attr(sso.find((s) => attr(s, 'Binding') === BINDING.redirect) ?? sso.find((s) => attr(s, 'Binding') === BINDING.post), 'Location');
  if (!ssoUrl) return fail('METADATA_NO_SSO', 'The IDPSSODescriptor has no SingleSignOnService for HTTP-Redirect or HTTP-POST.', idp);
  const sloUrl = attr(
    childElements(idp, NS.md, 'SingleLogoutService').find((s) => attr(s, 'Binding') === BINDING.redirect),
    'Location',
  );
  const signature = metadataSignature(xml, entity, certs.value);
  const notes: string[] = [];
  if (certs.value.length > 1) notes.push(`${certs.value.length} signing certificates are published (a rollover); all are trusted.`);
  if (signature.status === 'invalid') notes.push('The metadata carries a signature that none of its certificates verifies: it was edited after signing.');
  return ok({
    trust: { entityId, ssoUrl, certificates: certs.value, source, ...(sloUrl ? { sloUrl } : {}), ...(metadataUrl ? { metadataUrl } : {}) },
    signature,
    notes,
  });
}

/** The way Hugging Face asks: a sign-on URL and the IdP's certificate; no entity ID is known. */
export function trustFromSignOnUrl(ssoUrl: string, certificate: string): Result<IdpTrust> {
  try {
    new URL(ssoUrl);
  } catch {
    return err(new CoreError('SIGNON_URL_INVALID', `"${ssoUrl}" is not a URL.`));
  }
  const info = describeCertificate(certificate);
  if (!info.ok) return info;
  return ok({ ssoUrl, certificates: [info.value.pem], source: 'signon-url-and-certificate' });
}
