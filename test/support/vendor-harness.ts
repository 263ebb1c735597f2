import { systemClock, type Clock } from '../../src/core/base/clock';
import { demoTenant } from '../../src/core/demo/demo-tenant';
import { runIdpInitiated, runSpInitiated, type SignInOptions } from '../../src/core/flows/flows';
import { UserAgent } from '../../src/core/flows/user-agent';
import { startHarness } from '../../src/core/host/harness';
import type { EnterpriseApp, Tenant } from '../../src/core/idp/model';
import type { IdpConfigInput, VendorProfile } from '../../src/core/vendors/profile';
import { createVendorApp } from '../../src/core/vendors/vendor-app';
import { VendorSp } from '../../src/core/vendors/vendor-sp';

export interface VendorHarnessOptions<S> {
  params?: Record<string, string>;
  settings?: (s: S) => void;
  app?: (app: EnterpriseApp, tenant: Tenant) => void;
  /** How the admin configures the vendor; 'none' leaves SSO unconfigured. */
  idpConfig?: (ctx: { metadataXml: string; metadataUrl: string; loginUrl: string; certificatePem: string }) => IdpConfigInput | 'none';
  clock?: Clock;
}

/** The demo tenant, an app set up as the vendor's guide says (everyone assigned), and the vendor configured with it. */
export async function startVendor<S>(profile: VendorProfile<S>, opts: VendorHarnessOptions<S> = {}) {
  const clock = opts.clock ?? systemClock;
  const tenant = demoTenant();
  const params = opts.params ?? {};
  const settings = profile.settings.defaults();
  opts.settings?.(settings);
  const app = await createVendorApp(profile, params, settings, clock.now());
  app.assignments = tenant.users.map((u) => ({ principalId: u.objectid, principalType: 'user' as const }));
  opts.app?.(app, tenant);
  const state = { tenant, apps: [app] };
  const harness = await startHarness({ state: () => state, clock });
  const vendor = new VendorSp(profile, params, { settings, directory: { users: [], groups: [] }, faults: [] }, { clock, transport: harness.flowEnv.transport });
  harness.sites.add(vendor.site);
  const metadataUrl = harness.urls.appMetadata(app.appId);
  const metadataXml = await (await fetch(harness.loopback(metadataUrl))).text();
  const input = (opts.idpConfig ?? (() => ({ method: profile.idpConfigMethods[0]!, metadataXml, metadataUrl }) as IdpConfigInput))({
    metadataXml,
    metadataUrl,
    loginUrl: harness.urls.saml2,
    certificatePem: app.signing.certificates[0]!.certificatePem,
  });
  if (input !== 'none') {
    const applied = await vendor.applyIdpConfig(input);
    if (!applied.ok) throw new Error(`vendor configuration refused: ${applied.error.message}`);
  }
  const env = harness.flowEnv;
  return {
    harness,
    tenant,
    app,
    vendor,
    settings,
    metadataXml,
    metadataUrl,
    env,
    agent: () => new UserAgent(env.transport),
    user: (upn: string) => tenant.users.find((u) => u.attributes.userprincipalname === upn)!,
    spInitiated: (opts2: SignInOptions = {}) => runSpInitiated(env, vendor.site, opts2),
    idpInitiated: (opts2: SignInOptions = {}) => runIdpInitiated(env, app.appId, opts2),
    stop: () => harness.stop(),
  };
}

export type VendorHarness<S> = Awaited<ReturnType<typeof startVendor<S>>>;
