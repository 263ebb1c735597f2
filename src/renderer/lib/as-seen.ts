/**
 * A run's page as the user's browser showed it, for a frame that runs no script: a browser with scripts on never
 * draws <noscript> (Entra's auto-post page is blank while it posts itself, not a "Script is disabled" button),
 * and, on Entra's account picker, the account the user picked is marked.
 */
export function asTheUserSaw(html: string, opts: { picked?: string } = {}): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('noscript').forEach((n) => n.remove());
  if (opts.picked) {
    const style = doc.createElement('style');
    const tile = `.tile[data-upn="${CSS.escape(opts.picked)}" i]`;
    style.textContent = `${tile}{background:#e6f0fa;outline:3px solid #0067b8;outline-offset:-3px;position:relative}${tile}::after{content:"✓ picked";position:absolute;right:10px;top:50%;transform:translateY(-50%);font-size:13px;font-weight:600;color:#0067b8}`;
    doc.head.append(style);
  }
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
