import type { FlowResult } from '../flows/flows';
import { describeFlowOutcome } from '../flows/flows';
import { defaultIdentifier, defaultReplyUrl } from '../idp/app-defaults';
import { appFederationMetadata } from '../idp/app-metadata';
import type { EnterpriseApp, Tenant } from '../idp/model';
import type { IdpUrls } from '../idp/urls';
import { captureScenario } from '../scenarios/capture';
import type { Scenario } from '../scenarios/schema';
import { GenericSpDefinition } from '../vendors/generic/profile';
import type { VendorInstance } from '../workspace/schema';

/**
 * A run of your own SP as a scenario: the enterprise app as configured, with a user-defined SP standing in for
 * yours (its entity ID and ACS URL, configured from the app's metadata), so the sign-in replays headless,
 * without your app running.
 */
export function outsideRunScenario(result: FlowResult, ctx: { tenant: Tenant; apps: readonly EnterpriseApp[]; urls: IdpUrls; now: Date }): Scenario | undefined {
  const o = result.outcome;
  const issuer = result.authnRequest?.issuer;
  const app = ctx.apps.find((a) => (o.status === 'issued' ? a.appId === o.appId : issuer !== undefined && a.saml.identifiers.some((i) => i.value === issuer)));
  const entityId = issuer ?? (app ? defaultIdentifier(app) : undefined);
  const acsUrl = o.status === 'issued' ? o.acsUrl : (result.authnRequest?.acsUrl ?? (app ? defaultReplyUrl(app) : undefined));
  if (!app || !entityId || !acsUrl) return undefined;
  const metadata = appFederationMetadata(ctx.tenant, app, ctx.urls, ctx.now);
  if (!metadata.ok) return undefined;
  // The stand-in starts SP-initiated sign-in at a login URL of its own, on your SP's host.
  const loginUrl = new URL('/login', acsUrl).toString();
  const definition = GenericSpDefinition.safeParse({
    id: 'your-sp',
    displayName: `${app.displayName} (your SP, stood in for)`,
    entityId,
    acsUrl,
    loginUrl,
    flows: { spInitiated: true, idpInitiated: true, logout: false },
  });
  if (!definition.success) return undefined;
  const vendor: VendorInstance = {
    id: 'your-sp',
    profile: 'generic',
    params: {},
    appObjectId: app.objectId,
    definition: definition.data,
    state: { settings: {}, idpConfig: { method: 'metadata-xml', metadataXml: metadata.value }, directory: { users: [], groups: [] }, faults: [] },
  };
  const upn = o.status === 'issued' ? o.user : undefined;
  const user = upn ? ctx.tenant.users.find((u) => u.attributes.userprincipalname === upn) : undefined;
  return captureScenario({
    name: `${app.displayName}: your SP's sign-in, ${describeFlowOutcome(o)}`,
    description: `Saved from a sign-in by your own SP (${entityId}); a user-defined SP stands in for it.`,
    tenant: ctx.tenant,
    app,
    vendor,
    urls: ctx.urls,
    flow: result.authnRequest ? 'sp-initiated' : 'idp-initiated',
    outcome: o,
    now: ctx.now,
    ...(user ? { user } : {}),
  });
}
