import type { FlowResult } from '../flows/flows';
import type { Scenario } from '../scenarios/schema';
import { attr, childElements } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import type { Collision } from '../sp/collision';

export type { Collision };

/** The AuthnRequest the run sent to Entra, read from its trace, and the URL it was sent to. */
function authnRequest(result: FlowResult): { el: Element; sentTo: string } | undefined {
  for (const hop of result.hops) {
    const m = hop.saml.find((x) => x.kind === 'AuthnRequest' && x.xml);
    if (!m?.xml) continue;
    const doc = parseXml(m.xml);
    if (doc.ok && doc.value.documentElement) {
      const url = new URL(hop.url);
      return { el: doc.value.documentElement, sentTo: `${url.origin}${url.pathname}` };
    }
  }
  return undefined;
}

const issuerOf = (el: Element) => childElements(el, NS.saml, 'Issuer')[0]?.textContent ?? '';

/** Entra's request-side codes: the value in the AuthnRequest against the app's Basic SAML Configuration. */
function entraCollisions(code: string, result: FlowResult, scenario: Scenario): Collision[] {
  const req = authnRequest(result);
  if (!req) return [];
  const basic = scenario.app.saml;
  switch (code) {
    case 'AADSTS50011':
      return [
        {
          what: 'Reply URL',
          sent: { where: 'AuthnRequest › AssertionConsumerServiceURL', value: attr(req.el, 'AssertionConsumerServiceURL') ?? '(none: the default Reply URL applies)' },
          held: { where: 'Basic SAML Configuration › Reply URL (Assertion Consumer Service URL)', values: basic.replyUrls.map((r) => r.url) },
        },
      ];
    case 'AADSTS700016':
      return [
        {
          what: 'Identifier (Entity ID)',
          sent: { where: 'AuthnRequest › Issuer', value: issuerOf(req.el) },
          held: { where: 'Basic SAML Configuration › Identifier (Entity ID)', values: basic.identifiers.map((i) => i.value) },
        },
      ];
    case 'AADSTS75008':
      return [
        {
          what: 'Destination',
          sent: { where: 'AuthnRequest › Destination', value: attr(req.el, 'Destination') ?? '(none)' },
          held: { where: 'The Login URL the request reached', values: [req.sentTo] },
        },
      ];
    default:
      return [];
  }
}

/**
 * The run with what collided set on its error, when the run's set-up tells it (Entra's request-side codes are
 * read from the AuthnRequest and the app it came from): every run's outcome then says it, not only a reproduction.
 */
export function resultWithCollision(result: FlowResult, scenario: Scenario | undefined): FlowResult {
  const o = result.outcome;
  if (o.status !== 'error' || o.collided) return result;
  const [collided] = collisions(result, scenario);
  return collided ? { ...result, outcome: { ...o, collided } } : result;
}

/** For an error a run ended in: the values that collided, requested against configured. */
export function collisions(result: FlowResult, scenario: Scenario | undefined): Collision[] {
  const o = result.outcome;
  if (o.status !== 'error') return [];
  // The SP's failed check or the vendor's rule says what collided; Entra's request-side codes are read here.
  if (o.collided) return [o.collided];
  return o.source === 'entra' && scenario ? entraCollisions(o.code, result, scenario) : [];
}
