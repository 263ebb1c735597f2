import type { FlowResult } from '../flows/flows';
import { descendants, attr, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';

/**
 * The claims a run's response carried, by name: from the SP's reading when it accepted the response, otherwise
 * from the response's XML (an encrypted assertion that was not read has none to show).
 */
export function runClaims(result: FlowResult): Record<string, string[]> | undefined {
  const identity = result.report?.identity;
  if (identity) return { NameID: [identity.nameId], ...identity.attributes };
  const response = result.hops.flatMap((h) => h.saml).findLast((m) => m.kind === 'Response' && m.xml);
  if (!response?.xml) return undefined;
  const doc = parseXml(response.xml);
  if (!doc.ok) return undefined;
  const claims: Record<string, string[]> = {};
  const nameId = descendants(doc.value, NS.saml, 'NameID')[0];
  if (nameId) claims.NameID = [textOf(nameId) ?? ''];
  for (const a of descendants(doc.value, NS.saml, 'Attribute')) {
    const name = attr(a, 'Name') ?? '';
    claims[name] = descendants(a, NS.saml, 'AttributeValue').map((v) => textOf(v) ?? '');
  }
  return claims;
}
