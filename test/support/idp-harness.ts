import * as samlify from 'samlify';
import { SAML, ValidateInResponseTo, type SamlConfig } from '@node-saml/node-saml';
import { manualClock, systemClock, type Clock, type ManualClock } from '../../src/core/base/clock';
import { createEnterpriseApp } from '../../src/core/idp/app-defaults';
import { demoTenant } from '../../src/core/demo/demo-tenant';
import type { EnterpriseApp, Tenant } from '../../src/core/idp/model';
import type { IdpState } from '../../src/core/idp/entra-idp';
import { HarnessHost } from '../../src/core/host/server';
import { mountEntra } from '../../src/core/host/mount-entra';
import { toLoopback } from '../../src/core/http/loopback-urls';
import { UserAgent } from '../../src/core/flows/user-agent';
import { sharedSchemaValidator } from '../../src/core/xml/schema-validator';

export const SP_ENTITY = 'https://sp.example.com/saml/metadata';
export const SP_ACS = 'https://sp.example.com/saml/acs';

/** A running mock tenant on a free loopback port, with one app for a test SP that every demo user is assigned to. */
export async function startIdp(opts: { clock?: Clock; configure?: (app: EnterpriseApp, tenant: Tenant) => void } = {}) {
  const clock = opts.clock ?? systemClock;
  const tenant = demoTenant();
  const app = await createEnterpriseApp({ displayName: 'Test SP', identifiers: [SP_ENTITY], replyUrls: [SP_ACS], logoutUrl: 'https://sp.example.com/saml/logout' }, clock.now());
  app.assignments = tenant.users.map((u) => ({ principalId: u.objectid, principalType: 'user' as const }));
  opts.configure?.(app, tenant);
  const state: { -readonly [K in keyof IdpState]: IdpState[K] } & { apps: EnterpriseApp[] } = { tenant, apps: [app] };
  const host = new HarnessHost();
  const { idp, urls } = mountEntra(host, { state: () => state, clock });
  await host.start();
  const transport = { origin: host.origin, virtualHosts: () => host.virtualHostNames() };
  return {
    host,
    idp,
    urls,
    state,
    app,
    tenant,
    clock,
    /** The Login URL as an outside client reaches it on loopback. */
    ssoLoopback: toLoopback(urls.saml2, host.origin),
    metadataLoopback: toLoopback(urls.appMetadata(app.appId), host.origin),
    /** The same document with Entra's real endpoints, as the portal's download gives it. */
    metadataRealForm: `${toLoopback(urls.appMetadata(app.appId), host.origin)}&endpoints=real`,
    agent: () => new UserAgent(transport),
    user: (upn: string) => tenant.users.find((u) => u.attributes.userprincipalname === upn)!,
    stop: () => host.stop(),
  };
}

export type IdpHarness = Awaited<ReturnType<typeof startIdp>>;

export function fixedClock(at = '2026-06-01T12:00:00.000Z'): ManualClock {
  return manualClock(at);
}

/** An independent SP: node-saml configured as a vendor would be, from values read out of our metadata. */
export function nodeSamlSp(h: IdpHarness, idpCert: string | string[], extra: Partial<SamlConfig> = {}): SAML {
  return new SAML({
    entryPoint: h.ssoLoopback,
    issuer: SP_ENTITY,
    callbackUrl: SP_ACS,
    idpCert,
    audience: SP_ENTITY,
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    ...extra,
  });
}

let validatorSet = false;
/** samlify refuses to parse without a schema validator; give it the harness's real one. */
export function samlifyWithSchema(): typeof samlify {
  if (!validatorSet) {
    const v = sharedSchemaValidator();
    samlify.setSchemaValidator({
      validate: async (xml: string) => {
        const r = await v.validate(xml);
        if (!r.valid) throw new Error(r.problems.map((p) => p.message).join('; '));
        return 'ok';
      },
    });
    validatorSet = true;
  }
  return samlify;
}

/** The SAMLResponse and RelayState an auto-post page carried to the SP. */
export function postedToSp(agent: UserAgent): { SAMLResponse: string; RelayState?: string; url: string } {
  const hop = [...agent.hops].reverse().find((h) => h.method === 'POST' && h.form?.SAMLResponse);
  if (!hop?.form?.SAMLResponse) throw new Error(`no SAMLResponse was posted; hops: ${agent.hops.map((h) => `${h.method} ${h.url} ${h.status}`).join(' | ')}`);
  return { SAMLResponse: hop.form.SAMLResponse, url: hop.url, ...(hop.form.RelayState !== undefined ? { RelayState: hop.form.RelayState } : {}) };
}
