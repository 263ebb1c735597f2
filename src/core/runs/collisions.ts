import type { FlowResult } from '../flows/flows';
import type { Scenario } from '../scenarios/schema';
import type { AttributeSpec } from '../vendors/profile';
import { attr, childElements } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { runClaimsOf } from './run-claims';

/** Two values that had to agree and did not: what the run sent, and what the other side holds. */
export interface Collision {
  what: string;
  /** What the run sent, and where it sits. */
  sent: { where: string; value: string };
  /** What the receiving side holds, and where it is set. */
  held: { where: string; values: string[] };
}

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
      return [{ what: 'Reply URL', sent: { where: 'AuthnRequest › AssertionConsumerServiceURL', value: attr(req.el, 'AssertionConsumerServiceURL') ?? '(none: the default Reply URL applies)' }, held: { where: 'Basic SAML Configuration › Reply URL (Assertion Consumer Service URL)', values: basic.replyUrls.map((r) => r.url) } }];
    case 'AADSTS700016':
      return [{ what: 'Identifier (Entity ID)', sent: { where: 'AuthnRequest › Issuer', value: issuerOf(req.el) }, held: { where: 'Basic SAML Configuration › Identifier (Entity ID)', values: basic.identifiers.map((i) => i.value) } }];
    case 'AADSTS75008':
      return [{ what: 'Destination', sent: { where: 'AuthnRequest › Destination', value: attr(req.el, 'Destination') ?? '(none)' }, held: { where: 'The Login URL the request reached', values: [req.sentTo] } }];
    default:
      return [];
  }
}

/** A vendor's refusal of claims: each value it does not accept, against the values it does (and their case). */
function claimCollisions(result: FlowResult, specs: readonly AttributeSpec[]): Collision[] {
  const claims = runClaimsOf(result);
  if (!claims) return [];
  return specs.flatMap((spec): Collision[] => {
    const values = claims[spec.name];
    if (!values) return spec.required ? [{ what: `Claim ${spec.name}`, sent: { where: 'The assertion', value: '(not sent)' }, held: { where: 'The vendor requires it', values: [spec.name] } }] : [];
    if (!spec.accepted) return [];
    const fold = (v: string) => (spec.caseInsensitiveValues ? v.toLowerCase() : v);
    const accepted = new Set(spec.accepted.map(fold));
    const refused = values.filter((v) => !accepted.has(fold(v)));
    if (!refused.length) return [];
    return [{ what: `Claim ${spec.name}`, sent: { where: `The assertion's ${spec.name} attribute`, value: refused.join(', ') }, held: { where: `Values the vendor accepts${spec.caseInsensitiveValues ? '' : ' (case-sensitive)'}`, values: [...spec.accepted] } }];
  });
}

/** For an error a run ended in: the values that collided, requested against configured. */
export function collisions(result: FlowResult, scenario: Scenario | undefined, specs: readonly AttributeSpec[]): Collision[] {
  const o = result.outcome;
  if (o.status !== 'error') return [];
  if (o.source === 'entra') return scenario ? entraCollisions(o.code, result, scenario) : [];
  if (o.source === 'sp') return claimCollisions(result, specs);
  return [];
}
