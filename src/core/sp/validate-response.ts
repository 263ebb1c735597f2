import { signatureViews } from '../crypto/signature-view';
import { decodeAnyMessage, encodePostMessage } from '../xml/codec';
import { attr, elementPath } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { replayUntil, checkAttributes, checkAudience, checkBearer, checkInResponseTo, checkNameId, checkReplay, checkTimeWindow, readIdentity } from './checks-assertion';
import { checkDestination, checkIssuer, checkStatus } from './checks-envelope';
import { checkSignatures } from './checks-signature';
import { crossCheckWithNodeSaml } from './cross-check';
import { decryptAssertion } from './decrypt';
import type { Identity } from './model';
import { ReportBuilder, type MessageSummary, type ValidationReport } from './report';
import { locateParts, type ResponseParts } from './response-structure';
import type { ValidationContext } from './validation-context';

function summary(parts: ResponseParts | undefined, doc: Document | undefined): MessageSummary {
  if (!parts || !doc) return { encrypted: false, signatures: [] };
  const r = parts.response;
  const pick = (k: string) => attr(r, k);
  return {
    encrypted: Boolean(parts.encryptedAssertion),
    signatures: signatureViews(doc),
    ...(pick('ID') ? { responseId: pick('ID') } : {}),
    ...(pick('IssueInstant') ? { issueInstant: pick('IssueInstant') } : {}),
    ...(pick('Destination') ? { destination: pick('Destination') } : {}),
    ...(pick('InResponseTo') ? { inResponseTo: pick('InResponseTo') } : {}),
    ...(parts.issuer ? { issuer: parts.issuer } : {}),
    ...(parts.assertion && attr(parts.assertion, 'ID') ? { assertionId: attr(parts.assertion, 'ID') } : {}),
    ...(parts.status ? { status: parts.status.code, ...(parts.status.message ? { statusMessage: parts.status.message } : {}) } : {}),
  };
}

async function decryptIfNeeded(parts: ResponseParts, r: ReportBuilder, ctx: ValidationContext): Promise<{ xml: string; root: Element } | undefined | 'failed'> {
  if (!parts.encryptedAssertion) {
    if (ctx.policy.requireEncryptedAssertion && parts.assertion)
      r.fail('assertion.decryption', 'this SP requires an encrypted assertion; the assertion is in clear text', elementPath(parts.assertion));
    else r.skip('assertion.decryption', 'the assertion is not encrypted');
    return undefined;
  }
  if (!ctx.sp.encryption) {
    r.fail('assertion.decryption', 'the assertion is encrypted but this SP has no decryption key', elementPath(parts.encryptedAssertion));
    return 'failed';
  }
  const d = await decryptAssertion(parts.encryptedAssertion, ctx.sp.encryption.privateKeyPem);
  if (!d.ok) {
    r.fail('assertion.decryption', d.error.message, elementPath(parts.encryptedAssertion));
    return 'failed';
  }
  const parsed = parseXml(d.value.xml);
  if (!parsed.ok || parsed.value.documentElement.localName !== 'Assertion' || parsed.value.documentElement.namespaceURI !== NS.saml) {
    r.fail('assertion.decryption', 'the decrypted content is not a SAML Assertion', elementPath(parts.encryptedAssertion));
    return 'failed';
  }
  r.pass('assertion.decryption', `decrypted (${d.value.dataAlgorithm?.split('#')[1] ?? 'unknown cipher'})`);
  return { xml: d.value.xml, root: parsed.value.documentElement };
}

/** The assertion checks, on the assertion the signature checks chose; returns the identity if all passed. */
interface AssertionVerdict {
  identity?: Identity;
  /** The AuthnRequest ID this response answers. */
  answered?: string;
  expiresAt?: Date;
}

function checkAssertion(parts: ResponseParts, assertion: Element, verified: boolean, r: ReportBuilder, ctx: ValidationContext): AssertionVerdict {
  checkAudience(assertion, r, ctx);
  const bearerInResponseTo = checkBearer(assertion, r, ctx);
  const answered = checkInResponseTo(parts.response, bearerInResponseTo, r, ctx);
  checkTimeWindow(assertion, r, ctx);
  checkReplay(assertion, r, ctx);
  const nameId = checkNameId(assertion, r);
  const unambiguous = checkAttributes(assertion, r, ctx);
  const expiresAt = replayUntil(assertion, ctx);
  if (!verified || !nameId || !unambiguous) return { answered, expiresAt };
  return { identity: readIdentity(assertion, nameId, parts.issuer, ctx.policy.repeatedAttributes), answered, expiresAt };
}

/**
 * Validates a SAMLResponse (base64, as posted, or raw XML) the way a strict SP does, as an ordered list of
 * named checks. Every check that can run does, so one report shows every problem, not only the first.
 */
export async function validateResponse(input: string, ctx: ValidationContext): Promise<ValidationReport> {
  const r = new ReportBuilder();
  const decoded = decodeAnyMessage(input);
  if (!decoded.ok) {
    r.fail('xml.wellFormed', `the SAMLResponse does not decode: ${decoded.error.message}`);
    return r.build(summary(undefined, undefined), ctx.now, undefined, 'the response could not be read');
  }
  const xml = decoded.value.xml;
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    const at = parsed.error.location ? ` (line ${parsed.error.location.line}, column ${parsed.error.location.column})` : '';
    r.fail('xml.wellFormed', `${parsed.error.message}${at}`);
    return r.build(summary(undefined, undefined), ctx.now, undefined, 'the response could not be read');
  }
  r.pass('xml.wellFormed', 'well-formed, no DTD');
  // Only a bounded, DTD-free document reaches libxml2.
  const schema = ctx.schema.validate(xml);
  const crossCheck = crossCheckWithNodeSaml(encodePostMessage(xml), r, ctx);
  const doc = parsed.value;
  const root = doc.documentElement;
  const parts = root.namespaceURI === NS.samlp && root.localName === 'Response' ? locateParts(root) : undefined;
  let verdict: AssertionVerdict = {};
  if (!parts) {
    r.fail('response.status', `the message is a <${root.localName}>, not a SAML Response`, elementPath(root));
  } else if (checkStatus(parts, r)) {
    checkDestination(parts, r, ctx);
    const decrypted = await decryptIfNeeded(parts, r, ctx);
    const signed = checkSignatures(xml, doc, parts, decrypted, r, ctx);
    checkIssuer(parts, signed.assertion, r, ctx);
    if (signed.assertion) verdict = checkAssertion(parts, signed.assertion, signed.verified, r, ctx);
    else if (decrypted !== 'failed') r.fail('subject.nameId', 'the response carries no assertion', elementPath(parts.response));
  }
  const schemaResult = await schema;
  if (schemaResult.valid) r.pass('xml.schema', 'valid against saml-schema-protocol-2.0 and its imports');
  else r.fail('xml.schema', schemaResult.problems[0]?.message ?? 'not valid', schemaResult.problems[0]?.element);
  await crossCheck;
  const skipped = parts && !r.failed('response.status') ? 'an earlier check did not get far enough' : 'not applicable to an error response';
  const report = r.build(summary(parts, doc), ctx.now, verdict.identity, skipped);
  if (report.ok && ctx.commit && report.identity) {
    ctx.replay.remember(report.identity.assertionId, verdict.expiresAt ?? ctx.now, ctx.now);
    if (verdict.answered) ctx.requests.consume(verdict.answered);
  }
  return report;
}
