import type { Identity } from '../sp/model';
import type { ValidationReport } from '../sp/report';
import type { Collision } from '../sp/collision';
import type { SafeHtml } from '../http/html';

/** What an SP decides after its SAML checks: let the user in (maybe with details to show), or refuse. */
export interface SiteError {
  code: string;
  message: string;
  httpStatus: number;
  /** Why, in the harness's words (which attribute, which rule); shown beside the vendor's own text. */
  reason?: string;
  /** The value sent against the value held, when the refusal comes down to two. */
  collided?: Collision;
}

export type SignInDecision = { kind: 'signed-in'; details?: Readonly<Record<string, unknown>> } | ({ kind: 'refused' } & SiteError);

export interface RenderedPage {
  status: number;
  html: SafeHtml;
}

/**
 * The vendor-specific part of an SP's web app. The SAML core and the routes are shared; a vendor supplies
 * its rules after validation and its own pages.
 */
export interface SiteBehaviour {
  /** Shown on pages, e.g. "ImageKit". */
  displayName: string;
  /** Called with a report whose every check passed: the vendor's own rules (roles, provisioning). */
  decide(identity: Identity, report: ValidationReport, relayState: string | undefined): Promise<SignInDecision>;
  /** The SAML checks failed: how this vendor reports it (its code, text and HTTP status). */
  samlFailure(report: ValidationReport): SiteError;
  /** A POST to the ACS that carries no SAMLResponse. */
  missingResponse?(): SiteError;
  /** Whether the site takes SAML at all right now (SSO configured and switched on at the vendor). */
  gate?(): SiteError | undefined;
  /** The vendor's login page asks for an email first, and may refuse before any AuthnRequest. */
  signOnForm?: { beforeSignOn(email: string): SiteError | undefined };
  renderSignedIn(identity: Identity, details: Readonly<Record<string, unknown>> | undefined): RenderedPage;
  renderError(error: SiteError, report: ValidationReport | undefined): RenderedPage;
  renderHome(signInUrl: string | undefined): RenderedPage;
  renderSignedOut(): RenderedPage;
  /** The email form of the vendor's SSO login page. */
  renderSignOnForm?(action: string, error?: SiteError): RenderedPage;
}
