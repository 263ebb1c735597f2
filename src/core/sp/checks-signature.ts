import { describeCertificate, isValidAt } from '../crypto/certificate';
import { summarizeSignature } from '../crypto/xml-signature';
import { childElements, elementPath, firstChild } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import type { ReportBuilder } from './report';
import { wrappingProblems, type ResponseParts } from './response-structure';
import { checkSignature, type SignatureOutcome } from './signature-check';
import type { ValidationContext } from './validation-context';

const SHA1 = ['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#sha1'];
const KNOWN = [
  ...SHA1,
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512',
];

interface Signed {
  what: 'Response' | 'Assertion';
  signature: Element;
  /** The document the signature is verified in: the response, or the decrypted assertion. */
  xml: string;
  outcome?: SignatureOutcome;
}

export interface AssertionInUse {
  assertion?: Element;
  /** The assertion's content is covered by a signature that verified with a trusted key. */
  verified: boolean;
}

function coverage(doc: Document, decrypted: Document | undefined, r: ReportBuilder): void {
  const problem = wrappingProblems(doc) ?? (decrypted ? wrappingProblems(decrypted) : undefined);
  if (problem) r.fail('signature.coverage', problem.reason, problem.element);
  else r.pass('signature.coverage', 'one assertion, directly under Response; each signature references its own parent');
}

function required(present: Signed[], r: ReportBuilder, ctx: ValidationContext, at: string, hidden: boolean): void {
  if (hidden) return r.skip('signature.required', 'the assertion is encrypted and could not be decrypted, so whether it is signed cannot be seen');
  const has = (w: Signed['what']): boolean => present.some((s) => s.what === w);
  const missing = [ctx.policy.wantResponseSigned && !has('Response') ? 'the Response' : '', ctx.policy.wantAssertionsSigned && !has('Assertion') ? 'the Assertion' : ''].filter(Boolean);
  if (present.length === 0) r.fail('signature.required', 'nothing is signed', at);
  else if (missing.length) r.fail('signature.required', `this SP requires ${missing.join(' and ')} to be signed; only the ${present.map((s) => s.what).join(' and ')} is`, at);
  else r.pass('signature.required', `signed: ${present.map((s) => s.what).join(' and ')}`);
}

/** The trusted certificate a verified signature used, when the SP checks validity dates and it is outside them. */
function outOfDate(present: Signed[], ctx: ValidationContext): string | undefined {
  if (!ctx.policy.checkCertificateValidity) return undefined;
  for (const s of present) {
    if (s.outcome?.status !== 'verified') continue;
    const info = describeCertificate(ctx.idp.certificates[s.outcome.certificateIndex] ?? '');
    if (!info.ok || isValidAt(info.value, ctx.now)) continue;
    const when = new Date(info.value.notAfter) < ctx.now ? `expired at ${info.value.notAfter}` : `is not valid before ${info.value.notBefore}`;
    return `the signing certificate ${info.value.subject} (thumbprint ${info.value.thumbprint}) ${when}; the SP's clock says ${ctx.now.toISOString()}, and this SP checks certificate dates`;
  }
  return undefined;
}

function validity(present: Signed[], r: ReportBuilder, ctx: ValidationContext): void {
  const bad = present.find((s) => s.outcome?.status === 'digest-mismatch' || s.outcome?.status === 'bad-value' || s.outcome?.status === 'malformed');
  if (bad) {
    const why =
      bad.outcome!.status === 'digest-mismatch'
        ? `the digest of the ${bad.what} does not match: it was changed after it was signed`
        : bad.outcome!.status === 'bad-value'
          ? `the SignatureValue on the ${bad.what} does not verify`
          : `the signature on the ${bad.what} cannot be read`;
    r.fail('signature.valid', why, elementPath(bad.signature));
  } else if (present.length) r.pass('signature.valid', 'digest and signature value verify');
  const untrusted = present.find((s) => s.outcome?.status === 'untrusted');
  if (bad) r.skip('signature.trusted', 'the signature does not verify at all');
  else if (untrusted && untrusted.outcome?.status === 'untrusted') {
    const s = untrusted.outcome.signer;
    r.fail('signature.trusted', s ? `signed by a certificate the SP does not trust: ${s.subject}, thumbprint ${s.thumbprint}` : 'no trusted certificate verifies it', elementPath(untrusted.signature));
  } else if (present.length) {
    const dated = outOfDate(present, ctx);
    if (dated) r.fail('signature.trusted', dated, elementPath(present[0]!.signature));
    else if (ctx.idp.source === 'assumed-signer') r.skip('signature.trusted', "not decided: nothing is known of the IdP, so the signer's own certificate was assumed to check everything else");
    else r.pass('signature.trusted', 'verified with a certificate from the IdP configuration');
  }
}

