import { authnRequestXml as build, redirectQuery, type AuthnRequestSpec } from '../../src/core/scenarios/crafted-requests';
import { encodePostMessage } from '../../src/core/xml/codec';
import { SP_ACS, SP_ENTITY } from './idp-harness';

export type RequestSpec = Partial<Omit<AuthnRequestSpec, 'issueInstantOffsetSeconds'>> & { issueInstant?: string | null };

/** An AuthnRequest from the test SP (sp.example.com), with exactly the faults the spec asks for. */
export function authnRequestXml(spec: RequestSpec = {}, now = new Date()): string {
  const { issueInstant, ...rest } = spec;
  const xml = build(rest, { issuer: SP_ENTITY, acsUrl: SP_ACS, now });
  if (issueInstant === undefined) return xml;
  return issueInstant === null ? xml.replace(/ IssueInstant="[^"]*"/, '') : xml.replace(/ IssueInstant="[^"]*"/, ` IssueInstant="${issueInstant}"`);
}

export { redirectQuery, encodePostMessage };
