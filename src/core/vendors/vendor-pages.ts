import { html, trustedHtml, type SafeHtml } from '../http/html';
import type { ProvisioningDiff } from '../provisioning/diff';
import type { Identity } from '../sp/model';
import type { ValidationReport } from '../sp/report';
import type { RenderedPage, SiteError } from '../sites/behaviour';
import type { Brand } from './profile';

function shell(brand: Brand, title: string, body: SafeHtml, kind: string): SafeHtml {
  // The brand colour is the profile's own constant (a hex colour), never a user's value.
  const color = /^#[0-9a-f]{3,8}$/i.test(brand.color) ? brand.color : '#333';
  const style = trustedHtml(
    `body{margin:0;font-family:Inter,system-ui,-apple-system,"Segoe UI",sans-serif;background:#f5f6f8;color:#1d2330}` +
      `header{background:${color};color:#fff;padding:14px 28px;font-weight:600;font-size:18px;display:flex;gap:10px;align-items:center}` +
      `header small{font-weight:400;opacity:.85;font-size:13px}main{max-width:820px;margin:32px auto;background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:28px 32px}` +
      `h1{font-size:22px;margin:0 0 14px}table{border-collapse:collapse;width:100%;font-size:14px;margin:12px 0}td,th{text-align:left;padding:7px 9px;border-top:1px solid #eceef2;vertical-align:top}` +
      `.err{color:#c62828}.code{font-family:ui-monospace,Menlo,monospace;background:#f3f4f6;padding:2px 6px;border-radius:4px}` +
      `.harness{margin-top:22px;font-size:13px;background:#fff8e1;border:1px solid #f0d78c;padding:10px 14px;border-radius:6px}` +
      `label{display:block;font-size:14px;margin:14px 0 6px}input[type=email]{width:100%;box-sizing:border-box;padding:9px 10px;font-size:15px;border:1px solid #c9ced6;border-radius:6px}` +
      `button{margin-top:16px;background:${color};color:#fff;border:0;padding:10px 18px;border-radius:6px;font-size:15px;cursor:pointer}button:focus-visible{outline:3px solid #1d2330}` +
      `.pill{display:inline-block;background:#eef1f6;border-radius:99px;padding:2px 10px;margin:2px;font-size:13px}.created{color:#1b7f3b}.updated{color:#a05a00}`,
  );
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${style}</style></head><body><header>${brand.name} <small>${brand.product}</small></header><main data-page="${kind}" data-vendor="${brand.name}">${body}</main></body></html>`;
}

const show = (v: string | string[] | undefined): string => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : v || '—');

export function diffTable(diff: ProvisioningDiff): SafeHtml {
  const rows = diff.changes.map((c) => html`<tr><td>${c.field}</td><td>${show(c.before)}</td><td>${show(c.after)}</td></tr>`);
  const groups = [...diff.groupsAdded.map((g) => html`<span class="pill created">+ ${g}</span>`), ...diff.groupsRemoved.map((g) => html`<span class="pill updated">− ${g}</span>`)];
  const created = diff.groupsCreated.map((g) => html`<span class="pill">${g}</span>`);
  return html`<section data-testid="provisioning-diff" data-action="${diff.action}"><h2 style="font-size:16px">Provisioning: <span class="${diff.action}">${diff.action}</span></h2>${
    rows.length ? html`<table><tr><th>Field</th><th>Before</th><th>After</th></tr>${rows}</table>` : undefined
  }${groups.length ? html`<p>Groups: ${groups}</p>` : undefined}${created.length ? html`<p>Groups created: ${created}</p>` : undefined}${diff.warnings.map(
    (w) => html`<p class="err" data-testid="provisioning-warning">⚠ ${w}</p>`,
  )}</section>`;
}

export function signedInPage(brand: Brand, identity: Identity, details: Readonly<Record<string, unknown>> | undefined, facts: Array<[string, string]>): RenderedPage {
  const diff = details?.diff as ProvisioningDiff | undefined;
  const rows = facts.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`);
  return {
    status: 200,
    html: shell(brand, `${brand.name} — ${brand.product}`, html`<h1>Welcome, ${identity.nameId}</h1><table>${rows}</table>${diff ? diffTable(diff) : undefined}`, 'signed-in'),
  };
}

export function errorPage(brand: Brand, error: SiteError, report: ValidationReport | undefined, body?: SafeHtml): RenderedPage {
  const failed = report?.checks.filter((c) => c.status === 'fail' && !c.informational) ?? [];
  const reason = error.reason ? html`<p data-error-reason>${error.reason}</p>` : undefined;
  const checks = failed.length ? html`<ul>${failed.map((c) => html`<li><strong>${c.title}</strong>: ${c.reason}</li>`)}</ul>` : undefined;
  const harness = reason || checks ? html`<aside class="harness" aria-label="SAML Harness explanation"><strong>SAML Harness:</strong>${reason}${checks}</aside>` : undefined;
  return {
    status: error.httpStatus,
    html: shell(brand, `${brand.name} — error`, html`${body ?? html`<h1 class="err">Single sign-on failed</h1><p data-error-code="${error.code}">${error.message}</p>`}${harness}`, 'sp-error'),
  };
}

export function signOnFormPage(brand: Brand, action: string, intro: string, error?: SiteError): RenderedPage {
  const err = error
    ? html`<p class="err" role="alert" data-error-code="${error.code}">${error.message}</p>${error.reason ? html`<aside class="harness"><strong>SAML Harness:</strong> <span data-error-reason>${error.reason}</span></aside>` : undefined}`
    : undefined;
  return {
    status: error ? error.httpStatus : 200,
    html: shell(
      brand,
      `${brand.name} — Sign in with SSO`,
      html`<h1>Sign in with SSO</h1><p>${intro}</p>${err}<form method="POST" action="${action}"><label for="email">Work email</label><input id="email" type="email" name="email" required autocomplete="email"><button type="submit">Continue</button></form>`,
      'sp-sign-on',
    ),
  };
}

export function simplePage(brand: Brand, kind: string, title: string, body?: SafeHtml): RenderedPage {
  return { status: 200, html: shell(brand, `${brand.name} — ${title}`, html`<h1>${title}</h1>${body}`, kind) };
}
