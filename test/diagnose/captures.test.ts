import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { diagnose, type Diagnosis } from '../../src/core/diagnose/diagnose';
import type { FlowRunView } from '../../src/shared/views';
import { hopsToHar } from '../../src/core/trace/har';
import { hopsToSamlTracer } from '../../src/core/trace/saml-tracer';
import { asBrowserLeavesIt, capturingWorkspace } from '../support/captures';

let ws: Awaited<ReturnType<typeof capturingWorkspace>>;
let invalidRole: FlowRunView;
beforeAll(async () => {
  ws = await capturingWorkspace();
  invalidRole = await ws.rt.runFlow({ vendorId: 'imagekit', flow: 'idp-initiated', user: 'diego.siciliani@contoso.com' });
});
afterAll(() => ws.close());

async function diagnoseText(text: string, opts: { vendor?: string } = {}): Promise<Diagnosis> {
  const artefact = readArtefact(text);
  if (!artefact.ok) throw artefact.error;
  const d = await diagnose(artefact.value, { vendors: ws.vendors(), asOf: { mode: 'now' }, now: new Date(), ...opts });
  if (!d.ok) throw d.error;
  return d.value;
}

function expectInvalidRole(d: Diagnosis): void {
  expect(d.verdicts.map((v) => v.vendorId)).toEqual(['imagekit']);
  const v = d.verdicts[0]!;
  expect(v.addressed).toBe(true);
  expect(v.report.ok).toBe(true);
  expect(v.signer).toMatchObject({ known: true, subject: 'CN=Microsoft Azure Federated SSO Certificate' });
  expect(v.outcome).toMatchObject({ kind: 'refused', error: { code: 'INVALID_ROLE', httpStatus: 400 } });
  expect(v.fixes).toEqual([
    expect.objectContaining({
      where: 'entra',
      setting: 'Attributes & Claims › claim "imagekit_role"',
      change: expect.stringContaining('ToLowercase()') as string,
      because: expect.stringContaining('"Developer"; ImageKit accepts "developer"') as string,
    }),
  ]);
  expect(d.summary).toMatch(/^ImageKit would refuse it: INVALID_ROLE/);
}

describe('diagnosing captures of a real flow', () => {
  it('a HAR file of the flow: the hops rebuilt in order, the vendor error and the Entra fix', async () => {
    expect(invalidRole.result.outcome).toMatchObject({ code: 'INVALID_ROLE' });
    const d = await diagnoseText(JSON.stringify(hopsToHar(invalidRole.result.hops, invalidRole.result.startedAt)));
    expect(d.artefact).toMatchObject({ kind: 'har', skipped: 0 });
    expect(d.artefact.hops.map((h) => `${h.method} ${h.url.split('?')[0]}`)).toEqual(invalidRole.result.hops.map((h) => `${h.method} ${h.url.split('?')[0]}`));
    expect(d.artefact.messages).toEqual([expect.objectContaining({ param: 'SAMLResponse', kind: 'Response', hop: 3 })]);
    expectInvalidRole(d);
  });

  it('a SAML-tracer export of the flow gives the same diagnosis', async () => {
    const d = await diagnoseText(JSON.stringify(hopsToSamlTracer(invalidRole.result.hops, invalidRole.result.startedAt)));
    expect(d.artefact.kind).toBe('saml-tracer');
    expect(d.artefact.hops).toHaveLength(invalidRole.result.hops.length);
    expectInvalidRole(d);
  });

  it('a SAML-tracer export whose form values were obfuscated on export still has its decoded messages', async () => {
    const exported = hopsToSamlTracer(invalidRole.result.hops, invalidRole.result.startedAt);
    for (const r of exported.requests) if (r.post) r.post = r.post.map(([k]) => [k, '*****']);
    expectInvalidRole(await diagnoseText(JSON.stringify(exported)));
  });

  it('a HAR as a browser leaves it: other sites, a 5 MB script, preflights and XHR left out, URL-encoded params read', async () => {
    const { har, added } = asBrowserLeavesIt(hopsToHar(invalidRole.result.hops, invalidRole.result.startedAt));
    const d = await diagnoseText(JSON.stringify(har));
    expect(d.artefact.hops.map((h) => h.url.split('?')[0])).toEqual([...invalidRole.result.hops.map((h) => h.url.split('?')[0]), 'https://imagekit.io/dashboard']);
    expect(d.artefact.skipped).toBe(added - 1);
    expectInvalidRole(d);
  });

  it("an Entra error page: the AADSTS code, its name and what to change, also from Entra's own page text", async () => {
    const app = ws.rt.app(ws.rt.entry('generic').appObjectId!);
    const saved = structuredClone(app.saml.replyUrls);
    app.saml.replyUrls = [{ url: 'http://sp.example.com/saml/acs', isDefault: true }];
    const run = await ws.rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    app.saml.replyUrls = saved;
    const har = hopsToHar(run.result.hops, run.result.startedAt);
    const ours = await diagnoseText(JSON.stringify(har));
    expect(ours.entra).toEqual([expect.objectContaining({ code: 'AADSTS50011', name: 'InvalidReplyTo', emulated: true, where: 'error page' })]);
    expect(ours.summary).toMatch(/^Entra stopped the sign-in: AADSTS50011: The reply URL/);
    expect(ours.request).toMatchObject({ issuer: 'https://sp.example.com/saml/metadata', entra: { ok: true } });

    const page = har.log.entries.at(-1)!;
    const real = `<html><head><title>Sign in to your account</title></head><body><script>//<![CDATA[\n$Config={"iErrorCode":50011,"strServiceExceptionMessage":"AADSTS50011: The redirect URI 'http://sp.example.com/saml/acs' specified in the request does not match the redirect URIs configured for the application."};\n//]]></script></body></html>`;
    page.response.content = { size: real.length, mimeType: 'text/html; charset=utf-8', text: Buffer.from(real).toString('base64'), encoding: 'base64' };
    const theirs = await diagnoseText(JSON.stringify(har));
    expect(theirs.entra).toEqual([expect.objectContaining({ code: 'AADSTS50011', message: expect.stringContaining("AADSTS50011: The redirect URI 'http://sp.example.com/saml/acs'") as string })]);
  });
});

