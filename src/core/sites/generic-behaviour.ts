import { html } from '../http/html';
import type { SiteBehaviour } from './behaviour';
import { failedChecksList, identityTable, page } from './generic-pages';

/** An SP with no vendor rules: it lets in whoever passes the SAML checks, and says which check failed otherwise. */
export function genericBehaviour(displayName = 'Generic SAML SP'): SiteBehaviour {
  return {
    displayName,
    decide: async () => ({ kind: 'signed-in' }),
    samlFailure: (report) => ({
      code: report.failure ? `SAML_CHECK_FAILED:${report.failure.id}` : 'SAML_CHECK_FAILED',
      message: report.failure ? `${report.failure.title}: ${report.failure.reason}` : 'The SAML response was refused.',
      httpStatus: 403,
    }),
    renderSignedIn: (identity) => ({
      status: 200,
      html: page(`${displayName} — signed in`, html`<h1>Signed in as ${identity.nameId}</h1>${identityTable(identity)}`, 'signed-in'),
    }),
    renderError: (error, report) => ({
      status: error.httpStatus,
      html: page(`${displayName} — sign-in failed`, html`<h1 class="err">Sign-in failed</h1><p data-error-code="${error.code}">${error.message}</p>${failedChecksList(report)}`, 'sp-error'),
    }),
    renderHome: (signInUrl) => ({
      status: 200,
      html: page(displayName, html`<h1>${displayName}</h1>${signInUrl ? html`<p><a class="button" href="${signInUrl}">Sign in with SSO</a></p>` : undefined}`, 'sp-home'),
    }),
    renderSignedOut: () => ({ status: 200, html: page(`${displayName} — signed out`, html`<h1>You are signed out</h1>`, 'sp-signed-out') }),
  };
}
