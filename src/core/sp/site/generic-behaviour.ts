import { escapeHtml } from '../../xml/escape';
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
      html: page(`${displayName} — signed in`, `<h1>Signed in as ${escapeHtml(identity.nameId)}</h1>${identityTable(identity)}`, 'data-page="signed-in"'),
    }),
    renderError: (error, report) => ({
      status: error.httpStatus,
      html: page(
        `${displayName} — sign-in failed`,
        `<h1 class="err">Sign-in failed</h1><p data-error-code="${escapeHtml(error.code)}">${escapeHtml(error.message)}</p>${failedChecksList(report)}`,
        'data-page="sp-error"',
      ),
    }),
    renderHome: (signInUrl) => ({
      status: 200,
      html: page(displayName, `<h1>${escapeHtml(displayName)}</h1>${signInUrl ? `<p><a class="button" href="${escapeHtml(signInUrl)}">Sign in with SSO</a></p>` : ''}`, 'data-page="sp-home"'),
    }),
    renderSignedOut: () => ({ status: 200, html: page(`${displayName} — signed out`, '<h1>You are signed out</h1>', 'data-page="sp-signed-out"') }),
  };
}
