import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { parseSpMetadata } from '../../src/core/idp/sp-metadata';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { signedOutFanoutPage } from '../../src/core/host/pages/entra-pages';
import { isWebUrl } from '../../src/core/http/web-url';
import { openTempRuntime } from '../support/temp-runtime';

// Every address the harness would navigate to or frame is an absolute http(s) URL: a crafted metadata file or
// record cannot plant javascript: where Entra's sign-out page frames it.

const md = (inner: string) =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:evil"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}` +
  `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => ({ rt, close } = await openTempRuntime()));
afterAll(() => close());

describe('URLs are URLs', () => {
  it('takes absolute http(s) URLs only', () => {
    for (const ok of ['https://sp.example/acs', 'http://127.0.0.1:8080/saml/acs', 'https://login.microsoftonline.com/x/saml2?a=b']) expect(isWebUrl(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>1</script>',
      '/relative/acs',
      'sp.example/acs',
      'https://',
      'vbscript:x',
      'file:///etc/passwd',
      'https://sp.example/a b',
    ])
      expect(isWebUrl(bad), bad).toBe(false);
  });

  it('refuses SP metadata whose SingleLogoutService, RequestInitiator or ACS is not one, naming the element', () => {
    const slo = parseSpMetadata(md('<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="javascript:fetch(\'/\')"/>'), new Date());
    expect(slo.ok).toBe(false);
    if (!slo.ok) {
      expect(slo.error.code).toBe('SP_METADATA_BAD_LOGOUT_URL');
      expect(slo.error.message).toMatch(/SingleLogoutService Location "javascript:fetch\('\/'\)" must be an absolute http/);
      expect(slo.error.detail.element).toMatch(/SingleLogoutService/);
    }
    const init = parseSpMetadata(
      md(
        '<md:Extensions><init:RequestInitiator xmlns:init="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Binding="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Location="data:text/html,x"/></md:Extensions>',
      ),
      new Date(),
    );
    expect(init.ok ? 'accepted' : init.error.code).toBe('SP_METADATA_BAD_SIGN_ON_URL');
  });

  it('refuses a Logout, Sign on, Relay State or Reply URL that is not one, in the blade’s words, and saves nothing', async () => {
    const app = rt.ws.apps[0]!;
    const before = JSON.stringify(app.saml);
    const basics = {
      objectId: app.objectId,
      displayName: app.displayName,
      enabled: app.enabled,
      assignmentRequired: app.assignmentRequired,
      assignments: app.assignments,
      claims: app.claims,
      tokenLifetimeMinutes: app.tokenLifetimeMinutes,
      requestVerification: app.requestVerification,
      appRoles: app.appRoles,
      signing: { option: app.signing.option, algorithm: app.signing.algorithm },
    };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ logoutUrl: 'javascript:alert(document.domain)' }, /^Logout Url must be an absolute http:\/\/ or https:\/\/ URL\.$/],
      [{ signOnUrl: 'javascript:alert(1)' }, /^Sign on URL must be/],
      [{ relayState: 'data:text/html,x' }, /^Relay State must be/],
      [{ replyUrls: [...app.saml.replyUrls, { url: 'javascript:x', isDefault: false }] }, new RegExp(`^Reply URL ${app.saml.replyUrls.length + 1} must be`)],
    ];
    for (const [patch, message] of cases) {
      const r = await handleApiCall(rt, 'apps.save', { app: { ...basics, saml: { ...app.saml, ...patch } } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
    expect(JSON.stringify(app.saml)).toBe(before);
  });

  it('refuses a user-defined SP whose URLs are not web URLs, naming the field', async () => {
    const r = await handleApiCall(rt, 'vendors.saveGeneric', {
      definition: { id: 'evil', displayName: 'Evil', entityId: 'urn:evil', acsUrl: 'https://evil.example/acs', logoutUrl: 'javascript:alert(1)' },
    });
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGUMENTS', message: expect.stringMatching(/^Logout URL must be an absolute/) as string });
  });

  it('frames other apps’ Logout URLs sandboxed on Entra’s signed-out page', () => {
    const page = parse(signedOutFanoutPage(['https://a.example/logout?SAMLRequest=x', 'https://b.example/slo'], 'https://c.example/slo').markup);
    const frames = page.querySelectorAll('iframe[data-logout-notify]');
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(f.getAttribute('sandbox')).toBe('');
  });
});
