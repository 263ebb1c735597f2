import { escapeXml } from '../xml/escape';
import type { IssuedAttribute } from './claims';

/**
 * Entra ID's response, element for element: samlp-prefixed protocol elements, the Issuer in the default
 * assertion namespace, the Assertion declaring that namespace, signatures placed after each Issuer by the signer.
 * `{Name}` placeholders take escaped values; `{!Name}` ones take pre-built XML.
 */
export const ENTRA_RESPONSE_TEMPLATE =
  '<samlp:Response ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}"{!InResponseToAttr} xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">' +
  '<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">{Issuer}</Issuer>' +
  '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
  '<Assertion ID="{AssertionID}" IssueInstant="{AssertionIssueInstant}" Version="2.0" xmlns="urn:oasis:names:tc:SAML:2.0:assertion">' +
  '<Issuer>{Issuer}</Issuer>' +
  '<Subject><NameID Format="{NameIDFormat}">{NameID}</NameID>' +
  '<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
  '<SubjectConfirmationData{!InResponseToAttr} NotOnOrAfter="{SubjectConfirmationDataNotOnOrAfter}" Recipient="{Recipient}"/>' +
  '</SubjectConfirmation></Subject>' +
  '<Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><AudienceRestriction><Audience>{Audience}</Audience></AudienceRestriction></Conditions>' +
  '<AttributeStatement>{!Attributes}</AttributeStatement>' +
  '<AuthnStatement AuthnInstant="{AuthnInstant}" SessionIndex="{SessionIndex}"><AuthnContext><AuthnContextClassRef>{AuthnContextClassRef}</AuthnContextClassRef></AuthnContext></AuthnStatement>' +
  '</Assertion></samlp:Response>';

/** An error response (no assertion), as Entra posts back for a failed passive request. */
export const ENTRA_ERROR_RESPONSE_TEMPLATE =
  '<samlp:Response ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}"{!InResponseToAttr} xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">' +
  '<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">{Issuer}</Issuer>' +
  '<samlp:Status><samlp:StatusCode Value="{StatusCode}"><samlp:StatusCode Value="{SubStatusCode}"/></samlp:StatusCode>' +
  '<samlp:StatusMessage>{StatusMessage}</samlp:StatusMessage></samlp:Status></samlp:Response>';

/**
 * Fills a template. Every plain value is XML-escaped (skipping that reopens CVE-2026-46490); a missing value
 * is a programming error and throws rather than leaving a placeholder in a signed document.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(!?)(\w+)\}/g, (_, raw: string, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template value ${name} missing`);
    return raw ? v : escapeXml(v);
  });
}

export function inResponseToAttr(id: string | undefined): string {
  return id ? ` InResponseTo="${escapeXml(id)}"` : '';
}

/** One <Attribute> per claim and one escaped <AttributeValue> per value. */
export function attributesXml(attributes: readonly IssuedAttribute[]): string {
  return attributes
    .map((a) => {
      const format = a.nameFormat ? ` NameFormat="${escapeXml(a.nameFormat)}"` : '';
      const values = a.values.map((v) => `<AttributeValue>${escapeXml(v)}</AttributeValue>`).join('');
      return `<Attribute Name="${escapeXml(a.name)}"${format}>${values}</Attribute>`;
    })
    .join('');
}
