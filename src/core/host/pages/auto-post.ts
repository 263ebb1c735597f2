import { html, ownScript, type SafeHtml } from '../../http/html';

/**
 * Entra's page calls window.setTimeout('document.forms[0].submit()', 0): a string, which a Content-Security-Policy
 * without 'unsafe-eval' refuses. The harness submits with a function, so its pages need no eval.
 */
const AUTO_SUBMIT = ownScript('window.setTimeout(function(){document.forms[0].submit();}, 0);');

/** The self-submitting form Entra answers with; SPs' pages that post AuthnRequests use the same shape. */
export function autoPostPage(action: string, fields: Readonly<Record<string, string>>): SafeHtml {
  const inputs = Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
  return html`<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${action}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form>${AUTO_SUBMIT}</body></html>`;
}
