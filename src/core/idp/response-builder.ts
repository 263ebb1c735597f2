import { MINUTE, addMs, samlInstant } from '../base/clock';
import { newSamlId } from '../base/ids';
import { encodePostMessage } from '../xml/codec';
import type { IssuedClaims } from './claims';
import type { AppCertificate, EnterpriseApp, SigningOption } from './model';
import { ENTRA_ERROR_RESPONSE_TEMPLATE, ENTRA_RESPONSE_TEMPLATE, attributesXml, fillTemplate, inResponseToAttr } from './response-template';
import { signResponseAsEntra } from './response-signing';

/**
 * Entra's timing, read off the real responses: Conditions NotBefore is 5 minutes before the moment Conditions
 * were computed. Today's form (2022 response): the bearer confirmation and Conditions both end `lifetime`
 * after that moment (NotBefore + 65 min by default). The older form (2018 response): the bearer ends 5 minutes
 * after issue while Conditions run to NotBefore + 1 h.
 */
export const CONDITIONS_SKEW_MS = 5 * MINUTE;
export const LEGACY_BEARER_LIFETIME_MS = 5 * MINUTE;
/**
 * The timestamps come from separate clock reads in real responses: Conditions were computed 93 ms before the
 * IssueInstant (2022); the Assertion was stamped 15 ms before the Response in 2018, and at the same instant in
 * 2022. The mock keeps those gaps, by timing form, so an SP that assumes one shape fails here as it would there.
 */
const CONDITIONS_READ_MS = 93;
const ASSERTION_READ_MS: Record<TokenTiming, number> = { '2022': 0, '2018': 15 };
/**
 * A fresh sign-in's AuthnInstant is when the credentials were entered, seconds before the response is issued
 * (2018: 2.844 s); a reused session keeps its own, hours earlier (2022).
 */
export const CREDENTIALS_ENTERED_MS = 2_844;

export type TokenTiming = '2022' | '2018';

export interface ResponseInput {
  issuer: string;
  app: EnterpriseApp;
  certificate: AppCertificate;
  claims: IssuedClaims;
  acsUrl: string;
  audience: string;
  /** The AuthnRequest ID; absent for an IdP-initiated (unsolicited) response. */
  inResponseTo?: string;
  /** When the user entered their credentials (a reused session keeps its own, hours earlier). */
  authnInstant: Date;
  authnContextClassRef: string;
  now: Date;
  /** Today's token lifetime form (default) or the 2018 one. */
  timing?: TokenTiming;
}

export interface BuiltResponse {
  xml: string;
  /** The SAMLResponse form value. */
  samlResponse: string;
  responseId: string;
  assertionId: string;
  signing: { option: SigningOption; algorithm: 'sha256' | 'sha1'; thumbprint: string; encrypted: boolean };
}

export function renderResponseXml(input: ResponseInput, ids: { responseId: string; assertionId: string }): string {
  const now = input.now;
  const conditionsAt = addMs(now, -CONDITIONS_READ_MS);
  const lifetime = input.app.tokenLifetimeMinutes * MINUTE;
  const legacy = input.timing === '2018';
  const notOnOrAfter = addMs(conditionsAt, legacy ? lifetime - CONDITIONS_SKEW_MS : lifetime);
  return fillTemplate(ENTRA_RESPONSE_TEMPLATE, {
    ID: ids.responseId,
    AssertionID: ids.assertionId,
    IssueInstant: samlInstant(now),
    AssertionIssueInstant: samlInstant(addMs(now, -ASSERTION_READ_MS[input.timing ?? '2022'])),
    Destination: input.acsUrl,
    InResponseToAttr: inResponseToAttr(input.inResponseTo),
    Issuer: input.issuer,
    NameIDFormat: input.claims.nameId.format,
    NameID: input.claims.nameId.value,
    SubjectConfirmationDataNotOnOrAfter: samlInstant(legacy ? addMs(now, LEGACY_BEARER_LIFETIME_MS) : notOnOrAfter),
    Recipient: input.acsUrl,
    NotBefore: samlInstant(addMs(conditionsAt, -CONDITIONS_SKEW_MS)),
    NotOnOrAfter: samlInstant(notOnOrAfter),
    Audience: input.audience,
    Attributes: attributesXml(input.claims.attributes),
    AuthnInstant: samlInstant(input.authnInstant),
    SessionIndex: ids.assertionId,
    AuthnContextClassRef: input.authnContextClassRef,
  });
}

/**
 * Builds the Entra-shaped response and signs (and encrypts) it the way the app's signing option says, with
 * Entra's unprefixed signatures (samlify, which built these before, writes ds:-prefixed ones only).
 */
export async function buildLoginResponse(input: ResponseInput): Promise<BuiltResponse> {
  const ids = { responseId: newSamlId(), assertionId: newSamlId() };
  const encryptFor = input.app.encryption?.active ? input.app.encryption.certificatePem : undefined;
  const xml = await signResponseAsEntra(renderResponseXml(input, ids), {
    option: input.app.signing.option,
    hash: input.app.signing.algorithm,
    signer: input.certificate,
    ...(encryptFor ? { encryptFor } : {}),
  });
  return {
    xml,
    samlResponse: encodePostMessage(xml),
    responseId: ids.responseId,
    assertionId: ids.assertionId,
    signing: { option: input.app.signing.option, algorithm: input.app.signing.algorithm, thumbprint: input.certificate.thumbprint, encrypted: Boolean(encryptFor) },
  };
}

export interface ErrorResponseInput {
  issuer: string;
  acsUrl: string;
  inResponseTo?: string;
  statusCode: string;
  subStatusCode: string;
  statusMessage: string;
  now: Date;
}

/** A Response carrying only a failure Status; Entra does not sign these. */
export function buildErrorResponse(input: ErrorResponseInput): { xml: string; samlResponse: string; responseId: string } {
  const responseId = newSamlId();
  const xml = fillTemplate(ENTRA_ERROR_RESPONSE_TEMPLATE, {
    ID: responseId,
    IssueInstant: samlInstant(input.now),
    Destination: input.acsUrl,
    InResponseToAttr: inResponseToAttr(input.inResponseTo),
    Issuer: input.issuer,
    StatusCode: input.statusCode,
    SubStatusCode: input.subStatusCode,
    StatusMessage: input.statusMessage,
  });
  return { xml, samlResponse: encodePostMessage(xml), responseId };
}