describe('diagnosing a single message', () => {
  it('raw XML, base64 and a form body all read to the same response', async () => {
    const posted = invalidRole.result.hops.find((h) => h.form?.SAMLResponse)!.form!.SAMLResponse!;
    const xml = Buffer.from(posted, 'base64').toString('utf8');
    for (const text of [posted, xml, `SAMLResponse=${encodeURIComponent(posted)}&RelayState=x`]) expectInvalidRole(await diagnoseText(text));
  });

  it('a URL with an AuthnRequest Entra would refuse: the AADSTS code it would answer', async () => {
    const { authnRequestXml, redirectQuery } = await import('../../src/core/scenarios/crafted-requests');
    const xml = authnRequestXml({ id: '6c1c178c166d486687be4aaf5e482730' }, { issuer: 'https://imagekit.io/saml/metadata', acsUrl: 'https://imagekit.io/saml/consume', now: new Date() });
    const d = await diagnoseText(`https://login.microsoftonline.com/contoso.onmicrosoft.com/saml2?${redirectQuery(xml)}`);
    expect(d.artefact.kind).toBe('url');
    expect(d.request).toMatchObject({ entra: { ok: false, code: 'AADSTS7500529' } });
    expect(d.summary).toMatch(/^Entra would refuse this AuthnRequest: AADSTS7500529/);
  });

  it('input that is none of the supported kinds is refused with what it looked like', () => {
    expect(readArtefact('')).toMatchObject({ ok: false, error: { code: 'ARTEFACT_EMPTY' } });
    expect(readArtefact('{"hello": 1}')).toMatchObject({ ok: false, error: { code: 'ARTEFACT_UNKNOWN' } });
    expect(readArtefact('{"log": {"entries": [{}]}}')).toMatchObject({ ok: false, error: { code: 'HAR_INVALID', message: expect.stringContaining('log.entries[0]') as string } });
    expect(readArtefact('{"requests": [{"method": "GET"}]}')).toMatchObject({ ok: false, error: { code: 'SAML_TRACER_INVALID', message: expect.stringContaining('requests[0]') as string } });
    expect(readArtefact('{not json')).toMatchObject({ ok: false, error: { code: 'ARTEFACT_NOT_JSON' } });
    expect(readArtefact('hello world')).toMatchObject({ ok: false, error: { code: 'ARTEFACT_UNREADABLE' } });
    expect(readArtefact('https://example.com/?a=1')).toMatchObject({ ok: false, error: { code: 'NO_SAML_MESSAGE' } });
  });
});
