import { CoreError } from '../base/errors';
import type { EnterpriseApp } from '../idp/model';
import { parseSpMetadata, type SpMetadata } from '../idp/sp-metadata';
import { pinnedAppCertificate } from '../idp/app-certificates';
import { createApp } from './app-ops';
import type { HarnessRuntime } from './harness-runtime';

export interface RegisterSpInput {
  /** The SP's metadata XML. */
  metadataXml: string;
  /** The app's display name; default: the entity ID's host (or the entity ID). */
  name?: string;
  /** Users (UPNs) to assign; "Assignment required?" stays on. */
  assign?: readonly string[];
  /** Turn "Assignment required?" off: every user of the tenant may sign in. */
  noAssignment?: boolean;
  /**
   * Take the metadata's RequestInitiator as the Sign on URL. Off by default: with a Sign on URL, the My Apps tile
   * starts an SP-initiated sign-in at the SP, so an IdP-initiated test is no longer one.
   */
  signOnUrl?: boolean;
  /** Relay State: where the app goes after an IdP-initiated sign-in (an SP without it lands on its home page). */
  relayState?: string;
  /** A signing certificate to pin on the app (PEM certificate and private key) instead of the one Entra made. */
  signingCertificate?: { certificatePem: string; privateKeyPem: string };
}

/** What was set on the app, and from where in the metadata: said to the user as the portal's upload would. */
export interface RegisteredSp {
  app: EnterpriseApp;
  /** The app existed (same Identifier) and was updated rather than created. */
  updated: boolean;
  fields: Array<{ field: string; value: string; from: string }>;
  /** A RequestInitiator the metadata had and that was left out (signOnUrl not asked for). */
  skippedSignOnUrl?: string;
}

const nameFor = (entityId: string): string => {
  try {
    return new URL(entityId).host || entityId;
  } catch {
    return entityId;
  }
};

function fieldsFrom(md: SpMetadata, signOn: boolean): RegisteredSp['fields'] {
  return [
    { field: 'Identifier (Entity ID)', value: md.entityId, from: 'EntityDescriptor@entityID' },
    ...md.replyUrls.map((r, i) => ({
      field: `Reply URL${md.replyUrls.length > 1 ? ` ${i + 1}` : ''}${r.isDefault ? ' (default)' : ''}`,
      value: r.url,
      from: `AssertionConsumerService (HTTP-POST${r.index !== undefined ? `, index ${r.index}` : ''})`,
    })),
    ...(md.logoutUrl ? [{ field: 'Logout Url', value: md.logoutUrl, from: 'SingleLogoutService' }] : []),
    ...(signOn && md.signOnUrl ? [{ field: 'Sign on URL', value: md.signOnUrl, from: 'Extensions/RequestInitiator' }] : []),
    ...md.signingCertificates.map((_, i) => ({ field: `Verification certificate ${i + 1}`, value: '(the SP signs its AuthnRequests with it)', from: 'KeyDescriptor use="signing"' })),
  ];
}

/**
 * "New application › Upload metadata file", from code: an enterprise app made (or, for an Identifier already in
 * the tenant, updated) from an SP's metadata, with its users assigned or assignment turned off.
 */
export async function registerSp(rt: HarnessRuntime, input: RegisterSpInput): Promise<RegisteredSp> {
  const parsed = parseSpMetadata(input.metadataXml, rt.clock.now());
  if (!parsed.ok) throw parsed.error;
  const md = parsed.value;
  const users = (input.assign ?? []).map((upn) => rt.user(upn));
  if (users.length && input.noAssignment) throw new CoreError('ASSIGNMENT_CONFLICT', 'Either assign users or turn assignment off, not both.');
  const existing = rt.ws.apps.find((a) => a.saml.identifiers.some((i) => i.value === md.entityId));
  const app = existing ?? (await createApp(rt, { displayName: input.name ?? nameFor(md.entityId) }));
  if (existing && input.name) app.displayName = input.name;
  app.saml = {
    identifiers: [{ value: md.entityId, isDefault: true }],
    replyUrls: md.replyUrls,
    ...(md.logoutUrl ? { logoutUrl: md.logoutUrl } : {}),
    ...(input.signOnUrl && md.signOnUrl ? { signOnUrl: md.signOnUrl } : {}),
    ...(input.relayState ? { relayState: input.relayState } : app.saml.relayState ? { relayState: app.saml.relayState } : {}),
  };
  if (input.signingCertificate) {
    const pinned = pinnedAppCertificate(input.signingCertificate.certificatePem, input.signingCertificate.privateKeyPem);
    if (!pinned.ok) throw pinned.error;
    app.signing = { ...app.signing, certificates: [pinned.value] };
  }
  if (md.signingCertificates.length) app.requestVerification = { ...app.requestVerification, certificates: md.signingCertificates };
  if (input.noAssignment) app.assignmentRequired = false;
  for (const u of users) {
    app.assignmentRequired = true;
    if (!app.assignments.some((a) => a.principalId === u.objectid)) app.assignments.push({ principalId: u.objectid, principalType: 'user' });
  }
  await rt.saveApp(app.objectId);
  return { app, updated: Boolean(existing), fields: fieldsFrom(md, Boolean(input.signOnUrl)), ...(!input.signOnUrl && md.signOnUrl ? { skippedSignOnUrl: md.signOnUrl } : {}) };
}
