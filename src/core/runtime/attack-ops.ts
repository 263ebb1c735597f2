import { runAttackPack, type AttackPackRun } from '../attacks/run-pack';
import { CoreError } from '../base/errors';
import { captureScenario } from '../scenarios/capture';
import type { IdpConfigSpec } from '../scenarios/schema';
import type { HarnessRuntime } from './harness-runtime';

/** A vendor as the workspace sets it up, to attack in a sandbox: what these operations read of the runtime, and no more. */
export type AttackContext = Pick<HarnessRuntime, 'entry' | 'ws' | 'app' | 'harness' | 'clock' | 'vendor'>;

const ATTACKER = 'adele.vance@contoso.com';

/**
 * The attack pack against a workspace vendor as it is set up (its profile, settings and app), in a sandbox:
 * the workspace is not touched. A vendor not yet given the IdP configuration gets this app's, by the first
 * way it takes one, so the pack tests the SP and not the missing set-up.
 */
export function attackWorkspaceVendor(rt: AttackContext, vendorId: string): Promise<AttackPackRun> {
  const entry = rt.entry(vendorId);
  if (!entry.appObjectId) throw new CoreError('VENDOR_WITHOUT_APP', `${vendorId} has no enterprise app to sign responses for.`);
  const user = rt.ws.tenant.users.find((u) => u.attributes.userprincipalname === ATTACKER) ?? rt.ws.tenant.users[0];
  const scenario = captureScenario({
    name: `Attack pack: ${vendorId}`,
    tenant: rt.ws.tenant,
    app: rt.app(entry.appObjectId),
    vendor: entry,
    urls: rt.harness.urls,
    flow: 'sp-initiated',
    ...(user ? { user } : {}),
    outcome: { status: 'signed-in', sp: vendorId, identity: { nameId: '', attributes: {}, assertionId: '' } },
    now: rt.clock.now(),
  });
  if (!scenario.vendor.idpConfig) scenario.vendor.idpConfig = fromApp(rt.vendor(vendorId).profile.idpConfigMethods[0] ?? 'metadata-xml');
  return runAttackPack(scenario);
}

function fromApp(method: string): IdpConfigSpec {
  switch (method) {
    case 'metadata-url':
      return { method: 'metadata-url', metadataUrl: 'app' };
    case 'signon-url-and-certificate':
      return { method: 'signon-url-and-certificate', signOnUrl: 'app', certificate: 'app' };
    case 'sent-to-support':
      return { method: 'sent-to-support', metadataXml: 'app' };
    default:
      return { method: 'metadata-xml', metadataXml: 'app' };
  }
}
