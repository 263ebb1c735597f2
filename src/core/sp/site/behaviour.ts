import type { Identity } from '../model';
import type { ValidationReport } from '../report';

/** What an SP decides after its SAML checks: let the user in (maybe with details to show), or refuse. */
export type SignInDecision =
  | { kind: 'signed-in'; details?: Readonly<Record<string, unknown>> }
  | { kind: 'refused'; code: string; message: string; httpStatus: number };

export interface RenderedPage {
  status: number;
  html: string;
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
  samlFailure(report: ValidationReport): { code: string; message: string; httpStatus: number };
  renderSignedIn(identity: Identity, details: Readonly<Record<string, unknown>> | undefined): RenderedPage;
  renderError(error: { code: string; message: string; httpStatus: number }, report: ValidationReport | undefined): RenderedPage;
  renderHome(signInUrl: string | undefined): RenderedPage;
  renderSignedOut(): RenderedPage;
}
