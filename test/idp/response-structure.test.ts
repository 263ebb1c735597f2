import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePostMessage } from '../../src/core/xml/codec';
import { postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';
import { xmlSkeleton } from '../support/xml-skeleton';
import { authnRequestXml, redirectQuery } from '../support/authn-request';

const REAL = readFileSync(new URL('../fixtures/entra/response-assertion-signed.skeleton.txt', import.meta.url), 'utf8');

/** The ds:Signature subtree as it stands under the real response's Assertion, re-indented for a new depth. */
function signatureBlock(depth: number): string[] {
  const lines = REAL.split('\n');
  const start = lines.findIndex((l) => l.trim() === '{ds}Signature');
  const indent = lines[start]!.length - lines[start]!.trimStart().length;
  const block: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    const d = l.length - l.trimStart().length;
    if (i > start && d <= indent) break;
    block.push('  '.repeat(depth) + l.slice(indent));
  }
  return block;
}

/** Entra puts the response signature right after the Response's Issuer (the protocol docs' sample). */
function expectedFor(option: 'assertion' | 'response' | 'response-and-assertion'): string {
  const lines = REAL.trimEnd().split('\n');
  const sigStart = lines.indexOf('    {ds}Signature');
  const sigLength = signatureBlock(0).length;
  const body = option === 'response' ? [...lines.slice(0, sigStart), ...lines.slice(sigStart + sigLength)] : lines;
  const out = option === 'assertion' ? body : [...body.slice(0, 2), ...signatureBlock(1), ...body.slice(2)];
  return out.join('\n') + '\n';
}

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp();
});
afterAll(() => h.stop());

async function responseXml(option: 'assertion' | 'response' | 'response-and-assertion', inResponse = true): Promise<string> {
  h.state.apps[0]!.signing.option = option;
  const agent = h.agent();
  if (inResponse) await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(), { extra: { login_hint: 'adele.vance@contoso.com' } })}`);
  else await agent.navigate(h.host.origin + `/vh/launcher.myapps.microsoft.com/api/signin/${h.app.appId}?tenantId=${h.tenant.id}&login_hint=adele.vance%40contoso.com`);
  const xml = decodePostMessage(postedToSp(agent).SAMLResponse);
  if (!xml.ok) throw xml.error;
  return xml.value;
}

describe('the response has the element tree of a real Entra ID response', () => {
  it('keeps the 2018 form when the tenant asks for it: the bearer ends 5 min after issue, the Conditions at NotBefore + 1 h', async () => {
    h.state.tenant.tokenTiming = '2018';
    try {
      const xml = await responseXml('assertion');
      const issue = Date.parse(/<samlp:Response[^>]* IssueInstant="([^"]+)"/.exec(xml)![1]!);
      const notBefore = Date.parse(/<Conditions NotBefore="([^"]+)"/.exec(xml)![1]!);
      expect(Date.parse(/<Conditions NotBefore="[^"]+" NotOnOrAfter="([^"]+)"/.exec(xml)![1]!) - notBefore).toBe(60 * 60_000);
      expect(Date.parse(/<SubjectConfirmationData[^>]* NotOnOrAfter="([^"]+)"/.exec(xml)![1]!) - issue).toBe(5 * 60_000);
      // The 2018 response's separate clock reads: the Assertion stamped 15 ms before the Response.
      expect(Date.parse(/<Assertion [^>]*IssueInstant="([^"]+)"/.exec(xml)![1]!) - issue).toBe(-15);
    } finally {
      h.state.tenant.tokenTiming = '2022';
    }
  });

  it('"Sign SAML assertion" (the default) matches the real capture exactly, values aside', async () => {
    expect(xmlSkeleton(await responseXml('assertion'))).toBe(REAL);
  });

  it.each(['response', 'response-and-assertion'] as const)('"%s" moves or adds the signature where Entra puts it', async (option) => {
    const ours = xmlSkeleton(await responseXml(option));
    expect(ours).toBe(expectedFor(option));
    expect(ours).not.toBe(REAL);
  });

  it('an IdP-initiated response differs only by having no InResponseTo', async () => {
    const ours = xmlSkeleton(await responseXml('assertion', false));
    expect(ours).toBe(REAL.replace(' InResponseTo', '').replace('[InResponseTo NotOnOrAfter Recipient]', '[NotOnOrAfter Recipient]'));
  });

  it("keeps today's timing (the 2022 response): Conditions −5 min to +60 min from their own clock read, bearer ending with them", async () => {
    const xml = await responseXml('assertion');
    const issue = Date.parse(/<samlp:Response[^>]* IssueInstant="([^"]+)"/.exec(xml)![1]!);
    const at = (re: RegExp) => Date.parse(re.exec(xml)![1]!) - issue;
    // As the 2022 response: the Assertion stamped with the Response's instant, the Conditions read 93 ms before;
    // a fresh sign-in's AuthnInstant is when the password was entered, seconds earlier.
    expect(at(/<Assertion [^>]*IssueInstant="([^"]+)"/)).toBe(0);
    expect(at(/AuthnInstant="([^"]+)"/)).toBe(-2_844);
    expect(at(/<Conditions NotBefore="([^"]+)"/)).toBe(-5 * 60_000 - 93);
    expect(at(/<Conditions NotBefore="[^"]+" NotOnOrAfter="([^"]+)"/)).toBe(60 * 60_000 - 93);
    expect(at(/<SubjectConfirmationData[^>]* NotOnOrAfter="([^"]+)"/)).toBe(60 * 60_000 - 93);
    expect(/SessionIndex="([^"]+)"/.exec(xml)![1]).toBe(/<Assertion ID="([^"]+)"/.exec(xml)![1]);
    expect(/<samlp:Response ID="(_[0-9a-f-]{36})"/.test(xml)).toBe(true);
    expect(xml).toContain(`<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">https://sts.windows.net/${h.tenant.id}/</Issuer>`);
  });
});
