import { MINUTE, offsetClock, systemClock, type Clock } from '../base/clock';
import { pemToBase64 } from '../crypto/pem';
import { generateSelfSignedCertificate } from '../crypto/generate';
import { demoTenant } from '../demo/demo-tenant';
import { CoreError, err, ok, type Result } from '../base/errors';
import { startHarness, type RunningHarness } from '../host/harness';
import { activateCertificate, createAppCertificate } from '../idp/app-certificates';
import { appFederationMetadata } from '../idp/app-metadata';
import { tenantFederationMetadata } from '../idp/tenant-metadata';
import { newGuid } from '../base/ids';
import { idpUrls } from '../idp/urls';
import type { AppCertificate, EnterpriseApp, Tenant, User } from '../idp/model';
import type { IdpConfigInput, VendorError } from '../vendors/profile';
import { resolveProfile } from '../vendors/registry';
import { VendorSp } from '../vendors/vendor-sp';
import type { IdpConfigSpec, Scenario } from './schema';

const DAY_MS = 86400_000;
const YEAR_MS = 365 * DAY_MS;

export interface KeyPair {
  certificatePem: string;
  privateKeyPem: string;
}

/** A scenario's world: its own tenant, app, loopback host and vendor SP, apart from any workspace. */
export interface Sandbox {
  clock: Clock;
  tenant: Tenant;
  app: EnterpriseApp;
  harness: RunningHarness;
  vendor: VendorSp<unknown>;
  /** The SP's request-signing key (registered with the app when it requires signed requests), if the scenario signs. */
  spKey?: KeyPair;
  /** Attribute values applied to users for the flow, by object ID. */
  overrides: Map<string, Readonly<Record<string, readonly string[]>>>;
  stop(): Promise<void>;
}

/** Why the vendor's settings page refused the set-up: the scenario's outcome, before any flow. */
export interface SetupRefusal {
  code: string;
  message: string;
  reason?: string;
  httpStatus?: number;
}

/** The demo tenant with the scenario's users and groups in place of any with the same object ID, UPN or name. */
function mergeTenant(s: Scenario): Tenant {
  const tenant = demoTenant();
  const upns = new Set(s.tenant.users.map((u) => u.attributes.userprincipalname.toLowerCase()));
  const userIds = new Set(s.tenant.users.map((u) => u.objectid));
  tenant.users = [...tenant.users.filter((u) => !userIds.has(u.objectid) && !upns.has(u.attributes.userprincipalname.toLowerCase())), ...structuredClone(s.tenant.users)];
  const groupIds = new Set(s.tenant.groups.map((g) => g.objectid));
  const names = new Set(s.tenant.groups.map((g) => g.displayname));
  tenant.groups = [...tenant.groups.filter((g) => !groupIds.has(g.objectid) && !names.has(g.displayname)), ...structuredClone(s.tenant.groups)];
  return tenant;
}

/** The app's certificate, created a day before the scenario's clock: it existed before the sign-in. */
async function certificatesFor(state: Scenario['app']['signing']['certificate'], now: Date): Promise<AppCertificate[]> {
  if (state === 'expired') return [await createAppCertificate(new Date(now.getTime() - 4 * YEAR_MS), { active: true })];
  if (state === 'expiring') return [await createAppCertificate(new Date(now.getTime() - DAY_MS), { active: true, notAfter: new Date(now.getTime() + MINUTE) })];
  return [await createAppCertificate(new Date(now.getTime() - DAY_MS), { active: true })];
}

async function buildApp(s: Scenario, now: Date, spKey: KeyPair | undefined): Promise<EnterpriseApp> {
  const { signing, requireSignedRequests, ...rest } = structuredClone(s.app);
  return {
    ...rest,
    objectId: newGuid(),
    appId: newGuid(),
    signing: { option: signing.option, algorithm: signing.algorithm, certificates: await certificatesFor(signing.certificate, now) },
    requestVerification: { required: requireSignedRequests, certificates: spKey ? [spKey.certificatePem] : [] },
  };
}

/**
 * The Federation Metadata XML of an app other than the scenario's: another app of this tenant, or this app in
 * another tenant. Either has a certificate of its own, as in Entra.
 */
async function wrongMetadata(which: 'other-app' | 'other-tenant' | 'tenant', box: Omit<Sandbox, 'vendor' | 'stop' | 'overrides'>): Promise<Result<string>> {
  const now = box.clock.now();
  if (which === 'tenant') return ok(await tenantFederationMetadata(box.tenant, box.harness.urls, now));
  const other: EnterpriseApp = { ...structuredClone(box.app), objectId: newGuid(), appId: newGuid(), displayName: `${box.app.displayName} (another app)` };
  other.signing = { ...other.signing, certificates: [await createAppCertificate(new Date(now.getTime() - DAY_MS), { active: true })] };
  if (which === 'other-app') return appFederationMetadata(box.tenant, other, box.harness.urls, now);
  const tenant: Tenant = { ...box.tenant, id: newGuid() };
  return appFederationMetadata(tenant, other, idpUrls(tenant.id), now);
}

