import { systemClock, type Clock } from '../../src/core/base/clock';
import { startHarness } from '../../src/core/host/harness';
import { createEnterpriseApp } from '../../src/core/idp/app-defaults';
import { demoTenant } from '../../src/core/demo/demo-tenant';
import type { EnterpriseApp } from '../../src/core/idp/model';
import { loadMetadataFromUrl } from '../../src/core/sp/metadata-source';
import type { SpPolicy } from '../../src/core/sp/model';
import { createGenericSite } from '../../src/core/sites/generic-site';
import { UserAgent } from '../../src/core/flows/user-agent';

export const GENERIC = {
  entityId: 'https://app.generic-sp.test/saml/metadata',
  acsUrl: 'https://app.generic-sp.test/saml/acs',
  signOnUrl: 'https://app.generic-sp.test/login',
  sloUrl: 'https://app.generic-sp.test/saml/slo',
  metadataUrl: 'https://app.generic-sp.test/saml/metadata',
};

/**
 * The harness with the demo tenant, one enterprise app set up for a generic SP, and that SP configured the
 * way an integrator would: from the app's Federation Metadata URL.
 */
export async function startFlowHarness(opts: { idpClock?: Clock; spClock?: Clock; policy?: Partial<SpPolicy>; configure?: (app: EnterpriseApp) => void } = {}) {
  const idpClock = opts.idpClock ?? systemClock;
  const tenant = demoTenant();
  const app = await createEnterpriseApp({ displayName: 'Generic SP', identifiers: [GENERIC.entityId], replyUrls: [GENERIC.acsUrl], logoutUrl: GENERIC.sloUrl }, idpClock.now());
  app.assignments = tenant.users.filter((u) => u.attributes.userprincipalname !== 'lynne.robbins@contoso.com').map((u) => ({ principalId: u.objectid, principalType: 'user' as const }));
  opts.configure?.(app);
  const state = { tenant, apps: [app] };
  const harness = await startHarness({ state: () => state, clock: idpClock });
  const metadata = await loadMetadataFromUrl(harness.urls.appMetadata(app.appId), harness.flowEnv.transport);
  if (!metadata.ok) throw metadata.error;
  const site = createGenericSite({ id: 'generic', ...GENERIC, clock: opts.spClock ?? idpClock, trust: metadata.value.trust, policy: opts.policy ?? {} });
  harness.sites.add(site);
  return { harness, state, app, tenant, site, env: harness.flowEnv, agent: () => new UserAgent(harness.flowEnv.transport), stop: () => harness.stop() };
}

export type FlowHarness = Awaited<ReturnType<typeof startFlowHarness>>;
