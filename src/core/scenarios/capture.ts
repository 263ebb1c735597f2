import { describeCertificate } from '../crypto/certificate';
import { pemToBase64 } from '../crypto/pem';
import type { FlowOutcome } from '../flows/flows';
import type { EnterpriseApp, Group, Tenant, User } from '../idp/model';
import type { IdpUrls } from '../idp/urls';
import type { IdpConfigInput } from '../vendors/profile';
import type { AttributeSet, VendorInstance } from '../workspace/schema';
import { Scenario, SCENARIO_FORMAT, SCENARIO_VERSION, type CertificateState, type IdpConfigSpec, type ScenarioExpectation, type ScenarioFlowKind } from './schema';

export interface CaptureInput {
  name: string;
  description?: string;
  tenant: Tenant;
  app: EnterpriseApp;
  vendor: VendorInstance;
  urls: IdpUrls;
  flow: ScenarioFlowKind;
  user?: User;
  attributeSet?: AttributeSet;
  /** How the run ended: what the scenario will expect. */
  outcome: FlowOutcome;
  now: Date;
}

function groupsContaining(tenant: Tenant, id: string, seen = new Set<string>()): Group[] {
  const direct = tenant.groups.filter((g) => g.members.includes(id) && !seen.has(g.objectid));
  for (const g of direct) seen.add(g.objectid);
  return [...direct, ...direct.flatMap((g) => groupsContaining(tenant, g.objectid, seen))];
}

const thumbprintOf = (pem: string): string | undefined => {
  const d = describeCertificate(pem);
  return d.ok ? d.value.thumbprint : undefined;
};

/** Certificates the vendor holds, as thumbprints, read from what was entered on its settings page. */
function heldThumbprints(input: IdpConfigInput | undefined): string[] {
  if (!input) return [];
  const text = input.method === 'signon-url-and-certificate' ? input.certificate : 'metadataXml' in input ? input.metadataXml : '';
  const certs = input.method === 'signon-url-and-certificate' ? [text] : [...text.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) => m[1]!);
  return certs.map((c) => thumbprintOf(c)).filter((x): x is string => Boolean(x));
}

function certificateState(app: EnterpriseApp, held: readonly string[], now: Date): CertificateState {
  const certs = app.signing.certificates;
  if (!certs.length) return 'none';
  const active = certs.find((c) => c.active) ?? certs[0]!;
  if (new Date(active.notAfter) < now) return 'expired';
  const older = certs.filter((c) => c !== active).map((c) => c.thumbprint);
  return held.length && !held.includes(active.thumbprint) && held.some((t) => older.includes(t)) ? 'rolled-over' : 'valid';
}

/** What the vendor was given, in terms of the app where it came from the app (so a replay gives the new app's). */
function idpConfigSpec(input: IdpConfigInput | undefined, app: EnterpriseApp, urls: IdpUrls, held: readonly string[]): IdpConfigSpec | null {
  if (!input) return null;
  const appThumbprints = app.signing.certificates.map((c) => c.thumbprint);
  const fromThisApp = held.length > 0 && held.every((t) => appThumbprints.includes(t));
  const active = app.signing.certificates.find((c) => c.active);
  switch (input.method) {
    case 'metadata-xml':
    case 'sent-to-support':
      return { method: input.method, metadataXml: fromThisApp ? 'app' : input.metadataXml };
    case 'metadata-url':
      return { method: 'metadata-url', metadataUrl: input.metadataUrl === urls.appMetadata(app.appId) ? 'app' : input.metadataUrl };
    case 'signon-url-and-certificate': {
      const pemOf = app.signing.certificates.find((c) => c.thumbprint === held[0])?.certificatePem ?? active?.certificatePem;
      const certificate =
        !fromThisApp || !pemOf
          ? input.certificate
          : input.certificate.includes('BEGIN CERTIFICATE')
            ? 'app'
            : input.certificate.replace(/\s/g, '') === pemToBase64(pemOf)
              ? 'app-without-pem-lines'
              : input.certificate;
      return { method: input.method, signOnUrl: input.signOnUrl === urls.saml2 ? 'app' : input.signOnUrl, certificate };
    }
  }
}

function expectation(o: FlowOutcome): ScenarioExpectation {
  // A response issued to an outside SP is, from the scenario's vendor's side, a sign-in.
  if (o.status === 'issued') return { status: 'signed-in' };
  if (o.status !== 'error') return { status: o.status };
  return { status: 'error', code: o.code, source: o.source };
}

/**
 * A scenario that replays a run of the workspace: the app, the vendor's settings and state, the user (and the
 * groups they are in) and the attribute set, expecting the outcome the run had. Keys stay out of it: the
 * replay creates certificates in the same state.
 */
export function captureScenario(c: CaptureInput): Scenario {
  const held = heldThumbprints(c.vendor.state.idpConfig);
  const users = c.user ? [c.user] : [];
  const groups = c.user ? groupsContaining(c.tenant, c.user.objectid) : [];
  const ids = new Set([...users.map((u) => u.objectid), ...groups.map((g) => g.objectid)]);
  const { objectId: _o, appId: _a, signing, requestVerification, encryption: _e, ...app } = structuredClone(c.app);
  return Scenario.parse({
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: c.name,
    description: c.description ?? '',
    clock: null,
    tenant: { users: structuredClone(users), groups: structuredClone(groups) },
    app: {
      ...app,
      assignments: app.assignments.filter((a) => ids.has(a.principalId)),
      signing: { option: signing.option, algorithm: signing.algorithm, certificate: certificateState(c.app, held, c.now) },
      requireSignedRequests: requestVerification.required,
    },
    vendor: {
      profile: c.vendor.profile,
      params: c.vendor.params,
      ...(c.vendor.profile === 'generic' ? { definition: c.vendor.definition } : {}),
      settings: structuredClone(c.vendor.state.settings ?? {}),
      idpConfig: idpConfigSpec(c.vendor.state.idpConfig, c.app, c.urls, held),
      supportApplied: c.vendor.state.supportApplied ?? c.vendor.state.idpConfig?.method !== 'sent-to-support',
      directory: structuredClone(c.vendor.state.directory),
      faults: [...c.vendor.state.faults],
      actions: [],
    },
    flow: {
      kind: c.flow,
      ...(c.user ? { user: c.user.attributes.userprincipalname } : {}),
      ...(c.attributeSet ? { attributeSet: { name: c.attributeSet.name, values: c.attributeSet.values, ...(c.attributeSet.claims ? { claims: c.attributeSet.claims } : {}) } } : {}),
    },
    expect: expectation(c.outcome),
  });
}