async function resolveIdpConfig(spec: IdpConfigSpec, box: Omit<Sandbox, 'vendor' | 'stop' | 'overrides'>): Promise<Result<IdpConfigInput>> {
  const metadata = (): Result<string> => appFederationMetadata(box.tenant, box.app, box.harness.urls, box.clock.now());
  const activePem = box.app.signing.certificates.find((c) => c.active)?.certificatePem;
  switch (spec.method) {
    case 'metadata-xml':
    case 'sent-to-support': {
      if (!['app', 'other-app', 'other-tenant', 'tenant'].includes(spec.metadataXml)) return ok({ method: spec.method, metadataXml: spec.metadataXml });
      const xml = spec.metadataXml === 'app' ? metadata() : await wrongMetadata(spec.metadataXml as 'other-app' | 'other-tenant' | 'tenant', box);
      return xml.ok ? ok({ method: spec.method, metadataXml: xml.value }) : xml;
    }
    case 'metadata-url':
      return ok({ method: 'metadata-url', metadataUrl: spec.metadataUrl === 'app' ? box.harness.urls.appMetadata(box.app.appId) : spec.metadataUrl });
    case 'signon-url-and-certificate': {
      const fromApp = spec.certificate === 'app' || spec.certificate === 'app-without-pem-lines';
      if (fromApp && !activePem) return err(new CoreError('NO_APP_CERTIFICATE', "The scenario gives the vendor the app's certificate, but the app has none."));
      const certificate = spec.certificate === 'app' ? activePem! : spec.certificate === 'app-without-pem-lines' ? pemToBase64(activePem!) : spec.certificate;
      return ok({ method: spec.method, signOnUrl: spec.signOnUrl === 'app' ? box.harness.urls.saml2 : spec.signOnUrl, certificate });
    }
  }
}

const refusal = (e: VendorError | CoreError): SetupRefusal =>
  e instanceof CoreError ? { code: e.code, message: e.message } : { code: e.code, message: e.message, reason: e.reason, httpStatus: e.httpStatus };

/** The vendor's settings page, in the scenario's order: IdP configuration, support, actions; then any rollover. */
async function setUpVendor(s: Scenario, box: Sandbox): Promise<SetupRefusal | undefined> {
  const { vendor } = box;
  if (s.vendor.idpConfig) {
    const input = await resolveIdpConfig(s.vendor.idpConfig, box);
    if (!input.ok) return refusal(input.error);
    const applied = await vendor.applyIdpConfig(input.value);
    if (!applied.ok) return refusal(applied.error);
    if (input.value.method === 'sent-to-support' && s.vendor.supportApplied) {
      const support = await vendor.supportApplies();
      if (!support.ok) return refusal(support.error);
    }
    // Saving the configuration moves some vendors' state on (Hugging Face: "configured"); the scenario's
    // settings are the state to replay, so they are put back.
    Object.assign(vendor.state.settings as object, structuredClone(s.vendor.settings));
  }
  for (const a of s.vendor.actions) {
    const r = vendor.runAction(a.action, a.input);
    if (!r.ok) return refusal(r.error);
  }
  if (s.app.signing.certificate === 'none') box.app.signing.certificates = [];
  if (s.app.signing.certificate === 'rolled-over') {
    const next = await createAppCertificate(box.clock.now());
    box.app.signing.certificates.push(next);
    Object.assign(box.app, activateCertificate(box.app, next.thumbprint));
  }
  return undefined;
}

/** Builds the scenario's world and sets the vendor up; a refusal on the vendor's settings page ends it there. */
export async function openSandbox(s: Scenario, opts: { spEncryption?: KeyPair } = {}): Promise<{ box: Sandbox; refused?: SetupRefusal }> {
  const clock = s.clock ? offsetClock(s.clock) : systemClock;
  const now = clock.now();
  const signs = s.app.requireSignedRequests || s.flow.authnRequest?.sign === 'sp-key';
  const spKey = signs ? await generateSelfSignedCertificate({ now, subject: 'CN=service provider' }) : undefined;
  const tenant = mergeTenant(s);
  const app = await buildApp(s, now, spKey);
  const state = { tenant, apps: [app] };
  const overrides = new Map<string, Readonly<Record<string, readonly string[]>>>();
  const harness = await startHarness({ state: () => state, clock, overridesFor: (u: User) => overrides.get(u.objectid) });
  try {
    const profile = resolveProfile(s.vendor);
    const settings = profile.settings.schema.parse({ ...(profile.settings.defaults() as object), ...s.vendor.settings });
    const ahead = (s.vendor.clockAheadSeconds ?? 0) * 1000;
    const vendorClock: Clock = ahead ? { now: () => new Date(clock.now().getTime() + ahead) } : clock;
    const vendor = new VendorSp(
      profile,
      s.vendor.params,
      { settings, directory: structuredClone(s.vendor.directory), faults: [...s.vendor.faults] },
      { clock: vendorClock, transport: harness.flowEnv.transport, ...(opts.spEncryption ? { encryption: opts.spEncryption } : {}) },
    );
    harness.sites.add(vendor.site);
    const box: Sandbox = { clock, tenant, app, harness, vendor, overrides, stop: () => harness.stop(), ...(spKey ? { spKey } : {}) };
    const refused = await setUpVendor(s, box);
    return refused ? { box, refused } : { box };
  } catch (e) {
    await harness.stop();
    throw e;
  }
}