function algorithms(present: Signed[], r: ReportBuilder, ctx: ValidationContext): void {
  for (const s of present) {
    const sum = summarizeSignature(s.signature);
    for (const alg of [sum.signatureAlgorithm, sum.digestAlgorithm]) {
      if (!alg || !KNOWN.includes(alg)) return r.fail('signature.algorithm', `unsupported algorithm ${alg ?? '(none)'} on the ${s.what}`, elementPath(s.signature));
      if (SHA1.includes(alg) && !ctx.policy.allowSha1) return r.fail('signature.algorithm', `the ${s.what} is signed with SHA-1, which this SP refuses`, elementPath(s.signature));
    }
  }
  if (present.length) r.pass('signature.algorithm', present.map((s) => summarizeSignature(s.signature).signatureAlgorithm?.split('#')[1]).join(', '));
}

function fromSigned(xml: string, localName: 'Assertion' | 'Response'): Element | undefined {
  const parsed = parseXml(xml);
  if (!parsed.ok) return undefined;
  const root = parsed.value.documentElement;
  if (localName === 'Assertion') return root;
  return childElements(root, NS.saml, 'Assertion')[0];
}

/**
 * The signature checks, and the assertion every later check reads: taken from the bytes a trusted signature
 * covered, never from the surrounding document.
 */
export function checkSignatures(
  xml: string,
  doc: Document,
  parts: ResponseParts,
  decryption: { xml: string; root: Element } | undefined | 'failed',
  r: ReportBuilder,
  ctx: ValidationContext,
): AssertionInUse {
  // 'failed': the assertion is encrypted and could not be read, so its own signature cannot be seen.
  const hidden = decryption === 'failed';
  const decrypted = hidden ? undefined : decryption;
  coverage(doc, decrypted?.root.ownerDocument, r);
  const assertion = decrypted?.root ?? parts.assertion;
  const assertionSig = assertion ? firstChild(assertion, NS.ds, 'Signature') : undefined;
  const present: Signed[] = [
    ...(parts.responseSignature ? [{ what: 'Response' as const, signature: parts.responseSignature, xml }] : []),
    ...(assertionSig ? [{ what: 'Assertion' as const, signature: assertionSig, xml: decrypted?.xml ?? xml }] : []),
  ];
  required(present, r, ctx, elementPath(parts.response), hidden);
  for (const s of present) s.outcome = checkSignature(s.xml, s.signature, ctx.idp.certificates);
  validity(present, r, ctx);
  algorithms(present, r, ctx);
  if (present.length === 0) {
    for (const id of ['signature.valid', 'signature.trusted', 'signature.algorithm'] as const)
      r.skip(id, hidden ? 'the assertion is encrypted and could not be read' : 'there is no signature to check');
  }
  const verified = (w: Signed['what']) => present.find((s) => s.what === w && s.outcome?.status === 'verified')?.outcome as Extract<SignatureOutcome, { status: 'verified' }> | undefined;
  const byAssertion = verified('Assertion');
  if (byAssertion) return { assertion: fromSigned(byAssertion.signedXml, 'Assertion'), verified: !r.failed('signature.coverage') };
  const byResponse = verified('Response');
  if (byResponse) {
    const covered = decrypted ? decrypted.root : fromSigned(byResponse.signedXml, 'Response');
    return { assertion: covered, verified: !r.failed('signature.coverage') };
  }
  return { assertion, verified: false };
}
