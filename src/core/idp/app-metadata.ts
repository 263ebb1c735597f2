import { CoreError, err, ok, type Result } from '../base/errors';
import { publishedCertificates, signingCertificate } from './app-certificates';
import { buildFederationMetadata } from './metadata';
import type { EnterpriseApp, Tenant } from './model';
import { entraIssuer, type IdpUrls } from './urls';

/** The app's Federation Metadata XML, with every certificate of the app and signed with the active one. */
export function appFederationMetadata(tenant: Tenant, app: EnterpriseApp, urls: IdpUrls, now: Date): Result<string> {
  const certificates = publishedCertificates(app);
  const signer = signingCertificate(app, now);
  const key = signer.ok ? signer.value : certificates[0];
  if (!key) return err(new CoreError('APP_HAS_NO_CERTIFICATE', `${app.displayName} has no SAML signing certificate to publish.`));
  return ok(buildFederationMetadata({ entityId: entraIssuer(tenant.id), urls, certificates, signer: key }));
}
