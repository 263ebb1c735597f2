import type { AadstsError } from '../../idp/aadsts';
import type { AppRef } from '../../idp/entra-idp';
import { html, trustedHtml, type SafeHtml } from '../../http/html';

const STYLE = trustedHtml(`
body{margin:0;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;background:#f2f2f2;color:#1b1b1b}
.card{max-width:440px;margin:8vh auto 0;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.2);padding:44px;box-sizing:border-box}
.logo{display:grid;grid-template-columns:10px 10px;gap:1px;width:21px;margin-bottom:16px}.logo i{width:10px;height:10px}
.logo i:nth-child(1){background:#f25022}.logo i:nth-child(2){background:#7fba00}.logo i:nth-child(3){background:#00a4ef}.logo i:nth-child(4){background:#ffb900}
.brand{display:flex;align-items:center;gap:8px;font-size:15px;color:#5e5e5e}
h1{font-size:24px;font-weight:600;margin:16px 0 12px}
p{font-size:15px;line-height:1.4}
.details{font-size:13px;color:#1b1b1b;margin-top:24px;border-top:1px solid #e6e6e6;padding-top:12px}
.details dt{font-weight:600;margin-top:8px}.details dd{margin:0;word-break:break-word}
.tile{display:flex;width:100%;text-align:left;gap:12px;align-items:center;border:0;background:none;padding:12px 8px;font:inherit;cursor:pointer}
.tile:hover,.tile:focus-visible{background:#e6e6e6;outline:2px solid #0067b8}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;background:#0067b8;color:#fff;display:grid;place-items:center;font-weight:600}
.tile>span:last-child{min-width:0;overflow-wrap:anywhere}
.small{font-size:13px;color:#5e5e5e}
.btn{font:inherit;padding:6px 20px;border:1px solid #8a8886;background:#fff;cursor:pointer}.btn.primary{background:#0067b8;color:#fff;border-color:#0067b8}
.harness{max-width:440px;margin:16px auto;font-size:13px;background:#fff8e1;border:1px solid #f0d78c;padding:12px 16px;box-sizing:border-box}
`);

export const MS_LOGO = html`<div class="brand"><div class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></div>Microsoft</div>`;

export function page(title: string, body: SafeHtml, head?: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}<title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface ErrorPageInput {
  error: AadstsError;
  requestId: string;
  correlationId: string;
  timestamp: string;
  app?: AppRef;
}

/**
 * Entra's "Sorry, but we're having trouble signing you in." page, with its troubleshooting details. The
 * harness's own hint sits outside the card, marked as the harness's; data attributes let flows read the code.
 */
export function errorPage(e: ErrorPageInput): SafeHtml {
  const app = e.app ? html`<dt>App name</dt><dd>${e.app.displayName}</dd><dt>App id</dt><dd>${e.app.appId}</dd>` : undefined;
  const details = html`<dl class="details"><dt>Request Id</dt><dd>${e.requestId}</dd><dt>Correlation Id</dt><dd>${e.correlationId}</dd><dt>Timestamp</dt><dd>${e.timestamp}</dd>${app}<dt>Message</dt><dd data-testid="aadsts-message">${e.error.message}</dd></dl>`;
  const body = html`<main class="card" data-aadsts="${e.error.code}" data-aadsts-name="${e.error.name}">${MS_LOGO}<h1>Sign in</h1><p role="alert">Sorry, but we’re having trouble signing you in.</p><p><strong>AADSTS${e.error.code}</strong>: ${e.error.message.replace(/^AADSTS\d+: /, '')}</p>${details}</main><aside class="harness" aria-label="SAML Harness hint"><strong>SAML Harness — how to fix:</strong> ${e.error.fix}</aside>`;
  return page('Sign in to your account', body, html`<meta name="saml-harness:aadsts" content="${e.error.code}">`);
}

export function accountPickerPage(opts: { action: string; ctx: string; app: AppRef; accounts: Array<{ upn: string; displayName: string }> }): SafeHtml {
  const initials = (name: string): string =>
    name
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .slice(0, 2)
      .toUpperCase();
  const forms = opts.accounts.map(
    (a) =>
      html`<form method="POST" action="${opts.action}"><input type="hidden" name="ctx" value="${opts.ctx}"><input type="hidden" name="login" value="${a.upn}"><button class="tile" type="submit" data-upn="${a.upn}"><span class="avatar" aria-hidden="true">${initials(a.displayName)}</span><span><span>${a.displayName}</span><br><span class="small">${a.upn}</span></span></button></form>`,
  );
  return page(
    'Sign in to your account',
    html`<main class="card" data-page="pick-account">${MS_LOGO}<h1>Pick an account</h1><p class="small">to continue to ${opts.app.displayName}</p>${forms}</main>`,
  );
}

export function signedOutPage(): SafeHtml {
  return page('Sign out', html`<main class="card" data-page="signed-out">${MS_LOGO}<h1>You signed out of your account</h1><p>It’s a good idea to close all browser windows.</p></main>`);
}

/**
 * Signed out of several apps: Entra's page loads each other app's Logout URL, with its LogoutRequest, in a
 * hidden frame (front-channel), then goes on to the app that asked, with its LogoutResponse. The frames are
 * sandboxed: an SP's logout page runs no script in them, whatever URL its record holds.
 */
export function signedOutFanoutPage(notify: readonly string[], next: string | undefined): SafeHtml {
  const frames = notify.map((u) => html`<iframe src="${u}" title="Signing out of another app" hidden sandbox="" data-logout-notify></iframe>`);
  const refresh = next ? html`<meta http-equiv="refresh" content="0;url=${next}">` : undefined;
  const more = next ? html`<p><a href="${next}" data-continue>Continue</a></p>` : undefined;
  return page(
    'Sign out',
    html`<main class="card" data-page="signed-out">${MS_LOGO}<h1>You signed out of your account</h1><p>Signing you out of ${notify.length} other application${notify.length === 1 ? '' : 's'}…</p>${frames}${more}</main>`,
    refresh,
  );
}

/** Entra's "Approve sign in request" page: the MFA prompt, answered with Approve or Deny. */
export function mfaPromptPage(opts: { action: string; ctx: string; app: AppRef; upn: string }): SafeHtml {
  const answer = (decision: 'approve' | 'deny', label: string, primary: boolean) =>
    html`<form method="POST" action="${opts.action}" style="display:inline"><input type="hidden" name="ctx" value="${opts.ctx}"><input type="hidden" name="decision" value="${decision}"><button type="submit" class="btn${primary ? ' primary' : ''}" data-decision="${decision}">${label}</button></form>`;
  return page(
    'Sign in to your account',
    html`<main class="card" data-page="mfa-prompt">${MS_LOGO}<p class="small">${opts.upn}</p><h1>Approve sign in request</h1><p>Open your Authenticator app, and approve the request to sign in to ${opts.app.displayName}.</p><p>${answer('approve', 'Approve (as on the phone)', true)} ${answer('deny', 'Deny', false)}</p></main><aside class="harness" aria-label="SAML Harness hint">Conditional Access requires multifactor authentication for this user; the harness stands in for the phone.</aside>`,
  );
}
