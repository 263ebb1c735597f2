import { attr, elementPath, firstChild } from '../xml/dom';
import { NS, STATUS } from '../xml/namespaces';
import type { ReportBuilder } from './report';
import type { ResponseParts } from './response-structure';
import type { ValidationContext } from './validation-context';
import { collision } from './collision';

const short = (urn: string): string => urn.replace('urn:oasis:names:tc:SAML:2.0:status:', '');

export function checkStatus(parts: ResponseParts, r: ReportBuilder): boolean {
  const s = parts.status;
  if (!s) {
    r.fail('response.status', 'the response has no Status/StatusCode', elementPath(parts.response));
    return false;
  }
  if (s.code !== STATUS.success) {
    const sub = s.subCode ? ` / ${short(s.subCode)}` : '';
    r.fail('response.status', `the IdP answered ${short(s.code)}${sub}${s.message ? `: ${s.message.split(/\r?\n/)[0]}` : ''}`, `${elementPath(parts.response)}/Status`);
    return false;
  }
  r.pass('response.status', 'Success');
  return true;
}

export function checkDestination(parts: ResponseParts, r: ReportBuilder, ctx: ValidationContext): void {
  const destination = attr(parts.response, 'Destination');
  if (destination === undefined) {
    if (parts.responseSignature) r.fail('response.destination', 'a signed response must carry Destination', elementPath(parts.response));
    else r.pass('response.destination', 'absent, which an unsigned response may be');
    return;
  }
  if (destination !== ctx.sp.acsUrl) {
    const collided = collision('Destination', { where: 'Response › Destination', value: destination }, { where: "The SP's ACS URL", values: [ctx.sp.acsUrl] });
    r.fail('response.destination', `Destination is "${destination}", not this SP's ACS URL "${ctx.sp.acsUrl}"`, elementPath(parts.response), collided);
  } else r.pass('response.destination', destination);
}

/** Both the Response's and the Assertion's Issuer must name the IdP the SP was configured with. */
export function checkIssuer(parts: ResponseParts, assertion: Element | undefined, r: ReportBuilder, ctx: ValidationContext): void {
  const expected = ctx.idp.entityId;
  if (!expected) {
    r.skip('response.issuer', 'the SP was configured with a sign-on URL and certificate, so it has no IdP entity ID to compare');
    return;
  }
  const assertionIssuer = assertion ? firstChild(assertion, NS.saml, 'Issuer') : undefined;
  if (parts.issuer !== undefined && parts.issuer !== expected) {
    r.fail('response.issuer', `the Response Issuer is "${parts.issuer}", the configured IdP is "${expected}"`, `${elementPath(parts.response)}/Issuer`);
    return;
  }
  const value = assertionIssuer?.textContent?.trim();
  if (assertion && value !== expected) {
    r.fail('response.issuer', `the Assertion Issuer is "${value ?? '(missing)'}", the configured IdP is "${expected}"`, assertionIssuer ? elementPath(assertionIssuer) : elementPath(assertion));
    return;
  }
  r.pass('response.issuer', expected);
}
