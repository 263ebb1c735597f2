import { html, type SafeHtml } from './html';

/** What a browser shows for a host that does not exist — a mistyped Reply URL host ends here, as it would. */
export function unreachablePage(host: string): SafeHtml {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${host}</title></head><body style="font-family:system-ui,sans-serif;max-width:600px;margin:10vh auto;color:#202124" data-page="unreachable" data-host="${host}"><h1 style="font-size:24px;font-weight:500">This site can’t be reached</h1><p>Check if there is a typo in <strong>${host}</strong>.</p><p style="color:#5f6368">DNS_PROBE_FINISHED_NXDOMAIN</p></body></html>`;
}
