import { samlInstant } from '../base/clock';
import { signRedirectQuery } from '../crypto/redirect-signature';
import { err, ok, type Result } from '../base/errors';
import { newSamlId } from '../base/ids';
import { encodeRedirectMessage } from '../xml/codec';
import { attr, firstChild, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { aadsts, type AadstsError } from './aadsts';
import type { AppCertificate, EnterpriseApp } from './model';
import { fillTemplate } from './response-template';
import type { IdpSession } from './sessions';

export interface LogoutRequestInfo {
  id: string;
  issuer: string;
  nameId?: string;
  sessionIndex?: string;
  app: EnterpriseApp;
}

/** Entra's checks on a LogoutRequest; the NameID is not compared, the session and its participants are. */
export function acceptLogoutRequest(root: Element, apps: readonly EnterpriseApp[], session: IdpSession | undefined, now: Date): Result<LogoutRequestInfo, AadstsError> {
  const id = attr(root, 'ID');
  const issuer = textOf(firstChild(root, NS.saml, 'Issuer'))?.trim();
  // IssueInstant is expected but not enforced (single-sign-out-saml-protocol): a missing or old one passes.
  if (!id || !issuer || attr(root, 'Version') !== '2.0') {
    return err(aadsts(50061, { reason: 'ID, Version="2.0" and Issuer are required.' }));
  }
  const app = apps.find((a) => a.saml.identifiers.some((i) => i.value === issuer));
  if (!app) return err(aadsts(50061, { reason: `No application has the identifier '${issuer}'.` }));
  const notOnOrAfter = attr(root, 'NotOnOrAfter');
  const t = now.getTime();
  if (notOnOrAfter && Date.parse(notOnOrAfter) <= t) return err(aadsts(50071));
  if (!session) return err(aadsts(50070));
  const participant = session.participants.find((p) => p.appId === app.appId);
  if (!participant) return err(aadsts(50068));
  const sessionIndex = textOf(firstChild(root, NS.samlp, 'SessionIndex'))?.trim();
  if (sessionIndex && sessionIndex !== participant.sessionIndex) return err(aadsts(50070));
  const nameId = textOf(firstChild(root, NS.saml, 'NameID'))?.trim();
  return ok({ id, issuer, app, ...(nameId ? { nameId } : {}), ...(sessionIndex ? { sessionIndex } : {}) });
}

const LOGOUT_RESPONSE_TEMPLATE =
  '<samlp:LogoutResponse ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}" xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">' +
  '<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">{Issuer}</Issuer>' +
  '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>';

/** A LogoutResponse over HTTP-Redirect to the app's Logout URL, signed with the app's key as Entra does. */
export function buildLogoutResponseUrl(opts: { request: LogoutRequestInfo; logoutUrl: string; issuer: string; relayState?: string; signer: AppCertificate; now: Date }): { url: string; xml: string } {
  const xml = fillTemplate(LOGOUT_RESPONSE_TEMPLATE, {
    ID: newSamlId(),
    IssueInstant: samlInstant(opts.now),
    Destination: opts.logoutUrl,
    InResponseTo: opts.request.id,
    Issuer: opts.issuer,
  });
  const query = signRedirectQuery('SAMLResponse', encodeRedirectMessage(xml), opts.relayState, opts.signer.privateKeyPem);
  const sep = opts.logoutUrl.includes('?') ? '&' : '?';
  return { url: `${opts.logoutUrl}${sep}${query}`, xml };
}

const LOGOUT_REQUEST_TEMPLATE =
  '<samlp:LogoutRequest ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">' +
  '<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">{Issuer}</Issuer><NameID xmlns="urn:oasis:names:tc:SAML:2.0:assertion">{NameID}</NameID>' +
  '<samlp:SessionIndex>{SessionIndex}</samlp:SessionIndex></samlp:LogoutRequest>';

/**
 * The LogoutRequest Entra sends, front-channel, to each other app that took part in the session: over
 * HTTP-Redirect to its Logout URL, signed with that app's key, naming the NameID and SessionIndex it was given.
 */
export function buildParticipantLogoutUrl(opts: { logoutUrl: string; issuer: string; nameId: string; sessionIndex: string; signer: AppCertificate; now: Date }): string {
  const xml = fillTemplate(LOGOUT_REQUEST_TEMPLATE, {
    ID: newSamlId(),
    IssueInstant: samlInstant(opts.now),
    Destination: opts.logoutUrl,
    Issuer: opts.issuer,
    NameID: opts.nameId,
    SessionIndex: opts.sessionIndex,
  });
  const query = signRedirectQuery('SAMLRequest', encodeRedirectMessage(xml), undefined, opts.signer.privateKeyPem);
  return `${opts.logoutUrl}${opts.logoutUrl.includes('?') ? '&' : '?'}${query}`;
}
