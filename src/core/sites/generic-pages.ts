import { html, trustedHtml, type SafeHtml } from '../http/html';
import type { Identity } from '../sp/model';
import type { ValidationReport } from '../sp/report';

const STYLE = trustedHtml(
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1f2328}' +
    'main{max-width:760px;margin:6vh auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:32px}' +
    'h1{font-size:22px;margin:0 0 12px}table{border-collapse:collapse;width:100%;font-size:14px}td,th{text-align:left;padding:6px 8px;border-top:1px solid #eaeef2;vertical-align:top}' +
    '.err{color:#cf222e}.muted{color:#57606a;font-size:13px}a.button{display:inline-block;background:#0969da;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none}',
);

/** The generic SP's page; `kind` names it for flows and tests (data-page). */
export function page(title: string, body: SafeHtml, kind: string): SafeHtml {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body><main data-page="${kind}">${body}</main></body></html>`;
}

export function identityTable(identity: Identity): SafeHtml {
  const rows = [
    ['NameID', `${identity.nameId}${identity.nameIdFormat ? ` (${identity.nameIdFormat.split(':').pop()})` : ''}`],
    ...Object.entries(identity.attributes).map(([k, v]) => [k, v.join(', ')]),
  ];
  return html`<table>${rows.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>`;
}

export function failedChecksList(report: ValidationReport | undefined): SafeHtml | undefined {
  const failed = report?.checks.filter((c) => c.status === 'fail' && !c.informational) ?? [];
  return failed.length ? html`<ul>${failed.map((c) => html`<li><strong>${c.title}</strong>: ${c.reason}</li>`)}</ul>` : undefined;
}
