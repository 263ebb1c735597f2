import * as samlify from 'samlify';
import { MINUTE, addMs, samlInstant } from '../clock';
import { privateKeyObject } from '../crypto/key-objects';
import { newSamlId } from '../ids';
import { encodePostMessage } from '../xml/codec';
import { BINDING } from '../xml/namespaces';
import type { IssuedClaims } from './claims';
import type { AppCertificate, EnterpriseApp, SigningOption } from './model';
import { ENTRA_ERROR_RESPONSE_TEMPLATE, ENTRA_RESPONSE_TEMPLATE, attributesXml, fillTemplate, inResponseToAttr } from './response-template';
import { SIGNATURE_ALGORITHM } from './signature-algorithms';

/** Entra's timing, read off real responses: Conditions from IssueInstant − 5 min to + lifetime − 5 min, bearer + 5 min. */
export const CONDITIONS_SKEW_MS = 5 * MINUTE;
export const BEARER_LIFETIME_MS = 5 * MINUTE;

export interface ResponseInput {
  issuer: string;
  app: EnterpriseApp;
  certificate: AppCertificate;
  claims: IssuedClaims;
  acsUrl: string;
  audience: string;
  /** The AuthnRequest ID; absent for an IdP-initiated (unsolicited) response. */
  inResponseTo?: string;
  authnInstant: Date;
  authnContextClassRef: string;
  now: Date;
}

export interface BuiltResponse {
  xml: string;
  /** The SAMLResponse form value. */
  samlResponse: string;
  responseId: string;
  assertionId: string;
  signing: { option: SigningOption; algorithm: 'sha256' | 'sha1'; thumbprint: string; encrypted: boolean };
}

function wants(option: SigningOption): { assertion: boolean; message: boolean } {
  return { assertion: option !== 'response', message: option !== 'assertion' };
}

type Entities = ReturnType<typeof createEntities>;

/**
 * samlify builds its entities from metadata it writes and parses again (about 1.8 ms a response, measured);
 * the same app signs many responses, so they are kept, per everything they are made of.
 */
const entities = new Map<string, Entities>();
const ENTITY_CACHE_SIZE = 64;

function samlifyEntities(input: ResponseInput): Entities {
  const { app, certificate } = input;
  const key = [input.issuer, certificate.thumbprint, app.signing.option, app.signing.algorithm, app.encryption?.active ? app.encryption.certificatePem : '', input.acsUrl, input.audience].join('\n');
  const hit = entities.get(key);
  if (hit) return hit;
  const made = createEntities(input);
  entities.set(key, made);
  if (entities.size > ENTITY_CACHE_SIZE) entities.delete(entities.keys().next().value!);
  return made;
}

/** samlify decides what to sign from the SP's metadata flags; we express the app's signing option through them. */
function createEntities(input: ResponseInput) {
  const { app, certificate } = input;
  const signed = wants(app.signing.option);
  const encryption = app.encryption?.active ? app.encryption : undefined;
  const idp = samlify.IdentityProvider({
    entityID: input.issuer,
    // samlify hands the key to xml-crypto and Node's signer untouched; its type names text only.
    privateKey: privateKeyObject(certificate.privateKeyPem) as unknown as string,
    signingCert: certificate.certificatePem,
    requestSignatureAlgorithm: SIGNATURE_ALGORITHM[app.signing.algorithm],
    isAssertionEncrypted: Boolean(encryption),
    loginResponseTemplate: { context: ENTRA_RESPONSE_TEMPLATE, attributes: [] },
    singleSignOnService: [{ Binding: BINDING.redirect, Location: input.issuer }],
    singleLogoutService: [{ Binding: BINDING.redirect, Location: input.issuer }],
  });
  const sp = samlify.ServiceProvider({
    entityID: input.audience,
    wantAssertionsSigned: signed.assertion,
    wantMessageSigned: signed.message,
    assertionConsumerService: [{ Binding: BINDING.post, Location: input.acsUrl }],
    ...(encryption ? { encryptCert: encryption.certificatePem } : {}),
  });
  return { idp, sp, encrypted: Boolean(encryption) };
}

export function renderResponseXml(input: ResponseInput, ids: { responseId: string; assertionId: string }): string {
  const now = input.now;
  return fillTemplate(ENTRA_RESPONSE_TEMPLATE, {
    ID: ids.responseId,
    AssertionID: ids.assertionId,
    IssueInstant: samlInstant(now),
    Destination: input.acsUrl,
    InResponseToAttr: inResponseToAttr(input.inResponseTo),
    Issuer: input.issuer,
    NameIDFormat: input.claims.nameId.format,
    NameID: input.claims.nameId.value,
    SubjectConfirmationDataNotOnOrAfter: samlInstant(addMs(now, BEARER_LIFETIME_MS)),
    Recipient: input.acsUrl,
    NotBefore: samlInstant(addMs(now, -CONDITIONS_SKEW_MS)),
    NotOnOrAfter: samlInstant(addMs(now, input.app.tokenLifetimeMinutes * MINUTE - CONDITIONS_SKEW_MS)),
    Audience: input.audience,
    Attributes: attributesXml(input.claims.attributes),
    AuthnInstant: samlInstant(input.authnInstant),
    SessionIndex: ids.assertionId,
    AuthnContextClassRef: input.authnContextClassRef,
  });
}

/**
 * Builds the Entra-shaped response and has samlify sign (and encrypt) it the way the app's signing option says:
 * the assertion, the response, or both; the response is signed after encryption so standard SPs verify it.
 */
export async function buildLoginResponse(input: ResponseInput): Promise<BuiltResponse> {
  const ids = { responseId: newSamlId(), assertionId: newSamlId() };
  const xml = renderResponseXml(input, ids);
  const { idp, sp, encrypted } = samlifyEntities(input);
  const result = await idp.createLoginResponse(sp, {} as never, 'post', {}, {
    customTagReplacement: () => ({ id: ids.responseId, context: xml }),
    encryptThenSign: encrypted,
  });
  const samlResponse = result.context;
  return {
    xml: Buffer.from(samlResponse, 'base64').toString('utf8'),
    samlResponse,
    responseId: ids.responseId,
    assertionId: ids.assertionId,
    signing: { option: input.app.signing.option, algorithm: input.app.signing.algorithm, thumbprint: input.certificate.thumbprint, encrypted },
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
