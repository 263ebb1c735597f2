import { attr, descendants, firstChild, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { signerOf } from './trust-basis';

/**
 * What a response says of itself, read without judging it: who issued and signed it, for which tenant, to whom,
 * when, and about whom. Shown when no SP of the workspace is its addressee, so the engineer still sees the facts.
 */
export interface ResponseFacts {
  issuer?: string;
  /** The Entra tenant, read from an Issuer of the form https://sts.windows.net/<tenant>/. */
  tenantId?: string;
  destination?: string;
  audience?: string;
  recipient?: string;
  issueInstant?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  authnInstant?: string;
  nameId?: string;
  nameIdFormat?: string;
  signer?: { subject: string; thumbprint: string; notAfter: string };
  attributes: Array<{ name: string; values: string[] }>;
}

const TENANT = /^https:\/\/sts\.windows\.net\/([0-9a-f-]{36})\/?$/i;
const MAX_ATTRIBUTES = 50;

export function responseFacts(xml: string): ResponseFacts | undefined {
  const parsed = parseXml(xml);
  if (!parsed.ok) return undefined;
  const response = parsed.value.documentElement;
  const assertion = descendants(response, NS.saml, 'Assertion')[0];
  const issuer = textOf(firstChild(assertion ?? response, NS.saml, 'Issuer')) ?? textOf(firstChild(response, NS.saml, 'Issuer'));
  const conditions = assertion ? firstChild(assertion, NS.saml, 'Conditions') : undefined;
  const nameId = assertion ? descendants(assertion, NS.saml, 'NameID')[0] : undefined;
  const confirmation = assertion ? descendants(assertion, NS.saml, 'SubjectConfirmationData')[0] : undefined;
  const signer = signerOf(xml);
  const facts: ResponseFacts = {
    attributes: (assertion ? descendants(assertion, NS.saml, 'Attribute') : []).slice(0, MAX_ATTRIBUTES).map((a) => ({
      name: attr(a, 'Name') ?? '(no Name)',
      values: descendants(a, NS.saml, 'AttributeValue').map((v) => textOf(v) ?? ''),
    })),
  };
  const set = <K extends keyof ResponseFacts>(k: K, v: ResponseFacts[K] | undefined) => {
    if (v !== undefined) facts[k] = v;
  };
  set('issuer', issuer);
  set('tenantId', issuer ? TENANT.exec(issuer)?.[1] : undefined);
  set('destination', attr(response, 'Destination'));
  set('audience', conditions ? textOf(descendants(conditions, NS.saml, 'Audience')[0]) : undefined);
  set('recipient', attr(confirmation, 'Recipient'));
  set('issueInstant', attr(response, 'IssueInstant'));
  set('notBefore', attr(conditions, 'NotBefore'));
  set('notOnOrAfter', attr(conditions, 'NotOnOrAfter'));
  set('authnInstant', assertion ? attr(descendants(assertion, NS.saml, 'AuthnStatement')[0], 'AuthnInstant') : undefined);
  set('nameId', textOf(nameId));
  set('nameIdFormat', attr(nameId, 'Format'));
  set('signer', signer ? { subject: signer.subject, thumbprint: signer.thumbprint, notAfter: signer.notAfter } : undefined);
  return facts;
}
