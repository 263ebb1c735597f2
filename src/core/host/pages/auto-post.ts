import { escapeHtml } from '../../xml/escape';

/** The self-submitting form Entra answers with; SPs' pages that post AuthnRequests use the same shape. */
export function autoPostPage(action: string, fields: Readonly<Record<string, string>>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}" />`)
    .join('');
  return (
    '<html><head><title>Working...</title></head><body>' +
    `<form method="POST" name="hiddenform" action="${escapeHtml(action)}">${inputs}` +
    '<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form>' +
    "<script language=\"javascript\">window.setTimeout('document.forms[0].submit()', 0);</script></body></html>"
  );
}
