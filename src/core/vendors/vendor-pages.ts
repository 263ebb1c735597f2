import type { ProvisioningDiff } from '../provisioning/diff';
import type { Identity } from '../sp/model';
import type { ValidationReport } from '../sp/report';
import type { RenderedPage, SiteError } from '../sp/site/behaviour';
import { escapeHtml } from '../xml/escape';
import type { Brand } from './profile';

const e = escapeHtml;

function shell(brand: Brand, title: string, body: string, kind: string): string {
  const style =
    `body{margin:0;font-family:Inter,system-ui,-apple-system,"Segoe UI",sans-serif;background:#f5f6f8;color:#1d2330}` +
    `header{background:${brand.color};color:#fff;padding:14px 28px;font-weight:600;font-size:18px;display:flex;gap:10px;align-items:center}` +
    `header small{font-weight:400;opacity:.85;font-size:13px}main{max-width:820px;margin:32px auto;background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:28px 32px}` +
    `h1{font-size:22px;margin:0 0 14px}table{border-collapse:collapse;width:100%;font-size:14px;margin:12px 0}td,th{text-align:left;padding:7px 9px;border-top:1px solid #eceef2;vertical-align:top}` +
    `.err{color:#c62828}.code{font-family:ui-monospace,Menlo,monospace;background:#f3f4f6;padding:2px 6px;border-radius:4px}` +
    `.harness{margin-top:22px;font-size:13px;background:#fff8e1;border:1px solid #f0d78c;padding:10px 14px;border-radius:6px}` +
    `label{display:block;font-size:14px;margin:14px 0 6px}input[type=email]{width:100%;box-sizing:border-box;padding:9px 10px;font-size:15px;border:1px solid #c9ced6;border-radius:6px}` +
    `button{margin-top:16px;background:${brand.color};color:#fff;border:0;padding:10px 18px;border-radius:6px;font-size:15px;cursor:pointer}button:focus-visible{outline:3px solid #1d2330}` +
    `.pill{display:inline-block;background:#eef1f6;border-radius:99px;padding:2px 10px;margin:2px;font-size:13px}.created{color:#1b7f3b}.updated{color:#a05a00}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${style}</style></head>` +
    `<body><header>${e(brand.name)} <small>${e(brand.product)}</small></header><main data-page="${kind}" data-vendor="${e(brand.name)}">${body}</main></body></html>`;
}

const show = (v: string | string[] | undefined): string => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : v || '—');

export function diffTable(diff: ProvisioningDiff): string {
  const rows = diff.changes.map((c) => `<tr><td>${e(c.field)}</td><td>${e(show(c.before))}</td><td>${e(show(c.after))}</td></tr>`).join('');
  const groups = [
    ...diff.groupsAdded.map((g) => `<span class="pill created">+ ${e(g)}</span>`),
    ...diff.groupsRemoved.map((g) => `<span class="pill updated">− ${e(g)}</span>`),
  ].join('');
  return (
    `<section data-testid="provisioning-diff" data-action="${diff.action}"><h2 style="font-size:16px">Provisioning: <span class="${diff.action}">${diff.action}</span></h2>` +
    (rows ? `<table><tr><th>Field</th><th>Before</th><th>After</th></tr>${rows}</table>` : '') +
    (groups ? `<p>Groups: ${groups}</p>` : '') +
    (diff.groupsCreated.length ? `<p>Groups created: ${diff.groupsCreated.map((g) => `<span class="pill">${e(g)}</span>`).join('')}</p>` : '') +
    diff.warnings.map((w) => `<p class="err" data-testid="provisioning-warning">⚠ ${e(w)}</p>`).join('') +
    `</section>`
  );
}

export function signedInPage(brand: Brand, identity: Identity, details: Readonly<Record<string, unknown>> | undefined, facts: Array<[string, string]>): RenderedPage {
  const diff = details?.diff as ProvisioningDiff | undefined;
  const rows = facts.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('');
  return {
    status: 200,
    html: shell(brand, `${brand.name} — ${brand.product}`, `<h1>Welcome, ${e(identity.nameId)}</h1><table>${rows}</table>${diff ? diffTable(diff) : ''}`, 'signed-in'),
  };
}

export function errorPage(brand: Brand, error: SiteError, report: ValidationReport | undefined, body?: string): RenderedPage {
  const failed = report?.checks.filter((c) => c.status === 'fail' && !c.informational) ?? [];
  const harness =
    (error.reason ? `<p data-error-reason>${e(error.reason)}</p>` : '') +
    (failed.length ? `<ul>${failed.map((c) => `<li><strong>${e(c.title)}</strong>: ${e(c.reason)}</li>`).join('')}</ul>` : '');
  return {
    status: error.httpStatus,
    html: shell(
      brand,
      `${brand.name} — error`,
      (body ?? `<h1 class="err">Single sign-on failed</h1><p data-error-code="${e(error.code)}">${e(error.message)}</p>`) +
        (harness ? `<aside class="harness" aria-label="SAML Harness explanation"><strong>SAML Harness:</strong>${harness}</aside>` : ''),
      'sp-error',
    ),
  };
}

export function signOnFormPage(brand: Brand, action: string, intro: string, error?: SiteError): RenderedPage {
  const err = error
    ? `<p class="err" role="alert" data-error-code="${e(error.code)}">${e(error.message)}</p>${error.reason ? `<aside class="harness"><strong>SAML Harness:</strong> <span data-error-reason>${e(error.reason)}</span></aside>` : ''}`
    : '';
  return {
    status: error ? error.httpStatus : 200,
    html: shell(
      brand,
      `${brand.name} — Sign in with SSO`,
      `<h1>Sign in with SSO</h1><p>${e(intro)}</p>${err}<form method="POST" action="${e(action)}"><label for="email">Work email</label>` +
        `<input id="email" type="email" name="email" required autocomplete="email"><button type="submit">Continue</button></form>`,
      'sp-sign-on',
    ),
  };
}

export function simplePage(brand: Brand, kind: string, title: string, body: string): RenderedPage {
  return { status: 200, html: shell(brand, `${brand.name} — ${title}`, `<h1>${e(title)}</h1>${body}`, kind) };
}
