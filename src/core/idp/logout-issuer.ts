import type { Tenant } from './model';
import { entraIssuer, type IdpUrls } from './urls';

/**
 * The Issuer of the tenant's LogoutResponses. Microsoft's single sign-out page documents
 * https://login.microsoftonline.com/{tenant}/, which is not the entity ID in the app's metadata
 * (https://sts.windows.net/{tenant}/); a tenant option gives the entity-ID form, for tenants seen to answer so.
 */
export function logoutResponseIssuer(tenant: Pick<Tenant, 'id' | 'logoutIssuer'>, urls: Pick<IdpUrls, 'logoutIssuer'>): string {
  return tenant.logoutIssuer === 'entity-id' ? entraIssuer(tenant.id) : urls.logoutIssuer;
}

/** What SP stacks answer to a LogoutResponse from an Issuer their metadata does not name, and the fix on each. */
export const LOGOUT_ISSUER_FIXES: ReadonlyArray<{ stack: string; symptom: string; fix: string }> = [
  {
    stack: 'Shibboleth SP',
    symptom: "no metadata found, can't establish identity of issuer",
    fix: "add a second <MetadataProvider> with a copy of the app's metadata whose entityID is the LogoutResponse Issuer",
  },
  { stack: 'mod_auth_mellon', symptom: 'The identifier of a provider is unknown', fix: 'give MellonIdPMetadataFile a second copy of the metadata with that entityID' },
  { stack: 'SimpleSAMLphp', symptom: 'Cannot retrieve metadata for IdP', fix: 'add the IdP to saml20-idp-remote.php a second time, keyed by that entity ID' },
  { stack: 'passport-saml / node-saml', symptom: 'Unknown SAML issuer (with idpIssuer set)', fix: 'leave idpIssuer unset for logout, or accept both issuers' },
];

/** The pitfall in one sentence, when a LogoutResponse's Issuer is not the entity ID the SP was given; else nothing. */
export function logoutIssuerSummary(issuer: string | undefined, tenantId: string): string | undefined {
  const entityId = entraIssuer(tenantId);
  if (!issuer || issuer === entityId) return undefined;
  return `Entra's LogoutResponse names its Issuer ${issuer}, as Microsoft's single sign-out page documents, while the metadata your SP holds names the IdP ${entityId}: an SP that looks the Issuer up in its metadata refuses the logout.`;
}

/** The same, with the SP-side fix for each common stack, as one note. */
export function logoutIssuerNote(issuer: string | undefined, tenantId: string): string | undefined {
  const summary = logoutIssuerSummary(issuer, tenantId);
  if (!summary) return undefined;
  const fixes = LOGOUT_ISSUER_FIXES.map((f) => `${f.stack} ("${f.symptom}"): ${f.fix}`).join('; ');
  return `${summary} On the SP: ${fixes}. If your tenant answers with the entity ID instead, set the tenant's LogoutResponse Issuer to that form.`;
}
